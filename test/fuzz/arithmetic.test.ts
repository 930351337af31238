/**
 * Exact arithmetic: money in 万元 with decimals adds up without floating-point error, and a figure beyond 2^53 is
 * reported rather than rounded. The oracle here is independent of the core: BigInt sums of the figures the test
 * itself wrote into the table.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, type Diagnostic } from '../../server/src/core/index';
import { report2021, requestTable2021 } from '../helpers';
import { check, counted } from './config';

after(() => console.log(`fuzz/arithmetic: ${counted.cases} generated cases`));

// --- an exact decimal oracle ----------------------------------------------------------------------------------

const scaleOf = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
const unitsAt = (s: string, scale: number) => BigInt(s.replace('.', '') + '0'.repeat(scale - scaleOf(s)));
function addDec(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const total = unitsAt(a, scale) + unitsAt(b, scale);
  const neg = total < 0n;
  let digits = (neg ? -total : total).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return (neg ? '-' : '') + digits;
}
function sameDec(a: string, b: string): boolean {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return unitsAt(a, scale) === unitsAt(b, scale);
}
const sumDec = (xs: readonly string[]) => xs.reduce(addDec, '0');

/** Decimals of the kind that break binary floating point (0.1, 0.2, 2.675, 1234.5678). */
const decimalArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('0.1', '0.2', '0.3', '0.7', '1.1', '2.675', '0.01', '0.35', '3.42', '1.005', '0') },
  { weight: 3, arbitrary: fc.tuple(fc.nat(10_000_000), fc.integer({ min: 1, max: 4 })).map(([u, s]) => addDec('0', `${String(u).padStart(s + 1, '0').slice(0, -s)}.${String(u).padStart(s + 1, '0').slice(-s)}`)) },
  { weight: 1, arbitrary: fc.nat(100_000).map(String) },
);

const deltaArb = fc.constantFrom('1', '0.1', '0.01', '0.001', '-0.1', '100', '0.0001');

// --- other Markdown tables with 合计 / 小计 rows and a 合计 column --------------------------------------------

interface Grid {
  text: string;
  /** Offset of each cell: [row][column] (column 0 is the first value column). */
  offsets: number[][];
  /** Total cells that do not add up, by offset, each with every sum it should equal. */
  bad: Map<number, string[]>;
  /** Every perturbation fell on a total cell (a 合计/小计 row or the 合计 column), none on a part. */
  totalsOnly: boolean;
}

interface PlainSpec {
  cols: number;
  totalCol: boolean;
  rows: Array<{ values: string[]; subtotalAfter: boolean }>;
  grandLabel: string;
  perturb: Array<{ row: number; col: number; delta: string }>;
}

const plainArb: fc.Arbitrary<PlainSpec> = fc.record({
  cols: fc.integer({ min: 1, max: 4 }),
  totalCol: fc.boolean(),
  rows: fc.array(fc.record({ values: fc.array(decimalArb, { minLength: 4, maxLength: 4 }), subtotalAfter: fc.nat(4).map((n) => n === 0) }), { minLength: 1, maxLength: 7 }),
  grandLabel: fc.constantFrom('合计', '总计', '共计', '合 计', '合　计'),
  perturb: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), delta: deltaArb }), { maxLength: 3 }),
});

