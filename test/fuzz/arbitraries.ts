/**
 * Generators for the fuzz tests: `.xxgk` documents built from the grammar of docs/markup.md, and mutations that
 * break them. Generators are plain functions that read their decisions from a `Choices` sequence (a list of
 * numbers drawn by fast-check): when fast-check shrinks a failing case it shortens the list and lowers its
 * numbers, and a choice that reads 0 is always the simplest option, so the shrunk document is a small one.
 */
import fc from 'fast-check';
import { formatSpec, type FormatId, type RowSpec, type TableSpec } from '../../server/src/core/index';

/** A sequence of decisions. Once it runs out every decision is 0 (the plainest option). */
export class Choices {
  private i = 0;
  constructor(private readonly xs: readonly number[]) {}

  /** An integer in [0, n). */
  int(n: number): number {
    if (n <= 1) return 0;
    const v = this.i < this.xs.length ? this.xs[this.i++] : 0;
    return Math.abs(Math.trunc(v)) % n;
  }

  /** True about `percent`% of the time; false once the sequence has run out. */
  chance(percent: number): boolean {
    return this.int(100) >= 100 - percent;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** A count: mostly small, sometimes large. */
  count(): number {
    const r = this.int(100);
    if (r < 60) return this.int(10);
    if (r < 90) return this.int(1000);
    return this.int(100_000);
  }

  /** Money in 万元 with up to 4 decimals (3.42, 0.1, 12). */
  money(): string {
    const scale = this.int(5);
    const units = this.count();
    if (scale === 0) return String(units);
    const digits = String(units).padStart(scale + 1, '0');
    return `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
}

/** Choices drawn by fast-check; `size: 'max'` so that long sequences (whole reports) are drawn too. */
export const choicesArb = (maxLength = 1200): fc.Arbitrary<Choices> =>
  fc.array(fc.nat({ max: 0x7fffffff }), { maxLength, size: 'max' }).map((xs) => new Choices(xs));

/** Deterministic choices from a seed (big documents, where shrinking matters less than speed). */
export function seededChoices(seed: number): Choices {
  let s = seed >>> 0 || 1;
  const xs: number[] = [];
  // xorshift32; 200k decisions are plenty for a 64 KB document.
  for (let i = 0; i < 200_000; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    xs.push(s);
  }
  return new Choices(xs);
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

const ZERO_MARKS = ['—', '-', '/', '无', '——', '–', '－', '／'];
const FULL = '０１２３４５６７８９';
const toFull = (s: string) => s.replace(/[0-9]/g, (d) => FULL[Number(d)]).replace(/,/g, '，').replace(/\./g, '．');
const withCommas = (n: string) => n.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** How a figure is written in a cell: plain, with thousands separators, full-width, or a zero mark. */
export function cellText(c: Choices, value: string, messy = false): string {
  const r = c.int(100);
  if (r < 70 || !messy) return value;
  if (r < 80 && /^\d{4,}$/.test(value)) return withCommas(value);
  if (r < 85 && /^0(\.0+)?$/.test(value)) return c.pick(ZERO_MARKS);
  if (r < 90) return toFull(value);
  if (r < 95) return `${value}${c.pick(['件', '条', '万元', '元', '%'])}`;
  return c.pick(['', ' ', 'N/A', '约5', '1,23', '99999999999999999999', '9007199254740993', '一百二十', '3.', '.5', '+7', '-3', '1e3', '0x1F']);
}

const row = (label: string, cells: readonly string[], trailingPipe = true) =>
  `| ${label} |${cells.map((x, k) => ` ${x} ${k < cells.length - 1 || trailingPipe ? '|' : ''}`).join('')}`;
const separator = (n: number) => `|${'---|'.repeat(n)}`;

// ---------------------------------------------------------------------------------------------------------------
// Standard tables

function labelFor(c: Choices, spec: RowSpec): string {
  if (spec.id === 'otherHandling.misc') return c.pick([spec.label, '其他处理/其他', '3、其他']);
  const options = [spec.label, spec.name, ...(spec.aliases ?? [])];
  const label = c.pick(options);
  // Numbering written with other punctuation (1、 1． (一)) is the same label.
  if (c.chance(10)) return label.replace(/^(\d)\./, '$1、').replace(/^（(.)）/, '($1)');
  return label;
}

/** 主动公开 of either national format: one header per block, official rows, counts and money. */
export function proactiveTable(c: Choices, format: '2021' | '2019', messy = false): string {
  const spec = formatSpec(format).tables.find((t) => t.kind === '主动公开')!;
  const lines = ['::: 主动公开'];
  let block = '';
  for (const r of spec.rows) {
    if (r.block !== block) {
      block = r.block!;
      if (c.chance(60)) {
        lines.push(row(c.pick(spec.cornerLabels), r.columns!.map((col) => col.label)));
        if (c.chance(80)) lines.push(separator(r.columns!.length + 1));
      }
    }
    if (messy && c.chance(5)) continue;
    const values = r.columns!.map((col) => {
      if (col.kind === 'money') return cellText(c, c.money(), messy);
      if (col.kind === 'signed') return cellText(c, String(c.count() - (c.chance(30) ? 20 : 0)), messy);
      return cellText(c, String(c.count()), messy);
    });
    lines.push(row(labelFor(c, r), values));
  }
  lines.push(':::');
  return lines.join('\n');
}

export interface RequestOptions {
  /** Put a wrong figure into some total cells (总计 column, （七）总计 row, group subtotals). */
  readonly wrongTotals?: boolean;
  readonly messy?: boolean;
}

/**
 * 依申请 of either national format, with figures that satisfy R1–R3 and the group subtotals, unless asked for
 * wrong totals.
 */
export function requestTable(c: Choices, format: '2021' | '2019', options: RequestOptions = {}): string {
  const spec: TableSpec = formatSpec(format).tables.find((t) => t.kind === '依申请')!;
  const cols = 6;
  const figures = new Map<string, number[]>();
  const leaves = spec.rows.filter((r) => r.parent && !r.group && r.id !== 'total');
  for (const r of leaves) figures.set(r.id, Array.from({ length: cols }, () => (c.chance(60) ? 0 : c.count() % 50)));
  const sumOf = (ids: string[]) => Array.from({ length: cols }, (_, k) => ids.reduce((s, id) => s + (figures.get(id)?.[k] ?? 0), 0));
  for (const g of spec.rows.filter((r) => r.group && r.id !== 'results')) figures.set(g.id, sumOf(leaves.filter((l) => l.parent === g.id).map((l) => l.id)));
  const total = sumOf(leaves.map((l) => l.id));
  figures.set('total', total);
  const next = Array.from({ length: cols }, () => (c.chance(50) ? 0 : c.int(10)));
  const carried = Array.from({ length: cols }, (_, k) => Math.min(c.int(10), total[k] + next[k]));
  figures.set('next', next);
  figures.set('carried', carried);
  figures.set('new', total.map((t, k) => t + next[k] - carried[k]));

  const lines = ['::: 依申请'];
  if (c.chance(70)) {
    lines.push(row(c.pick(spec.cornerLabels), spec.columns.map((col) => col.label)));
    lines.push(separator(spec.columns.length + 1));
  }
  for (const r of spec.rows) {
    const values = figures.get(r.id);
    if (r.group) {
      const how = c.int(4);
      if (how === 0) continue; // omitted
      if (how === 1 || !values) lines.push(`| ${labelFor(c, r)} |`);
      else if (how === 2) lines.push(row(labelFor(c, r), Array(7).fill('')));
      else lines.push(row(labelFor(c, r), totalled(c, values, options)));
      continue;
    }
    if (options.messy && c.chance(4)) continue;
    lines.push(row(labelFor(c, r), totalled(c, values!, options, r.id === 'total')));
  }
  lines.push(':::');
  return lines.join('\n');
}

function totalled(c: Choices, values: readonly number[], options: RequestOptions, totalRow = false): string[] {
  const wrong = (n: number) => (options.wrongTotals && c.chance(15) ? Math.max(0, n + c.pick([1, -1, 2, 10, 100, 7])) : n);
  const cells = values.map((v) => (totalRow ? wrong(v) : v));
  const sum = values.reduce((a, b) => a + b, 0);
  return [...cells.map((v) => cellText(c, String(v), options.messy)), cellText(c, String(wrong(sum)), options.messy)];
}

/** 复议诉讼: three rows of four parts and their total. */
export function appealsTable(c: Choices, options: RequestOptions = {}): string {
  const spec = formatSpec('2021').tables.find((t) => t.kind === '复议诉讼')!;
  const lines = ['::: 复议诉讼'];
  if (c.chance(60)) lines.push(row(c.pick(spec.cornerLabels), spec.columns.map((col) => col.label)), separator(6));
  for (const r of spec.rows) {
    const parts = Array.from({ length: 4 }, () => c.int(6));
    lines.push(row(labelFor(c, r), totalled(c, parts, options)));
  }
  lines.push(':::');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Legacy 附表 and other Markdown tables

const LEGACY_TOPICS = ['主动公开信息数', '受理依申请公开信息总数', '本年度对申请的答复总数', '行政复议数', '行政诉讼数', '行政申诉数', '收取费用总额'];
const LEGACY_PARTS = ['政府网站', '政府公报', '当面申请数', '网上申请数', '信函申请数', '同意公开答复数', '否决公开答复总数', '新闻发布会', '其它形式申请数', '涉及商业秘密'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface LegacyOptions {
  readonly wrongTotals?: boolean;
  readonly decimals?: boolean;
  readonly messy?: boolean;
}

/** A legacy 附表 with outline numbering (一、 （一） 1. （1）), 其中 breakdowns and a unit column. */
export function legacyTable(c: Choices, options: LegacyOptions = {}): string {
  const valueCols = 1 + c.int(3);
  const unitCol = c.int(3); // 0: none, 1: 计量单位, 2: 单位
  const header = ['指标名称', ...(unitCol ? [unitCol === 1 ? '计量单位' : '单位'] : []), ...['本年', '历年累计', '上年'].slice(0, valueCols)];
  const lines = ['::: ' + c.pick(['附表', '附表', '统计表']), `| ${header.join(' | ')} |`];
  if (c.chance(80)) lines.push(separator(header.length));
  const num = () => (options.decimals && c.chance(50) ? c.money() : String(c.count()));
  const add = (xs: string[]) => xs.reduce((s, x) => addDecimalStrings(s, x), '0');
  const unitOf = () => (unitCol ? [c.pick(['条', '件', '件', '万元', '人次'])] : []);
  const emit = (label: string, unit: string[], values: string[]) =>
    lines.push(row(label, [...unit, ...values.map((v) => cellText(c, v, options.messy))]));
  const topics = 1 + c.int(5);
  for (let t = 0; t < topics; t++) {
    const style = c.int(3); // 0: unnumbered, 1: 一、, 2: 第一、
    const label = `${['', `${CN[t % 10]}、`, `第${CN[t % 10]}、`][style]}${c.pick(LEGACY_TOPICS)}`;
    const partsCount = c.int(5);
    const parts = Array.from({ length: partsCount }, () => Array.from({ length: valueCols }, num));
    let totals = Array.from({ length: valueCols }, (_, k) => (parts.length ? add(parts.map((p) => p[k])) : num()));
    if (options.wrongTotals && parts.length > 1 && c.chance(40)) totals = totals.map((v) => (c.chance(50) ? addDecimalStrings(v, c.pick(['1', '0.01', '10'])) : v));
    const unit = unitOf();
    emit(label, unit, totals);
    const how = c.int(4); // 0: 其中：1. 2. …, 1: bare 其中： then 1. 2., 2: （一）（二）, 3: （1）（2）
    if (how === 1 && parts.length) lines.push('| 其中： |');
    parts.forEach((p, k) => {
      const name = c.pick(LEGACY_PARTS);
      const numbered =
        how === 2 ? `（${CN[k % 10]}）${name}` : how === 3 ? `（${k + 1}）${name}` : `${k + 1}${c.pick(['.', '、', '．'])}${name}`;
      const first = k === 0 && how === 0 ? `${c.pick(['其中：', '其中:', '其中，', '其中、'])}${numbered}` : numbered;
      emit(first, c.chance(10) ? unitOf() : unit, p);
    });
  }
  lines.push(':::');
  return lines.join('\n');
}

export interface PlainOptions {
  readonly wrongTotals?: boolean;
  readonly decimals?: boolean;
  readonly messy?: boolean;
}

export interface PlainTableCase {
  readonly text: string;
  /** Total cells whose figure is wrong, as [row index among data rows, column index among values]. */
  readonly wrong: ReadonlyArray<readonly [number, number]>;
}

/** A Markdown table outside any container, with a 合计 row and maybe a 合计 column and 小计 rows. */
export function plainTable(c: Choices, options: PlainOptions = {}): PlainTableCase {
  const cols = 1 + c.int(4);
  const totalCol = c.chance(50);
  const header = ['类别', ...['上半年', '下半年', '第三季度', '其他'].slice(0, cols), ...(totalCol ? [c.pick(['合计', '总计', '合　计'])] : [])];
  const lines = [`| ${header.join(' | ')} |`, separator(header.length)];
  const num = () => (options.decimals && c.chance(70) ? c.money() : String(c.count()));
  const body: string[][] = [];
  const wrong: Array<[number, number]> = [];
  const grand = Array<string>(cols).fill('0');
  let sub = Array<string>(cols).fill('0');
  let sinceSub = 0;
  const rowsCount = 1 + c.int(6);
  const pushRow = (label: string, values: string[], isTotal: boolean) => {
    const cells = [...values];
    if (totalCol) cells.push(values.reduce((s, v) => addDecimalStrings(s, v), '0'));
    if (options.wrongTotals) {
      cells.forEach((v, k) => {
        const isTotalCell = isTotal || (totalCol && k === cols);
        if (isTotalCell && c.chance(25)) {
          cells[k] = addDecimalStrings(v, c.pick(['1', '0.1', '0.01', '100', '-1']));
          if (cells[k].startsWith('-')) cells[k] = addDecimalStrings(v, '1');
          wrong.push([body.length, k]);
        }
      });
    }
    body.push([label, ...cells]);
  };
  for (let r = 0; r < rowsCount; r++) {
    const values = Array.from({ length: cols }, num);
    values.forEach((v, k) => {
      grand[k] = addDecimalStrings(grand[k], v);
      sub[k] = addDecimalStrings(sub[k], v);
    });
    sinceSub++;
    pushRow(c.pick(['工作动态', '通知公告', '政策文件', '人事信息', '财政预决算', '规划计划']), values, false);
    if (c.chance(15) && r < rowsCount - 1 && sinceSub > 0) {
      pushRow('小计', sub, true);
      sub = Array<string>(cols).fill('0');
      sinceSub = 0;
    }
  }
  pushRow(c.pick(['合计', '总计', '共计', '合 计']), grand, true);
  for (const b of body) lines.push(row(b[0], b.slice(1)));
  return { text: lines.join('\n'), wrong };
}

/** Exact decimal addition of two non-negative-or-negative decimal strings (test oracle, independent of the core). */
export function addDecimalStrings(a: string, b: string): string {
  const scale = Math.max(decimals(a), decimals(b));
  const units = (s: string) => BigInt(s.replace('.', '') + '0'.repeat(scale - decimals(s)));
  const total = units(a) + units(b);
  const neg = total < 0n;
  let digits = (neg ? -total : total).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return (neg ? '-' : '') + digits;
}
const decimals = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// Prose, front matter, sections, reports

const TOPICS = ['工作动态', '通知公告', '政策文件', '部门预决算', '安全生产信息', '人事信息', '文字解读', '图表解读', '视频解读'];
const UNITS = ['条', '件', '篇', '期', '次'];

/** One paragraph: a total with a 其中/包括 breakdown (right or wrong), figures for the prose-table-* rules, the period, fees. */
export function prose(c: Choices, year: number): string {
  const kind = c.int(9);
  const unit = c.pick(UNITS);
  const parts = Array.from({ length: 1 + c.int(4) }, () => [c.pick(TOPICS), c.count() % 1000] as const);
  const sum = parts.reduce((s, [, n]) => s + n, 0);
  const total = c.chance(20) ? sum + c.pick([1, -1, 10]) : sum;
  const list = parts.map(([t, n]) => `${t}${n}${unit}`);
  const sep = c.pick(['，', '、', '；']);
  switch (kind) {
    case 0:
      return `全年主动公开政府信息${total}${unit}，${c.pick(['其中：', '其中，', '其中'])}${list.join(sep)}。`;
    case 1:
      return `累计主动公开政府信息达${withCommas(String(total))}${unit}。其中，${list.join(sep)}。`;
    case 2:
      return `共发布信息${total}${unit}（${c.pick(['包括', '包含'])}${list.join('、')}）。`;
    case 3: {
      const n = c.count() % 300;
      return `本年度新收政府信息公开申请${n}件，上年结转${c.int(10)}件，办结${c.int(300)}件，结转下年度继续办理${c.int(10)}件。予以公开${c.int(100)}件，占办结总数的${c.int(100)}.${c.int(10)}%。被申请行政复议${c.int(5)}件，行政诉讼${c.int(5)}件。`;
    }
    case 4: {
      const y = c.chance(80) ? year : year + c.pick([-1, 1]);
      return `本报告中所列数据的统计期限为${y}年1月1日至${y}年12月${c.pick(['31', '31', '20', '30'])}日。`;
    }
    case 5:
      return c.pick(['本年度未收取信息处理费。', '本年度收取信息处理费0.35万元。', '无。', '依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。']);
    case 6:
      return c.pick([
        `- 一是${c.pick(TOPICS)}不够及时；\n- 二是解读形式单一。`,
        `> 引用：${c.pick(TOPICS)}${c.count()}${unit}。`,
        `**加粗**的${c.pick(TOPICS)}，[链接](https://example.org/${c.int(99)})，合计${total}${unit}。`,
        `全年公开${c.pick(['一千二百', '三百零五', '二十'])}${unit}，其中${c.pick(TOPICS)}${c.pick(['十二', '五'])}${unit}。`,
        `${year}年，本局认真贯彻落实《条例》，2019年修订的内容已全面执行，较上年增加${c.count()}${unit}，同比增长${c.int(100)}%。`,
      ]);
    case 7:
      return `通过政府网站公开${total}${unit}，其中：政府网站${c.count()}${unit}，微信公众号${c.count()}${unit}，政务微博${c.count()}${unit}。`;
    default:
      return `${c.pick(['坚持以公开为常态、不公开为例外。', '严格落实保密审查制度。', '本年度未发生因政府信息公开工作引发的责任追究情况。'])}${c.chance(30) ? `组织培训${c.int(9)}期，参训人员${c.count()}人次。` : ''}`;
  }
}

