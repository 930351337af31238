/**
 * Generates the benchmark inputs into bench/inputs/ (git-ignored), deterministically (seeded PRNG), from examples/:
 *
 * - report-20kb.xxgk: examples/2023-clean.xxgk grown to 20 KB by repeating the sub-sections of section 一 under new
 *   ### headings. Every repeated paragraph keeps its own figures, so the report stays clean (no diagnostic).
 * - report-200kb.xxgk, report-2mb.xxgk: the same, grown further with repeated prose (about 70 %) and a legacy-style
 *   plain table (指标名称 | 计量单位 | 本年 | 历年累计) whose rows grow with the size (about 30 %).
 * - files/: 2,000 reports of 500 agencies, four consecutive years each, so of mixed formats (legacy up to 2018,
 *   2019 for 2019–2020, 2021 from 2021), some as .xxgk.md, most with planted errors.
 *
 * Run on its own with `node --import tsx bench/generate.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from './lib/prng';

export const ROOT = path.join(__dirname, '..');
export const INPUTS = path.join(__dirname, 'inputs');
export const GENERATOR_VERSION = 1;

const KB = 1024;
export const SIZES = { '20kb': 20 * KB, '200kb': 200 * KB, '2mb': 2048 * KB } as const;
export type SizeName = keyof typeof SIZES;
export const FILE_COUNT = 2000;

const read = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8').replace(/\r\n/g, '\n');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const DIGITS = '零一二三四五六七八九';
/** 6 → 六, 12 → 十二, 105 → 一百零五 (up to 9999), for the （N） numbering of ### headings. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units = ['千', '百', '十', ''];
  const ds = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let started = false;
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + units[i];
    started = true;
  });
  return out;
}

interface Subsection {
  title: string;
  body: string;
}

/** The ### sub-sections of section 一 of the clean report, and the text before and after them. */
function splitClean(clean: string): { before: string; subsections: Subsection[]; after: string } {
  const start = clean.indexOf('\n### ');
  const end = clean.indexOf('\n## 二、');
  if (start < 0 || end < 0) throw new Error('examples/2023-clean.xxgk: section 一 not found');
  const middle = clean.slice(start + 1, end + 1);
  const subsections = middle
    .split(/^(?=### )/m)
    .filter((s) => s.trim())
    .map((s) => {
      const nl = s.indexOf('\n');
      return { title: s.slice(0, nl).replace(/^###\s*（[^）]+）/, ''), body: s.slice(nl + 1).trimEnd() + '\n' };
    });
  return { before: clean.slice(0, start + 1), subsections, after: clean.slice(end + 1) };
}

const EXTRA_TITLES = [
  '重点领域信息公开', '政策解读与回应关切', '政务新媒体管理', '基层政务公开标准化规范化', '公众参与',
  '政府开放日活动', '政务公开专区建设', '信息公开指南和目录维护', '依申请公开案卷管理', '保密审查',
  '政府网站集约化', '政务服务信息公开', '行政执法公示', '优化营商环境信息公开', '食品安全信息公开',
];

/** A legacy-style plain table (no ::: container), as reports copy from their 附表; `rows` data rows and a 合计 row. */
function legacyTable(rng: Prng, rows: number, heading: string): string {
  const labels = ['主动公开信息数', '通过政府网站公开数', '通过政府公报公开数', '受理依申请公开数', '当面申请数', '网上申请数', '信函申请数', '答复数', '同意公开答复数', '行政复议数'];
  const units = ['条', '条', '条', '件', '件', '件', '件', '件', '件', '件'];
  const lines = [heading, '', '下表列出本局各基层单位政务公开主要指标，数据来源于各单位报送的统计表。', '', '| 指标名称 | 计量单位 | 本年 | 历年累计 |', '|---|---|---|---|'];
  let year = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const k = i % labels.length;
    const y = rng.int(0, 400);
    const t = y + rng.int(0, 4000);
    year += y;
    total += t;
    lines.push(`| 第${chineseNumeral((Math.floor(i / labels.length) % 9999) + 1)}单位${labels[k]} | ${units[k]} | ${y} | ${t} |`);
  }
  lines.push(`| 合计 | — | ${year} | ${total} |`);
  return lines.join('\n') + '\n';
}

/**
 * The clean 2021 report grown to `target` bytes: section 一's sub-sections repeated under new ### headings
 * (numbered on from （六）), and for `tableShare` > 0 a legacy-style plain table taking that share of the size.
 */
export function grownReport(target: number, seed: number, tableShare: number): string {
  const rng = new Prng(seed);
  const { before, subsections, after } = splitClean(read('2023-clean.xxgk'));
  const original = subsections.map((s, i) => `### （${chineseNumeral(i + 1)}）${s.title}\n\n${s.body}`);
  const extra: string[] = [];
  let n = subsections.length;
  let prose = bytes(before) + bytes(after) + original.reduce((a, s) => a + bytes(s) + 1, 0);
  const size = () => prose;
  const proseTarget = target * (1 - tableShare);
  while (prose < proseTarget) {
    const source = rng.pick(subsections);
    const title = rng.pick(EXTRA_TITLES);
    const sub = `### （${chineseNumeral(++n)}）${title}\n\n${source.body}`;
    extra.push(sub);
    prose += bytes(sub) + 1;
  }
  if (tableShare > 0) {
    const heading = `### （${chineseNumeral(n + 1)}）基层单位统计数据`;
    // Rows until the whole report reaches the target (the row size measured on a sample).
    const sample = legacyTable(new Prng(seed + 1), 100, heading);
    const perRow = (bytes(sample) - bytes(legacyTable(new Prng(seed + 1), 0, heading))) / 100;
    let rows = Math.max(10, Math.round((target - size()) / perRow));
    let table = legacyTable(new Prng(seed + 1), rows, heading);
    // Later rows have longer numerals (第一千二百单位): correct the estimate twice.
    for (let k = 0; k < 2; k++) {
      rows = Math.max(10, Math.round((rows * (target - size())) / bytes(table)));
      table = legacyTable(new Prng(seed + 1), rows, heading);
    }
    extra.push(table);
  }
  return before + [...original, ...extra].join('\n') + '\n' + after;
}

// ---- The 2,000 report files ----

const CITIES = ['滨江市', '临川市', '青山县', '云溪区', '南湖区', '长宁县', '东阳市', '西岭县', '北塘区', '金沙市', '白石县', '玉泉区', '清河市', '石门县', '柳林区', '桃源县', '江北区', '松原县', '梅山市', '凤凰县'];
const DEPARTMENTS = ['市场监督管理局', '教育局', '财政局', '交通运输局', '卫生健康委员会', '生态环境局', '自然资源局', '住房和城乡建设局', '民政局', '司法局', '应急管理局', '农业农村局', '人力资源和社会保障局', '文化广电旅游局', '水利局', '审计局', '统计局', '医疗保障局', '退役军人事务局', '人民政府', '发展和改革委员会', '公安局', '商务局', '林业局', '城市管理局'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A 2021-format report from the clean (or the planted-errors) example, for another agency and year. */
function report2021(base: string, agency: string, year: number, rng: Prng): string {
  // The date is set last, so that its year is not taken for the report year.
  const published = `${year + 1}-01-${pad2(rng.int(5, 28))}`;
  const late = base.includes('2024-03-15');
  return base
    .replaceAll('滨江市市场监督管理局', agency)
    .replace(/2024-\d\d-\d\d/, '\u0000')
    .replace(/202[23]/g, (y) => String(y === '2023' ? year : year - 1))
    .replace('\u0000', late ? `${year + 1}-03-15` : published);
}

/** The 2019 format: the 主动公开 table of 国办公开办函〔2019〕60号 and （六）其他处理 as one row. */
const PROACTIVE_2019 = `::: 主动公开
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 5 | 5 | 23 |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
|---|---|---|---|
| 行政许可 | 86 | +2 | 12846 |
| 其他对外管理服务事项 | 12 | 0 | 340 |
| 行政处罚 | 45 | -1 | 1387 |
| 行政强制 | 8 | 0 | 214 |
| 信息内容 | 上一年项目数量 | 本年增/减 |
|---|---|---|
| 行政事业性收费 | 3 | 0 |
| 信息内容 | 采购项目数量 | 采购总金额 |
|---|---|---|
| 政府集中采购 | 26 | 318.5 |
:::`;

function report2019(clean: string, agency: string, year: number, rng: Prng): string {
  const text = report2021(clean, agency, year, rng).replace('格式: 2021', '格式: 2019');
  const withTable = text.replace(/::: 主动公开\n[\s\S]*?\n:::/, PROACTIVE_2019);
  // In 2019 （六）其他处理 is one row: the sums of the three 2021 items.
  return withTable.replace(/\| （六）其他处理 \|\n(\|.*\n){3}/, '| （六）其他处理 | 10 | 2 | 0 | 0 | 0 | 0 | 12 |\n');
}

function reportLegacy(legacy: string, agency: string, year: number, rng: Prng): string {
  const published = `${year + 1}-03-${pad2(rng.int(5, 28))}`;
  return legacy
    .replaceAll('滨江市工商行政管理局', agency)
    .replace(/2013-\d\d-\d\d/, '\u0000')
    .replaceAll('2012', String(year))
    .replace('\u0000', published);
}

const isNumberCell = (c: string) => /^\s*[+-]?\d[\d,.]*\s*$/.test(c);
const FULL = '０１２３４５６７８９';

/** Planted errors: each changes one thing a real report gets wrong. */
const MUTATIONS: Record<string, (lines: string[], rng: Prng) => boolean> = {
  // A table figure off by a little: sums (R1–R4, legacy 其中) no longer hold.
  tableDigit(lines, rng) {
    const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|') && !l.startsWith('|---') && l.split('|').some(isNumberCell));
    if (!rows.length) return false;
    const [line, i] = rng.pick(rows);
    const cells = line.split('|');
    const numeric = cells.map((c, k) => [c, k] as const).filter(([c]) => isNumberCell(c));
    const [, k] = rng.pick(numeric);
    cells[k] = ` ${Number(cells[k].trim().replace(/,/g, '')) + rng.int(1, 5)} `;
    lines[i] = cells.join('|');
    return true;
  },
  // A prose figure that no longer matches the table or its 其中 parts.
  proseNumber(lines, rng) {
    const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => !/^[|#:-]/.test(l) && /\d+件/.test(l));
    if (!candidates.length) return false;
    const [line, i] = rng.pick(candidates);
    const matches = [...line.matchAll(/(\d+)件/g)];
    const m = rng.pick(matches);
    lines[i] = line.slice(0, m.index) + `${Number(m[1]) + rng.int(1, 9)}件` + line.slice(m.index + m[0].length);
    return true;
  },
  // A whole section left out.
  dropSection(lines, rng) {
    const heads = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('## ')).map(([, i]) => i);
    if (heads.length < 3) return false;
    const k = rng.int(1, heads.length - 1);
    const end = k + 1 < heads.length ? heads[k + 1] : lines.length;
    lines.splice(heads[k], end - heads[k]);
    return true;
  },
  // Arabic numbering of a section heading: ## 2、
  numbering(lines, rng) {
    const heads = lines.map((l, i) => [l, i] as const).filter(([l]) => /^## [二三四五六]、/.test(l));
    if (!heads.length) return false;
    const [line, i] = rng.pick(heads);
    lines[i] = line.replace(/^## (.)、/, (_, c: string) => `## ${DIGITS.indexOf(c)}、`);
    return true;
  },
  // Published after the deadline.
  late(lines, rng) {
    const i = lines.findIndex((l) => l.startsWith('发布日期:'));
    if (i < 0) return false;
    lines[i] = lines[i].replace(/-(\d\d)-(\d\d)$/, `-${pad2(rng.int(4, 9))}-${pad2(rng.int(1, 28))}`);
    return true;
  },
  // A cell left empty.
  emptyCell(lines, rng) {
    const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|') && !l.startsWith('|---') && l.split('|').some(isNumberCell));
    if (!rows.length) return false;
    const [line, i] = rng.pick(rows);
    const cells = line.split('|');
    const numeric = cells.map((c, k) => [c, k] as const).filter(([c]) => isNumberCell(c));
    cells[rng.pick(numeric)[1]] = '  ';
    lines[i] = cells.join('|');
    return true;
  },
  // An official row left out of a standard table.
  dropRow(lines, rng) {
    let inside = false;
    const rows: number[] = [];
    lines.forEach((l, i) => {
      if (l.startsWith(':::')) inside = l.trim() !== ':::';
      else if (inside && l.startsWith('|') && !l.startsWith('|---') && l.split('|').some(isNumberCell)) rows.push(i);
    });
    if (!rows.length) return false;
    lines.splice(rng.pick(rows), 1);
    return true;
  },
  // Full-width digits in a cell.
  fullWidth(lines, rng) {
    const rows = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|') && /\| \d+ \|/.test(l));
    if (!rows.length) return false;
    const [line, i] = rng.pick(rows);
    lines[i] = line.replace(/\| (\d+) \|/, (_, d: string) => `| ${[...d].map((c) => FULL[Number(c)]).join('')} |`);
    return true;
  },
};

function plantErrors(text: string, rng: Prng): { text: string; planted: string[] } {
  const lines = text.split('\n');
  const planted: string[] = [];
  const count = rng.chance(0.3) ? 0 : rng.int(1, 3);
  const names = Object.keys(MUTATIONS);
  for (let k = 0; k < count; k++) {
    const name = rng.pick(names);
    if (MUTATIONS[name](lines, rng)) planted.push(name);
  }
  return { text: lines.join('\n'), planted };
}

export interface FileSet {
  dir: string;
  files: string[];
  bytes: number;
  formats: Record<string, number>;
  planted: number;
  xxgkMd: number;
}

export function generateFiles(dir: string, count = FILE_COUNT, seed = 2024): FileSet {
  const rng = new Prng(seed);
  const clean = read('2023-clean.xxgk');
  const errors = read('2023-errors.xxgk');
  const legacy = read('2012-legacy.xxgk');
  fs.rmSync(dir, { recursive: true, force: true });
  const set: FileSet = { dir, files: [], bytes: 0, formats: {}, planted: 0, xxgkMd: 0 };
  const agencies = Math.ceil(count / 4);
  for (let a = 0; a < agencies; a++) {
    const agency = `${CITIES[a % CITIES.length]}${DEPARTMENTS[Math.floor(a / CITIES.length) % DEPARTMENTS.length]}`;
    // Four consecutive annual reports; the first year decides the mix of formats (legacy ≤ 2018, 2019–2020, 2021 ≥).
    const first = rng.int(2013, 2021);
    const folder = path.join(dir, `org-${String(a + 1).padStart(3, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    for (let y = 0; y < 4 && set.files.length < count; y++) {
      const year = first + y;
      const format = year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
      let text: string;
      if (format === 'legacy') text = reportLegacy(legacy, agency, year, rng);
      else if (format === '2019') text = report2019(clean, agency, year, rng);
      else text = report2021(rng.chance(0.15) ? errors : clean, agency, year, rng);
      const mutated = plantErrors(text, rng);
      if (mutated.planted.length) set.planted++;
      const ext = rng.chance(0.1) ? '.xxgk.md' : '.xxgk';
      if (ext === '.xxgk.md') set.xxgkMd++;
      const file = path.join(folder, `${year}${ext}`);
      fs.writeFileSync(file, mutated.text);
      set.files.push(file);
      set.bytes += bytes(mutated.text);
      set.formats[format] = (set.formats[format] ?? 0) + 1;
    }
  }
  return set;
}

export interface Inputs {
  reports: Record<SizeName, { file: string; bytes: number }>;
  files: FileSet;
}

export function generateInputs(dir = INPUTS): Inputs {
  fs.mkdirSync(dir, { recursive: true });
  const reports = {} as Inputs['reports'];
  for (const [name, target] of Object.entries(SIZES) as Array<[SizeName, number]>) {
    const text = grownReport(target, 20 + target, name === '20kb' ? 0 : 0.3);
    const file = path.join(dir, `report-${name}.xxgk`);
    fs.writeFileSync(file, text);
    reports[name] = { file, bytes: bytes(text) };
  }
  const files = generateFiles(path.join(dir, 'files'));
  const inputs = { reports, files: { ...files, files: [] } };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ generator: GENERATOR_VERSION, ...inputs }, null, 2));
  return { reports, files };
}

if (require.main === module) {
  const t0 = performance.now();
  const inputs = generateInputs();
  for (const [name, r] of Object.entries(inputs.reports)) console.log(`${name}: ${r.bytes} bytes → ${path.relative(ROOT, r.file)}`);
  const f = inputs.files;
  console.log(`files: ${f.files.length} (${(f.bytes / 1e6).toFixed(1)} MB; ${JSON.stringify(f.formats)}; ${f.planted} with planted errors; ${f.xxgkMd} .xxgk.md) in ${(performance.now() - t0).toFixed(0)} ms`);
}