function buildPlain(g: PlainSpec): Grid {
  type Row = { label: string; kind: 'data' | 'sub' | 'grand'; values: string[] };
  const rows: Row[] = [];
  let sinceSub: Row[] = [];
  const sinceGrand: Row[] = [];
  g.rows.forEach((r, k) => {
    const row: Row = { label: ['工作动态', '通知公告', '政策文件', '人事信息', '财政预决算', '规划计划', '其他信息'][k], kind: 'data', values: r.values.slice(0, g.cols) };
    rows.push(row);
    sinceSub.push(row);
    sinceGrand.push(row);
    if (r.subtotalAfter && k < g.rows.length - 1) {
      rows.push({ label: '小计', kind: 'sub', values: Array.from({ length: g.cols }, (_, c) => sumDec(sinceSub.map((x) => x.values[c]))) });
      sinceSub = [];
    }
  });
  rows.push({ label: g.grandLabel, kind: 'grand', values: Array.from({ length: g.cols }, (_, c) => sumDec(sinceGrand.map((x) => x.values[c]))) });
  if (g.totalCol) for (const r of rows) r.values.push(sumDec(r.values));
  const width = g.cols + (g.totalCol ? 1 : 0);
  let totalsOnly = true;
  for (const p of g.perturb) {
    const r = rows[p.row % rows.length];
    const c = p.col % width;
    r.values[c] = addDec(r.values[c], p.delta);
    if (r.kind === 'data' && !(g.totalCol && c === width - 1)) totalsOnly = false;
  }

  // The oracle: which total cells do not add up, computed from the figures as finally written.
  const bad = new Map<string, string[]>();
  const flag = (r: number, c: number, actual: string, expected: string) => {
    const key = `${r}:${c}`;
    if (sameDec(actual, expected)) return;
    bad.set(key, [...(bad.get(key) ?? []), expected]);
  };
  let openSub: number[] = [];
  let openGrand: number[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'data') {
      openSub.push(i);
      openGrand.push(i);
      return;
    }
    const closed = r.kind === 'sub' ? openSub : openGrand;
    if (closed.length) for (let c = 0; c < width; c++) flag(i, c, r.values[c], sumDec(closed.map((k) => rows[k].values[c])));
    if (r.kind === 'grand') openGrand = [];
    openSub = [];
  });
  if (g.totalCol) rows.forEach((r, i) => flag(i, g.cols, r.values[g.cols], sumDec(r.values.slice(0, g.cols))));

  const header = ['类别', ...['上半年', '下半年', '第三季度', '第四季度'].slice(0, g.cols), ...(g.totalCol ? ['合计'] : [])];
  let text = `全年公开信息情况如下：\n\n| ${header.join(' | ')} |\n|${'---|'.repeat(header.length)}\n`;
  const offsets: number[][] = [];
  for (const r of rows) {
    text += `| ${r.label} |`;
    const at: number[] = [];
    for (const v of r.values) {
      text += ' ';
      at.push(text.length);
      text += `${v} |`;
    }
    offsets.push(at);
    text += '\n';
  }
  const byOffset = (m: Map<string, string[]>) =>
    new Map([...m].map(([key, expected]) => {
      const [r, c] = key.split(':').map(Number);
      return [offsets[r][c], expected] as const;
    }));
  return { text, offsets, bad: byOffset(bad), totalsOnly };
}

/**
 * table-sum reports exactly the cells the oracle finds wrong, and each fix it offers writes the exact sum. (Which
 * of two relations on one cell offers the fix is the rule's policy; that fixes settle is checked below.)
 */
function assertSumsMatch(text: string, bad: Map<number, string[]>): Diagnostic[] {
  const sums = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
  const reported = new Set(sums.map((d) => d.span.start));
  for (const d of sums) {
    const expected = bad.get(d.span.start);
    assert.ok(expected, `table-sum reports a correct sum: ${d.message} (at “${text.slice(d.span.start, d.span.end)}”)`);
    const fixed = d.fix?.edits[0]?.newText;
    if (fixed === undefined) continue;
    assert.ok(expected.some((e) => sameDec(e, fixed)), `the fix writes ${fixed}, the sum is ${expected.join(' or ')}`);
    assert.ok(/^-?\d+(\.\d+)?$/.test(fixed), `the fix writes ${fixed}, not a plain decimal`);
  }
  for (const [offset, expected] of bad) {
    assert.ok(reported.has(offset), `table-sum misses a wrong total “${text.slice(offset, text.indexOf(' ', offset))}” (should be ${expected.join(' or ')})`);
  }
  return sums;
}

/**
 * Applying every table-sum fix, round after round, settles: no fix is offered after a few rounds. With only totals
 * wrong, and a single one (figures are all readable here), nothing is left. Two wrong totals can agree with each
 * other (合计 · 第三季度 and 合计 · 合计 both one too many, the 合计 row adding up across): that reads as well as a
 * wrong part, and such totals confirmed by a sum that holds are left for a person.
 */