/** Front matter; `clean` writes a valid one that names the year and the format. */
export function frontMatter(c: Choices, format: FormatId, year: number, clean = false): string {
  const entries: string[] = [];
  const key = (zh: string, en: string) => (c.chance(20) ? en : zh);
  if (clean) {
    entries.push(`${key('机关', 'agency')}: ${c.pick(['滨江市市场监督管理局', '青山县统计局', '测试市人民政府'])}`);
    entries.push(`${key('年度', 'year')}: ${year}`, `${key('格式', 'format')}: ${format}`, `${key('发布日期', 'published')}: ${year + 1}-01-${String(1 + c.int(28)).padStart(2, '0')}`);
    return `---\n${entries.join('\n')}\n---`;
  }
  if (!c.chance(10)) entries.push(`${key('机关', 'agency')}: ${c.pick(['滨江市市场监督管理局', '青山县统计局', '测试市人民政府', '"带引号的机关"', ''])}`);
  if (!c.chance(10)) entries.push(`${key('年度', 'year')}: ${c.chance(85) ? year : c.pick(['23', '1998', '"2023"', '二〇二三', '2023.5', '[2023]'])}`);
  if (!c.chance(20)) entries.push(`${key('格式', 'format')}: ${c.chance(85) ? format : c.pick(['2020', '2019', '2021', 'legacy', 'LEGACY', '{a: 1}'])}`);
  if (!c.chance(15)) {
    const date = c.chance(80) ? `${year + 1}-01-${String(1 + c.int(28)).padStart(2, '0')}` : c.pick([`${year + 1}-02-30`, `${year + 1}/01/26`, `${year}-12-31`, `${year + 1}-03-31`, `${year + 1}-04-01`, 'tomorrow']);
    entries.push(`${key('发布日期', 'published')}: ${date}`);
  }
  if (c.chance(8)) entries.push(c.pick(['作者: 张三', '年度: 2022', ': [', 'foo: [1, 2', '"key": value', '- list item', 'a: b: c']));
  const close = c.chance(5) ? '' : c.chance(10) ? '\n...' : '\n---';
  return `---\n${entries.join('\n')}${close}`;
}

const NATIONAL_HEADINGS: Array<[string, string[]]> = [
  ['总体情况', []],
  ['主动公开政府信息情况', []],
  ['收到和处理政府信息公开申请情况', ['收到和处理政府信息公开申请的情况']],
  ['政府信息公开行政复议、行政诉讼情况', ['因政府信息公开工作被申请行政复议、提起行政诉讼情况']],
  ['存在的主要问题及改进情况', ['政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况']],
  ['其他需要报告的事项', []],
];
const LEGACY_HEADINGS = ['概述', '主动公开政府信息情况', '依申请公开政府信息情况', '政府信息公开的收费及减免情况', '因政府信息公开申请行政复议、提起行政诉讼情况', '政府信息公开工作存在的主要问题及改进措施', '其他需要报告的事项'];

function numbering(c: Choices, k: number): string {
  const n = c.chance(85) ? k : k + 1;
  return c.pick([`${CN[n]}、`, `${CN[n]}、`, `${CN[n]}、 `, `${n + 1}、`, `${n + 1}. `, `（${CN[n]}）`, '', `第${CN[n]}、`]);
}

export interface ReportOptions {
  readonly format?: FormatId;
  readonly wrongTotals?: boolean;
  readonly messy?: boolean;
}

/** A whole report: front matter, title, intro, sections with prose and their tables. */
export function report(c: Choices, options: ReportOptions = {}): string {
  const format = options.format ?? c.pick(['2021', '2021', '2019', 'legacy'] as const);
  const year = format === '2021' ? 2021 + c.int(5) : format === '2019' ? 2019 + c.int(2) : 2008 + c.int(11);
  const agency = c.pick(['滨江市市场监督管理局', '青山县统计局', '测试市人民政府']);
  const messy = options.messy ?? c.chance(30);
  const out: string[] = [];
  // A messy report may lack its front matter or name another year in its title (then it is read in another format).
  if (!messy) out.push(frontMatter(c, format, year, true), `# ${agency}${year}年政府信息公开工作年度报告`);
  else {
    if (!c.chance(10)) out.push(frontMatter(c, format, year));
    if (!c.chance(5)) out.push(`# ${agency}${c.chance(90) ? year : year - 1}年政府信息公开工作年度报告`);
  }
  if (c.chance(70)) out.push(prose(c, year) + prose(c, year));
  const sections = format === 'legacy' ? LEGACY_HEADINGS.map((h) => [h, []] as [string, string[]]) : NATIONAL_HEADINGS;
  for (let k = 0; k < sections.length; k++) {
    if (messy && c.chance(8)) continue;
    const [name, variants] = sections[k];
    const heading = messy && variants.length && c.chance(30) ? c.pick(variants) : name;
    out.push(`## ${format === 'legacy' ? c.pick([`${CN[k]}、`, '', `（${CN[k]}）`]) : messy ? numbering(c, k) : `${CN[k]}、`}${heading}`);
    const paragraphs = c.int(4);
    for (let p = 0; p < paragraphs; p++) {
      if (k === 0 && format !== 'legacy' && c.chance(40)) out.push(`### （${CN[p]}）${c.pick(['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'])}`);
      out.push(prose(c, year));
    }
    if (c.chance(25)) out.push(plainTable(c, { decimals: c.chance(50), wrongTotals: options.wrongTotals, messy }).text);
    if (format !== 'legacy') {
      const f = format as '2021' | '2019';
      if (k === 1 && !(messy && c.chance(5))) out.push(proactiveTable(c, f, messy));
      if (k === 2 && !(messy && c.chance(5))) out.push(requestTable(c, f, { wrongTotals: options.wrongTotals, messy }));
      if (k === 3 && !(messy && c.chance(5))) out.push(appealsTable(c, { wrongTotals: options.wrongTotals, messy }));
    } else if (k === sections.length - 1 && c.chance(90)) {
      out.push('附表：政府信息公开情况统计表', legacyTable(c, { wrongTotals: options.wrongTotals, decimals: c.chance(30), messy }));
    }
    if (messy && c.chance(5)) out.push(directive(c));
  }
  if (messy && c.chance(10)) out.splice(c.int(out.length + 1), 0, out[c.int(out.length)] ?? '');
  return out.join(c.chance(90) ? '\n\n' : '\n') + (c.chance(80) ? '\n' : '');
}