function assertFixesSettle(text: string, clears: boolean, rounds = 6): void {
  for (let round = 0; round < rounds; round++) {
    const sums = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
    const seen = new Set<number>();
    const edits = sums.flatMap((d) => d.fix?.edits ?? []).filter((e) => !seen.has(e.span.start) && seen.add(e.span.start));
    if (!edits.length) {
      if (clears) assert.deepEqual(sums.map((d) => d.message), [], 'a single wrong total is fixed');
      return;
    }
    edits.sort((a, b) => b.span.start - a.span.start);
    for (const e of edits) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  }
  const left = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
  assert.deepEqual(left.filter((d) => d.fix).map((d) => d.message), [], `table-sum fixes still offered after ${rounds} rounds`);
}

describe('fuzz: exact decimal sums', () => {
  it('0.1 + 0.2 = 0.3 in a 合计 row and a 合计 column', () => {
    const text = '| 类别 | 上半年 | 下半年 | 合计 |\n|---|---|---|---|\n| 收费 | 0.1 | 0.2 | 0.3 |\n| 罚没 | 0.7 | 0.1 | 0.8 |\n| 合计 | 0.8 | 0.3 | 1.1 |\n';
    assert.deepEqual(checkText(text).diagnostics.filter((d) => d.rule === 'table-sum'), []);
    const wrong = text.replace('| 0.1 | 0.2 | 0.3 |', '| 0.1 | 0.2 | 0.30000000000000004 |');
    const [d] = checkText(wrong).diagnostics.filter((x) => x.rule === 'table-sum');
    assert.ok(d, 'the float sum 0.30000000000000004 is not 0.3');
    assert.equal(d.fix?.edits[0].newText, '0.3');
  });

  it('0.1 + 0.2 = 0.3 in a legacy 附表 (万元 with decimals)', () => {
    const table = (total: string) =>
      `---\n年度: 2012\n格式: legacy\n---\n\n::: 附表\n| 指标名称 | 计量单位 | 本年 |\n|---|---|---|\n| 收取费用总额 | 万元 | ${total} |\n| 其中：1.检索费 | 万元 | 0.1 |\n| 2.复制费 | 万元 | 0.2 |\n:::\n`;
    assert.deepEqual(checkText(table('0.3')).diagnostics.filter((d) => d.rule === 'table-sum'), []);
    assert.equal(checkText(table('0.30000000000000004')).diagnostics.filter((d) => d.rule === 'table-sum').length, 1);
  });

  it('decimals are figures in the 万元 column of 主动公开 (2021 收费金额, 2019 采购总金额), and not in a count column', () => {
    const ok2021 = report2021().replace('| 行政事业性收费 | 0.35 |', '| 行政事业性收费 | 1234.5678 |');
    assert.deepEqual(checkText(ok2021).diagnostics.filter((d) => d.rule === 'cell-value'), []);
    const bad = report2021().replace('| 行政许可 | 120 |', '| 行政许可 | 120.5 |');
    assert.equal(checkText(bad).diagnostics.filter((d) => d.rule === 'cell-value').length, 1);
    const proc2019 = '---\n年度: 2020\n格式: 2019\n---\n\n::: 主动公开\n| 政府集中采购 | 3 | 0.3 |\n:::\n';
    assert.deepEqual(checkText(proc2019).diagnostics.filter((d) => d.rule === 'cell-value'), []);
  });

  it('random decimals in other tables: table-sum never reports a correct sum and always reports a wrong one; its fixes write exact sums and settle', () => {
    check(
      plainArb,
      (g) => {
        const { text, bad, totalsOnly } = buildPlain(g);
        assertSumsMatch(text, bad);
        assertFixesSettle(text, totalsOnly && g.perturb.length === 1);
      },
      4000,
    );
  });

  const legacyArb = fc.record({
    topics: fc.array(
      fc.record({
        parts: fc.array(fc.array(decimalArb, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 5 }),
        perturb: fc.option(fc.tuple(fc.nat(), fc.nat(1), deltaArb), { freq: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    qizhong: fc.constantFrom('其中：', '其中:', '其中，', '其中、'),
  });

  it('random decimals in a legacy 附表 (其中 breakdowns): a parent is reported exactly when it is not the sum of its parts; its fixes settle', () => {
    const PARTS = ['当面申请数', '传真申请数', '电子邮件申请数', '信函申请数', '同意公开答复数'];
    check(
      legacyArb,
      ({ topics, qizhong }) => {
        let text = '---\n年度: 2012\n格式: legacy\n---\n\n::: 附表\n| 指标名称 | 计量单位 | 本年 | 历年累计 |\n|---|---|---|---|\n';
        const bad = new Map<number, string[]>();
        topics.forEach((t, k) => {
          const rows = t.parts.map((p) => [...p]);
          const parent = [0, 1].map((c) => sumDec(rows.map((r) => r[c])));
          const all = [parent, ...rows];
          if (t.perturb) {
            const [r, c, delta] = t.perturb;
            const row = all[r % all.length];
            row[c] = addDec(row[c], delta);
            if (row[c].startsWith('-')) row[c] = addDec(row[c], '200');
          }
          const line = (label: string, values: string[], isParent: boolean) => {
            text += `| ${label} | 件 |`;
            values.forEach((v, c) => {
              text += ' ';
              if (isParent) {
                const expected = sumDec(rows.map((r) => r[c]));
                if (!sameDec(v, expected)) bad.set(text.length, [expected]);
              }
              text += `${v} |`;
            });
            text += '\n';
          };
          line(['受理申请总数', '答复总数', '复议数', '诉讼数'][k], parent, true);
          rows.forEach((r, j) => line(`${j === 0 ? qizhong : ''}${j + 1}.${PARTS[j]}`, r, false));
        });
        text += ':::\n';
        assertSumsMatch(text, bad);
        // Only parents wrong, one per topic: each is fixed (a topic's parent is in no other sum).
        assertFixesSettle(text, topics.every((t) => !t.perturb || t.perturb[0] % (t.parts.length + 1) === 0));
      },
      2000,
    );
  });
});

describe('fuzz: figures beyond 2^53', () => {
  const MAX = 2n ** 53n;
  const bigArb = fc.bigInt({ min: MAX + 1n, max: 10n ** 30n });

  it('an integer beyond 2^53 is reported by cell-value and its sum is exact, not rounded', () => {
    check(
      fc.tuple(bigArb, fc.constantFrom(-1n, 0n, 1n)),
      ([big, off]) => {
        // 予以公开: 自然人 = big, 总计 = big + off; a float would hold both as the same number.
        const text = report2021({
          requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021((rows) => {
            const open = rows.find(([l]) => l === '（一）予以公开')!;
            open[1] = [String(big), 0, 0, 0, 0, 0, String(big + off)];
          })}`,
        });
        const { diagnostics } = checkText(text);
        const cellAt = text.indexOf(`| ${big} |`) + 2;
        const totalAt = text.indexOf(`| ${big + off} |`, cellAt + 1) + 2;
        assert.ok(
          diagnostics.some((d) => d.rule === 'cell-value' && d.span.start === cellAt),
          `cell-value does not report ${big}: ${JSON.stringify(diagnostics.map((d) => [d.rule, d.message]))}`,
        );
        const sumAtTotal = diagnostics.filter((d) => d.rule === 'table-sum' && d.span.start === totalAt && /予以公开 · 总计/.test(d.message));
        if (off === 0n) assert.deepEqual(sumAtTotal, [], `a correct big sum is reported: ${sumAtTotal[0]?.message}`);
        else {
          assert.equal(sumAtTotal.length, 1, `a big sum off by ${off} is not reported (rounded?)`);
          assert.equal(sumAtTotal[0].fix?.edits[0].newText, String(big));
        }
      },
      1000,
    );
  });

  it('99999999999999999999 in a table is reported, not read as 100000000000000000000', () => {
    const text = '| 类别 | 上半年 | 合计 |\n|---|---|---|\n| 工作动态 | 99999999999999999999 | 99999999999999999999 |\n| 合计 | 99999999999999999999 | 100000000000000000000 |\n';
    const sums = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
    // The bottom-right cell closes both its row and its column: two findings, one cell, one exact figure.
    assert.ok(sums.length >= 1);
    const at = text.indexOf('100000000000000000000');
    for (const d of sums) {
      assert.equal(d.span.start, at);
      assert.match(d.message, /99999999999999999999/);
      if (d.fix) assert.equal(d.fix.edits[0].newText, '99999999999999999999');
    }
    assert.ok(sums.some((d) => d.fix), 'no fix for the wrong total');
  });
});