function directive(c: Choices): string {
  return c.pick([
    '<!-- xxgk-disable-next-line table-sum -->',
    '<!-- xxgk-disable table-sum empty-cell -->',
    '<!-- xxgk-enable table-sum empty-cell -->',
    '<!-- xxgk-disable -->',
    '<!-- xxgk-enable -->',
    '<!-- xxgk-disable-next-line prose-sum,cell-value -->',
    '<!-- 普通注释',
    '<!-- 多行\n注释 -->',
    '```\n| 合计 | 1 |\n```',
    '~~~',
  ]);
}

/** A small piece of a document: one table, a front matter, a section, a few paragraphs. */
export function fragment(c: Choices): string {
  const year = 2008 + c.int(18);
  const f = c.pick(['2021', '2019'] as const);
  switch (c.int(12)) {
    case 0:
      return frontMatter(c, c.pick(['2021', '2019', 'legacy'] as const), year);
    case 1:
      return proactiveTable(c, f, c.chance(50));
    case 2:
      return requestTable(c, f, { wrongTotals: c.chance(50), messy: c.chance(50) });
    case 3:
      return appealsTable(c, { wrongTotals: c.chance(50), messy: c.chance(50) });
    case 4:
      return legacyTable(c, { wrongTotals: c.chance(50), decimals: c.chance(50), messy: c.chance(30) });
    case 5:
      return plainTable(c, { wrongTotals: c.chance(50), decimals: c.chance(50) }).text;
    case 6:
      return `## ${numbering(c, c.int(6))}${c.pick(NATIONAL_HEADINGS)[0]}\n\n${prose(c, year)}`;
    case 7:
      return [prose(c, year), prose(c, year), prose(c, year)].join(c.pick(['\n', '\n\n', '']));
    case 8:
      return directive(c);
    case 9:
      return `# 测试局${year}年政府信息公开工作年度报告`;
    default:
      return report(c);
  }
}

/** One to four fragments, or a whole report. */
export function document(c: Choices): string {
  if (c.chance(35)) return report(c);
  const n = 1 + c.int(4);
  return Array.from({ length: n }, () => fragment(c)).join(c.pick(['\n\n', '\n', '\r\n\r\n']));
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

const ODD_CHARS = [
  '|', '｜', ':', '：', '#', '-', '—', '\n', '\r', '\r\n', '\t', ' ', '　', '\\', '\\|', '`', '<', '>', '*', '"', '“',
  '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u2028', '\u2029',
  '\ufeff', '\ufffd', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '𠮷', 'é', 'e\u0301',
  '０', '１', '９', '，', '．', '一', '二', '十', '百', '千', '万', '亿', '〇', '两', '壹', '贰',
  '其中', '合计', '总计', '小计', '件', '条', '年', '%',
];
const TOKENS = [
  '::: 依申请', '::: 主动公开', '::: 复议诉讼', '::: 附表', '::: 未知', ':::', '::::', '---', '...', '## ', '# ', '### ',
  '| ', ' |', '|---|---|', '| 合计 | 1 | 2 |', '| 总计 |', '其中：', '其中：1.', '包括', '（一）', '一、', '1.', '（1）',
  '<!-- xxgk-disable -->', '<!-- xxgk-enable -->', '<!-- xxgk-disable-next-line -->', '<!--', '-->', '```', '~~~',
  '99999999999999999999', '9007199254740993', '18446744073709551616', '1'.repeat(400), '0.1', '0.2', '0.3', '1,234', '1,23',
  '１２３', '１，２３４', '３．４２', '一千二百三十四', '二〇二三', '-3', '−3', '1e309', 'NaN', 'Infinity', '.', ',,,',
  '2023年1月1日至2023年12月31日', '本年度未收取信息处理费', '年度: 2023', '格式: 2019', '格式: legacy',
];

/** Applies one mutation to a text. */
export function mutateOnce(c: Choices, text: string): string {
  const at = () => c.int(text.length + 1);
  const lineBounds = (p: number) => {
    const s = text.lastIndexOf('\n', p - 1) + 1;
    const e = text.indexOf('\n', p);
    return [s, e < 0 ? text.length : e] as const;
  };
  switch (c.int(14)) {
    case 0: {
      const p = at();
      return text.slice(0, p) + c.pick(ODD_CHARS) + text.slice(p);
    }
    case 1: {
      const p = at();
      return text.slice(0, p) + c.pick(TOKENS) + text.slice(p);
    }
    case 2: {
      const p = at();
      return text.slice(0, p) + text.slice(p + 1 + c.int(c.chance(20) ? 200 : 8));
    }
    case 3: {
      const p = c.int(Math.max(1, text.length - 1));
      return text.slice(0, p) + text.slice(p + 1, p + 2) + text.slice(p, p + 1) + text.slice(p + 2);
    }
    case 4: {
      // Truncate a line where it stands.
      const p = at();
      const [, e] = lineBounds(p);
      return text.slice(0, p) + text.slice(e);
    }
    case 5: {
      // Drop a line: a closing ::: when there is one (containers left open), else any line.
      const closes = [...text.matchAll(/^[ \t]*:::[ \t]*\r?$/gm)].map((m) => m.index);
      const p = closes.length && c.chance(60) ? c.pick(closes) : at();
      const [s, e] = lineBounds(p);
      return text.slice(0, s) + text.slice(Math.min(text.length, e + 1));
    }
    case 6: {
      const p = at();
      const [s, e] = lineBounds(p);
      return text.slice(0, e) + '\n' + text.slice(s, e) + text.slice(e);
    }
    case 7: {
      // A figure replaced: huge, full-width, Chinese numerals, decimals, negative.
      const figures = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      if (!figures.length) return text + c.pick(TOKENS);
      const m = c.pick(figures);
      const replacement = c.pick([
        '99999999999999999999', '9007199254740993', '9007199254740992', toFull(m[0]), '一千二百', '十二', '〇', m[0] + '.5',
        '-' + m[0], m[0] + '0000000000000000', '1,2,3', '0.30000000000000004', '1' + '0'.repeat(c.int(40)), `${m[0]}件`,
      ]);
      return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
    }
    case 8: {
      // Random bytes decoded as UTF-8 (invalid sequences become U+FFFD) or as Latin-1.
      const bytes = Uint8Array.from({ length: 1 + c.int(40) }, () => c.int(256));
      const decoded = c.chance(70) ? new TextDecoder('utf-8').decode(bytes) : String.fromCharCode(...bytes);
      const p = at();
      return text.slice(0, p) + decoded + text.slice(p + c.int(10));
    }
    case 9:
      return text.slice(0, at());
    case 10:
      return c.chance(50) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, c.pick(['\r', '\u2028', '\n\n']));
    case 11: {
      // Lone surrogates: split a pair, or insert half of one.
      const p = at();
      return text.slice(0, p) + String.fromCharCode(0xd800 + c.int(0x800)) + text.slice(p);
    }
    case 12: {
      // Swap two lines.
      const lines = text.split('\n');
      const i = c.int(lines.length);
      const j = c.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    default: {
      // Control characters throughout a line.
      const p = at();
      return text.slice(0, p) + String.fromCharCode(c.int(32)).repeat(1 + c.int(5)) + text.slice(p);
    }
  }
}

export function mutate(c: Choices, text: string, max = 6): string {
  const n = 1 + c.int(max);
  let out = text;
  for (let k = 0; k < n; k++) out = mutateOnce(c, out);
  return out;
}

/** A generated document, then mutated. */
export const documentArb = choicesArb().map((c) => document(c));
export const mutatedArb = choicesArb().map((c) => mutate(c, document(c)));

/** Text with no grammar at all: arbitrary code points, UTF-16 units (lone surrogates), random bytes decoded. */
export const randomTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.nat({ max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 300 }),
  fc.uint8Array({ maxLength: 600 }).map((b) => new TextDecoder('utf-8').decode(b)),
  fc.uint8Array({ maxLength: 600 }).map((b) => new TextDecoder('utf-16le').decode(b)),
  fc.array(fc.oneof(fc.constantFrom(...TOKENS, ...ODD_CHARS), fc.string({ maxLength: 4 })), { maxLength: 80 }).map((xs) => xs.join('')),
  fc.array(fc.constantFrom(...TOKENS, ...ODD_CHARS, '\n', '\n', '\n', '| 1 ', '| 本年新收 '), { maxLength: 120 }).map((xs) => xs.join('')),
);

/** A document of at least `bytes` UTF-16 units: generated reports and fragments, mutated, end to end. */
export function bigDocument(seed: number, bytes = 64 * 1024): string {
  const c = seededChoices(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const piece = c.chance(30) ? mutate(c, document(c), 3) : document(c);
    parts.push(piece);
    length += piece.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes + 4096);
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes an attack used that the generators above do not make (issue 13): deep YAML, long numbers, long runs of one
// character, lone CR line endings. Sizes reach hundreds of thousands of characters, so properties using them run
// tens of cases, not thousands.

/** A size: mostly modest, sometimes large (up to `max`). */
function size(c: Choices, max: number): number {
  const r = c.int(100);
  if (r < 40) return 1 + c.int(100);
  if (r < 80) return 1 + c.int(5_000);
  return 1 + c.int(max);
}

/** Front matter nested `depth` deep in one of several ways, before or after ordinary keys. */
export function deepYaml(c: Choices, depth = size(c, 5_000)): string {
  const shapes = [
    () => 'x:\n  ' + '- '.repeat(depth) + 'a', // the issue's block sequence
    () => 'x: ' + '['.repeat(depth) + ']'.repeat(c.chance(50) ? depth : c.int(depth)), // flow, closed or not
    () => 'x: ' + '{a: '.repeat(depth) + '1' + '}'.repeat(c.chance(50) ? depth : 0),
    () => Array.from({ length: Math.min(depth, 3_000) }, (_, i) => ' '.repeat(i) + 'a:').join('\n'), // nested maps
    () => 'x:\n' + Array.from({ length: Math.min(depth, 3_000) }, (_, i) => ' '.repeat(i) + '- ').join('\n') + 'b',
    () => '机关: ' + '- ['.repeat(depth), // a known key's value
    () => 'x: ' + '? '.repeat(depth) + 'a', // complex keys
    () => '年度: &a ' + '['.repeat(Math.min(depth, 60)) + '2023' + ']'.repeat(Math.min(depth, 60)) + '\n格式: *a',
  ];
  const deep = c.pick(shapes)();
  const keys = ['机关: 某局', '年度: 2023', '格式: 2021'];
  const before = keys.slice(0, c.int(4)).join('\n');
  const after = keys.slice(c.int(4)).join('\n');
  const eol = c.pick(['\n', '\r\n', '\r']);
  const body = [before, deep, after].filter(Boolean).join('\n').replace(/\n/g, eol);
  return `---${eol}${body}${eol}---${eol}# 某局2023年政府信息公开工作年度报告${eol}`;
}

/** A number of `digits` digits as a report might (mis)type it: integer, long decimal, grouped, full-width, signed. */
export function longNumber(c: Choices, digits = size(c, 200_000)): string {
  const run = (n: number, d = '1') => d.repeat(n);
  switch (c.int(9)) {
    case 0:
      return run(digits, c.pick(['1', '9', '0']));
    case 1:
      return `0.${run(digits)}`;
    case 2:
      return `${run(digits)}.${run(c.int(30))}5`;
    case 3:
      return '1' + ',234'.repeat(Math.ceil(digits / 3));
    case 4:
      return '1' + '，234'.repeat(Math.ceil(digits / 3));
    case 5:
      return run(digits, '１') + '．' + run(c.int(40), '２');
    case 6:
      return c.pick(['-', '－', '+']) + run(digits, c.pick(['0', '1']));
    case 7:
      return c.pick(['-0', '-0.0', '－０', '+0', `-${run(digits, '0')}`, `0.${run(digits, '0')}`]);
    default:
      return `${run(digits)}e${run(c.int(5) + 1, '9')}`;
  }
}

/** Where a long number goes: a cell of each kind of table, or a prose figure. */
export function longNumberDocument(c: Choices): string {
  const n = longNumber(c);
  switch (c.int(5)) {
    case 0:
      return `| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 合计 | ${n} |\n`;
    case 1:
      return `---\n格式: 2021\n年度: 2023\n---\n::: 主动公开\n| 第二十条第（八）项 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | ${n} |\n:::\n`;
    case 2:
      return `---\n格式: 2021\n年度: 2023\n---\n::: 依申请\n| 一、本年新收政府信息公开申请数量 | ${n} | 1 | 0 | 0 | 0 | 0 | ${n} |\n:::\n`;
    case 3:
      return `---\n格式: legacy\n年度: 2015\n---\n::: 附表\n| 指标 | 单位 | 本年 |\n| 主动公开信息数 | 条 | ${n} |\n| 其中：1.政府网站 | 条 | 1 |\n:::\n`;
    default:
      return `全年主动公开政府信息${n}条，其中：工作动态${c.chance(50) ? n : '1'}条，其他信息1条。本年度新收政府信息公开申请${n}件。\n`;
  }
}

/** Characters an attack repeated a hundred thousand times. */
export const RUN_CHARS = [' ', '\t', '　', '[', ']', '(', '（', '｜', '|', '1', '１', ',', '，', '.', '#', ':', '-', '*', '_', '<', '其中', '合计', '万', '\\'];

/** A long run of one character (or word) in each place a line can stand: heading, container, row, prose, YAML, comment. */
export function longRunDocument(c: Choices, length = size(c, 300_000)): string {
  const ch = c.pick(RUN_CHARS);
  const run = ch.repeat(Math.max(1, Math.ceil(length / ch.length)));
  const places = [
    () => `# a${run}b\n`,
    () => `## ${run}\n`,
    () => `## a${run}#\n`,
    () => `:::a${run}b\n:::\n`,
    () => `::: ${run}\n| 合计 | 1 |\n`,
    () => `::: 依申请\n${run}\n:::\n`,
    () => `::: 依申请\n｜ 本年新收 ｜${run}｜ 1 ｜\n:::\n`,
    () => `| 类别 | 合计 |\n|---|---|\n| 工作动态 |${run}|\n`,
    () => `全年主动公开政府信息52条，其中${run}工作动态40条。\n`,
    () => `共${run}条\n`,
    () => `---\n机关: ${run}\n---\n`,
    () => `<!-- xxgk-disable ${run}\n`,
    () => `${run}\n`,
  ];
  return c.pick(places)();
}

/** A generated document with every line break a lone CR (or a mix of CR, LF and CRLF). */
export function loneCr(c: Choices, text: string): string {
  if (c.chance(70)) return text.replace(/\r\n|\n/g, '\r');
  return text.replace(/\r\n|\n/g, () => c.pick(['\r', '\n', '\r\n']));
}

export const deepYamlArb = choicesArb(40).map((c) => deepYaml(c));
export const longNumberArb = choicesArb(40).map((c) => longNumberDocument(c));
export const longRunArb = choicesArb(40).map((c) => longRunDocument(c));
/** The same generated document with LF and with lone CR line endings. */
export const loneCrArb = choicesArb().map((c) => {
  const text = document(c).replace(/\r\n?/g, '\n');
  return { lf: text, cr: text.replace(/\n/g, '\r') };
});
