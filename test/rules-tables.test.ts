import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, parse } from '../server/src/core/index';
import { covered, diagnostics, report2021, requestTable2021 } from './helpers';

const clean = report2021();
const withRequests = (edit: Parameters<typeof requestTable2021>[0]) =>
  report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021(edit)}` });
const setRow = (label: string, values: Array<number | string>) => (rows: Array<[string, Array<number | string>]>) => {
  const row = rows.find(([l]) => l === label)!;
  row[1] = values;
};

/**
 * The 依申请 table with only 自然人 and 总计 filled (the other columns blank), and two typos: 4.保护第三方合法权益 ·
 * 自然人 typed 2 (for 1), and （一）予以公开 · 总计 typed `opened` (for 13).
 */
const onlyNaturalPersons = (opened: number) =>
  withRequests((rows) =>
    rows.forEach((r) => {
      if (!r[1].length) return;
      const total = r[1][6];
      r[1] = [total, '', '', '', '', '', total];
      if (r[0].startsWith('4.保护')) r[1][0] = 2;
      if (r[0].startsWith('（一）予以公开')) r[1][6] = opened;
    }),
  );

describe('table-sum', () => {
  it('a part row left out or not recognised (同意公开 for 予以公开) leaves the sums it is a part of unchecked: its figure is unknown, and `--fix` rewrote the correct （七）总计 row', () => {
    const renamed = withRequests((rows) => void (rows.find(([l]) => l === '（一）予以公开')![0] = '（一）同意公开'));
    const removed = withRequests((rows) => void rows.splice(rows.findIndex(([l]) => l === '（一）予以公开'), 1));
    for (const text of [renamed, removed]) {
      assert.deepEqual(diagnostics(text, 'table-sum'), []);
      assert.equal(diagnostics(text, 'missing-row').length, 1);
      assert.equal(fixAll(text).text, text);
    }
  });
  it('a total that a sum which holds confirms gets no fix: R3 holds with （七）总计, so when R2 fails a part is what is wrong', () => {
    // 予以公开 · 自然人 10 → 11: R2 fails on （七）总计 · 自然人 (21 against 20), R1 on 予以公开's own total (14 against
    // 13); R3 holds with 总计 20, and R2 of the 总计 column with 13. Both were fixed, and R3 and the 总计 column broke.
    const text = withRequests(setRow('（一）予以公开', [11, 2, 0, 0, 1, 0, 13]));
    const found = diagnostics(text, 'table-sum');
    assert.deepEqual(found.map((d) => d.data?.relation).sort(), ['R1', 'R2']);
    assert.ok(found.every((d) => d.fix === undefined), JSON.stringify(found.map((d) => d.fix)));
    assert.equal(fixAll(text).text, text);
  });
  it('a total typed wrong in a table of blank columns is still fixed safely when a sum with no blank term fails on it too (R3 on 一 · 总计 27 for 26)', () => {
    // Only 自然人 and 总计 filled, as many small agencies file: R1 of 一 has blank terms; R3 of the 总计 column has none.
    const blankColumns = (rows: Array<[string, Array<number | string>]>) => {
      for (const row of rows) if (row[1].length === 7) row[1] = [row[1][6], '', '', '', '', '', row[1][6]];
    };
    const clean = withRequests(blankColumns);
    const typo = withRequests((rows) => {
      blankColumns(rows);
      rows.find(([l]) => l === '一、本年新收政府信息公开申请数量')![1][6] = 25;
    });
    assert.deepEqual(diagnostics(clean, 'table-sum'), []);
    assert.equal(fixAll(typo).text, clean);
  });
  it('a blank part (the row written, its cells not) is counted as 0 and reported, but the fix is not safe: the blank may be what is wrong', () => {
    const text = withRequests(setRow('（一）予以公开', ['', '', '', '', '', '', '']));
    const found = diagnostics(text, 'table-sum').filter((d) => d.data?.relation === 'R2');
    assert.ok(found.length > 0 && found.every((d) => !d.fix?.safe), JSON.stringify(found.map((d) => d.fix)));
    assert.equal(fixAll(text).text, text);
  });
  it('R1: a row total that is not the sum of the applicant columns', () => {
    const text = withRequests(setRow('（一）予以公开', [10, 2, 0, 0, 1, 0, 14]));
    const found = diagnostics(text, 'table-sum');
    const r1 = found.find((d) => d.data?.relation === 'R1')!;
    assert.equal(covered(text, r1), '14');
    assert.match(r1.message, /予以公开 · 总计 为 14，但各项之和为 13（自然人 10 \+ 商业企业 2 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 1 \+ 其他 0），多 1/);
    assert.equal(r1.fix!.edits[0].newText, '13');
  });
  it('R2: （七）总计 against the results, group items included', () => {
    const text = withRequests((rows) => {
      setRow('1.属于国家秘密', [1, 0, 0, 0, 0, 0, 1])(rows);
    });
    const r2 = diagnostics(text, 'table-sum').filter((d) => d.data?.relation === 'R2');
    assert.equal(r2.length, 2); // 自然人 and 总计 columns
    assert.match(r2[0].message, /总计 · 自然人 为 20，但各项之和为 21/);
  });
  it('R3: 一 + 二 = 总计 + 四, on the 结转 cell', () => {
    const text = withRequests(setRow('四、结转下年度继续办理', [3, 0, 0, 0, 0, 0, 3]));
    const r3 = diagnostics(text, 'table-sum').filter((d) => d.data?.relation === 'R3');
    assert.deepEqual(r3.map((d) => covered(text, d)), ['3', '3']);
    assert.match(r3[0].message, /应为 本年新收政府信息公开申请数量 20 \+ 上年结转政府信息公开申请数量 2 − 总计 20 = 2/);
  });
  it('group subtotals, when filled, are checked against their items', () => {
    const text = withRequests(setRow('（三）不予公开', [2, 0, 0, 0, 0, 0, 2]));
    const groups = diagnostics(text, 'table-sum').filter((d) => d.data?.relation === 'refuse-items');
    assert.equal(groups.length, 2);
    assert.equal(diagnostics(withRequests(setRow('（三）不予公开', [1, 0, 0, 0, 0, 0, 1])), 'table-sum').length, 0);
  });
  it('with blank columns, a sum that fails for another typo is no witness: `--fix` left a correct item 总计 alone (review r13)', () => {
    // Only 自然人 and 总计 filled; 4.保护第三方合法权益 · 自然人 typed 2 (for 1), （一）予以公开 · 总计 typed 14 (for 13).
    // R2 on the 总计 column fails for the 14, not for row 4's 总计 1, which is right.
    const text = onlyNaturalPersons(14);
    const item = diagnostics(text, 'table-sum').find((d) => /保护第三方合法权益 · 总计/.test(d.message));
    assert.ok(item?.fix && !item.fix.safe, JSON.stringify(item));
    const fixed = fixAll(text).text;
    assert.match(fixed, /\| 4\.保护第三方合法权益 \| 2 \|(?: +\|){5} 1 \|/);
    assert.match(fixed, /\| （一）予以公开 \| 13 \|(?: +\|){5} 13 \|/);
  });
  it('a failing sum that another typo\'s fix settles as well is no witness either: `--fix` applies both (review r14)', () => {
    // The same table with 予以公开 · 总计 typed 12: R2 fails by one either way, and row 4's correct 总计 was rewritten.
    assert.match(fixAll(onlyNaturalPersons(12)).text, /\| 4\.保护第三方合法权益 \| 2 \|(?: +\|){5} 1 \|/);
    // Prose 收到24件 right; 一 · 自然人 typed 21 and 四 · 总计 typed 3: R3 fails for 四's typo, and 一's 总计 became 25.
    const text = withRequests((rows) => {
      for (const r of rows) {
        if (r[0].startsWith('一、')) r[1][0] = 21;
        if (r[0].startsWith('四、')) r[1][6] = 3;
      }
    }).replace('\n::: 依申请', '本年度共收到政府信息公开申请24件，上年结转2件，办结24件。\n\n::: 依申请');
    const fixed = fixAll(text).text;
    assert.match(fixed, /\| 一、本年新收政府信息公开申请数量 \| 21 \| 3 \| 0 \| 0 \| 1 \| 0 \| 24 \|/);
    assert.match(fixed, /\| 四、结转下年度继续办理 \| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2 \|/);
  });
  it('prose that copies a typo (予以公开14件) does not stop the fix two sums agree on (review r13)', () => {
    const text = withRequests(setRow('（一）予以公开', [10, 2, 0, 0, 1, 0, 14])).replace('\n::: 依申请', '本年度办结政府信息公开申请24件，其中予以公开14件。\n\n::: 依申请');
    const d = diagnostics(text, 'table-sum').find((x) => /予以公开 · 总计/.test(x.message));
    assert.equal(d?.fix?.edits[0].newText, '13');
    assert.equal(d?.fix?.safe, true);
  });
  it('R4: each 复议诉讼 group total', () => {
    const text = clean.replace('| 行政复议 | 1 | 0 | 0 | 0 | 1 |', '| 行政复议 | 1 | 1 | 0 | 0 | 1 |');
    const [d] = diagnostics(text, 'table-sum');
    assert.equal(d.data?.relation, 'R4');
    assert.match(d.message, /少 1/);
  });
  it('a 复议诉讼 total that the prose restates as written gets no fix: a part is what is wrong (`--fix` moved the correct 总计)', () => {
    const typo = clean.replace('| 行政复议 | 1 | 0 | 0 | 0 | 1 |', '| 行政复议 | 1 | 1 | 0 | 0 | 1 |');
    const withProse = (count: number) => typo.replace('\n::: 复议诉讼', `本年度发生政府信息公开行政复议${count}件，结果维持。\n\n::: 复议诉讼`);
    const [confirmed] = diagnostics(withProse(1), 'table-sum');
    assert.equal(confirmed.fix, undefined);
    assert.ok(confirmed.related?.some((r) => r.message === '正文：行政复议 1 件'), JSON.stringify(confirmed.related));
    assert.equal(fixAll(withProse(1)).text, withProse(1));
    // Without the prose, or with prose that agrees with the parts, the total is the figure to fix.
    for (const text of [typo, withProse(2)]) {
      const [d] = diagnostics(text, 'table-sum');
      assert.equal(d.fix?.edits[0].newText, '2');
      assert.equal(d.fix?.safe, true);
    }
  });
  it('blank totals and all-blank parts are not checked; blank parts count as 0 otherwise', () => {
    const blankTotals = withRequests((rows) => rows.forEach((r) => r[1].length && (r[1][6] = '')));
    assert.equal(diagnostics(blankTotals, 'table-sum').length, 0);
    assert.ok(diagnostics(blankTotals, 'empty-cell').length > 0);
    const blankPart = withRequests(setRow('（一）予以公开', [10, '', 0, 0, 1, 0, 13]));
    assert.match(diagnostics(blankPart, 'table-sum')[0].message, /商业企业 空\(0\)/);
    const dashes = withRequests(setRow('（一）予以公开', [10, 2, '—', '-', 1, '无', 13]));
    assert.equal(diagnostics(dashes, 'table-sum').length, 0);
  });
  it('money adds exactly', () => {
    const text = '| 项目 | 金额 |\n|---|---|\n| 甲 | 0.1 |\n| 乙 | 0.2 |\n| 合计 | 0.3 |\n';
    assert.equal(diagnostics(text, 'table-sum').length, 0);
    assert.equal(diagnostics(text.replace('0.3', '0.31'), 'table-sum').length, 1);
  });
  it('other Markdown tables: 合计 rows, 小计 rows and 合计 columns', () => {
    const text = '| 渠道 | 上半年 | 下半年 | 合计 |\n|---|---|---|---|\n| 网站 | 10 | 5 | 15 |\n| 微信 | 3 | 4 | 8 |\n| 小计 | 13 | 9 | 22 |\n| 公报 | 1 | 1 | 2 |\n| 合计 | 14 | 10 | 24 |\n';
    const found = diagnostics(text, 'table-sum');
    assert.deepEqual(found.map((d) => covered(text, d)), ['8', '22', '24']);
    assert.deepEqual(found.map((d) => d.data?.expected), ['7', '23', '25']);
    assert.equal(diagnostics(text.replace('| 8 |', '| 7 |'), 'table-sum').length, 0);
    // Terms and labels are built only for a failing sum, after the evaluation: they must name the right cells.
    assert.match(found[0].message, /^微信 · 合计 为 8，但各项之和为 7（上半年 3 \+ 下半年 4）/);
    assert.match(found[1].message, /^小计 · 合计 为 22，但各项之和为 23（网站 15 \+ 微信 8）/);
    assert.match(found[2].message, /^合计 · 合计 为 24，但各项之和为 25（网站 15 \+ 微信 8 \+ 公报 2）/);
    assert.deepEqual(found[0].related?.map((r) => covered(text, r)), ['3', '4']);
  });
  it('legacy 附表: parents against parts, single parts and overlapping channels', () => {
    const head = '---\n格式: legacy\n年度: 2012\n---\n::: 附表\n| 指标名称 | 计量单位 | 本年 | 历年累计 |\n|---|---|---|---|\n';
    const good = head + '| 受理申请总数 | 件 | 10 | 50 |\n| 其中：1.当面申请数 | 件 | 4 | 20 |\n| 2.网上申请数 | 件 | 6 | 30 |\n:::\n';
    assert.equal(diagnostics(good, 'table-sum').length, 0);
    const bad = good.replace('| 2.网上申请数 | 件 | 6 | 30 |', '| 2.网上申请数 | 件 | 5 | 30 |');
    const [d] = diagnostics(bad, 'table-sum');
    assert.equal(covered(bad, d), '10');
    assert.match(d.message, /受理申请总数 · 本年 为 10，但各项之和为 9/);
    const otherUnit = good.replace('| 2.网上申请数 | 件 | 6 | 30 |', '| 2.网上申请数 | 人次 | 6 | 30 |\n| 3.信函 | 件 | 6 | 30 |');
    assert.equal(diagnostics(otherUnit, 'table-sum').length, 0);
    const blank = good.replace('| 2.网上申请数 | 件 | 6 | 30 |', '| 2.网上申请数 | 件 |  | 30 |');
    assert.equal(diagnostics(blank, 'table-sum').length, 0);
    const channels = head + '| 主动公开信息数 | 条 | 100 | 100 |\n| 其中：1.政府网站 | 条 | 100 | 100 |\n| 2.政府公报 | 条 | 20 | 120 |\n:::\n';
    const exceeded = diagnostics(channels, 'table-sum');
    assert.deepEqual(exceeded.map((x) => covered(channels, x)), ['120']);
    const single = head + '| 主动公开信息数 | 条 | 100 | 100 |\n| 其中：规范性文件 | 条 | 120 | 10 |\n:::\n';
    assert.deepEqual(diagnostics(single, 'table-sum').map((x) => covered(single, x)), ['120']);
  });
});

describe('missing-table, missing-row, unknown-row, row-label, table-header', () => {
  it('missing-table: a section without its table', () => {
    const text = report2021({ appeals: '## 四、政府信息公开行政复议、行政诉讼情况\n\n本年度未发生行政复议、行政诉讼。' });
    const [d] = diagnostics(text, 'missing-table');
    assert.equal(covered(text, d), '四、政府信息公开行政复议、行政诉讼情况');
    assert.match(d.fix!.edits[0].newText, /::: 复议诉讼/);
    assert.equal(diagnostics(clean, 'missing-table').length, 0);
  });
  it('missing-row: each absent official row, with an insertion in its place', () => {
    const text = withRequests((rows) => rows.splice(rows.findIndex(([l]) => l === '2.重复申请'), 1));
    const [d] = diagnostics(text, 'missing-row');
    assert.match(d.message, /缺少“2.重复申请”行/);
    const at = d.fix!.edits[0].span.start;
    assert.ok(text.slice(0, at).endsWith('| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n'));
    assert.equal(d.fix!.edits[0].newText, '| 2.重复申请 |  |  |  |  |  |  |  |\n');
    assert.equal(diagnostics(clean, 'missing-row').length, 0);
  });
  it('missing-row, table-sum: a table written in two parts (split at a page break) is one table', () => {
    const table = requestTable2021();
    const lines = table.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('| 1.本机关不掌握相关政府信息 |'));
    assert.ok(cut > 0);
    const split = [...lines.slice(0, cut), ':::', '', '::: 依申请', ...lines.slice(cut)].join('\n');
    const text = clean.replace(table, split);
    assert.notEqual(text, clean);
    assert.equal(diagnostics(text, 'missing-row').length, 0);
    // Its sums are summed over both parts.
    assert.equal(diagnostics(text, 'table-sum').length, 0);
    // A row missing from both parts is reported once, on the first part.
    const missing = text.replace(/\| 2\.重复申请 \|[^\n]*\n/, '');
    const found = diagnostics(missing, 'missing-row');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /缺少“2.重复申请”行/);
  });
  it('unknown-row: suggests the closest official label; ambiguous labels ask for 父/子', () => {
    const text = withRequests((rows) => rows.push(['不予公开的其他情形', [0, 0, 0, 0, 0, 0, 0]], ['公开', [0, 0, 0, 0, 0, 0, 0]]));
    const found = diagnostics(text, 'unknown-row');
    assert.deepEqual(found.map((d) => covered(text, d)), ['不予公开的其他情形', '公开']);
    // The closest row, the group （三）不予公开, is in the table already: renaming to it made a second one, with figures.
    assert.match(found[0].message, /最接近的规定行“（三）不予公开”表中已有/);
    assert.equal(found[0].fix, undefined);
    assert.match(found[1].message, /有歧义/);
    // Without the group row, the fix names it.
    const withoutGroup = withRequests((rows) => {
      rows.splice(rows.findIndex(([l]) => l === '（三）不予公开'), 1);
      rows.push(['不予公开的其他情形', [0, 0, 0, 0, 0, 0, 0]]);
    });
    const [d] = diagnostics(withoutGroup, 'unknown-row');
    assert.equal(d.fix?.edits[0].newText, '（三）不予公开');
    // The closest row there already, the next one is no fix: 6.其他不予处理情形 is not （六）其他处理.
    const other = withRequests((rows) => {
      rows.splice(rows.findIndex(([l]) => l === '（六）其他处理'), 1);
      rows.push(['6.其他不予处理情形', [0, 0, 0, 0, 0, 0, 0]]);
    });
    const found2 = diagnostics(other, 'unknown-row');
    assert.ok(found2.every((x) => !x.fix || !/其他处理/.test(x.fix.title)), JSON.stringify(found2.map((x) => [x.message, x.fix?.title])));
    const dup = withRequests((rows) => rows.push(['（一）予以公开', [10, 2, 0, 0, 1, 0, 13]]));
    assert.match(diagnostics(dup, 'unknown-row')[0].message, /重复出现/);
    assert.equal(diagnostics(clean, 'unknown-row').length, 0);
  });
  it('row-label: a typo in the official text is recognised and flagged', () => {
    const text = withRequests((rows) => (rows[4][0] = '（二）部分公开（区分处理的，只计这一情况，不计其他情形）'));
    const [d] = diagnostics(text, 'row-label');
    assert.equal(d.fix!.edits[0].newText, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(diagnostics(text, 'table-sum').length, 0);
    assert.equal(diagnostics(clean, 'row-label').length, 0);
  });
  it('table-header: unknown column names and wrong order', () => {
    const text = clean.replace('| 其他 | 总计 |', '| 其它组织 | 总计 |').replace('| 结果维持 | 结果纠正 |', '| 结果纠正 | 结果维持 |');
    const found = diagnostics(text, 'table-header');
    assert.equal(covered(text, found[0]), '其它组织');
    assert.match(found[1].message, /顺序与规定不符/);
    assert.equal(diagnostics(clean, 'table-header').length, 0);
  });
});

describe('cell-count, cell-value, empty-cell', () => {
  it('cell-count: too few and too many values', () => {
    const text = withRequests((rows) => {
      setRow('2.重复申请', [0, 0, 0, 0, 0, 0])(rows);
      setRow('3.要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0, 9])(rows);
    });
    const found = diagnostics(text, 'cell-count');
    assert.match(found[0].message, /应有 7 个数值.*实际只有 6 个/);
    assert.equal(covered(text, found[1]).trim(), '9');
    assert.equal(diagnostics(clean, 'cell-count').length, 0);
  });
  it('cell-value: units in cells, decimals and negatives where not allowed, full-width digits, huge numbers', () => {
    const text = withRequests((rows) => {
      setRow('2.重复申请', ['3件', '1.5', '-1', '１２', '99999999999999999999', 'abc', 0])(rows);
    });
    const found = diagnostics(text, 'cell-value');
    assert.deepEqual(found.map((d) => [covered(text, d), d.severity]), [
      ['3件', 'error'], ['1.5', 'error'], ['-1', 'error'], ['１２', 'hint'], ['99999999999999999999', 'error'], ['abc', 'error'],
    ]);
    assert.equal(found[0].fix!.edits[0].newText, '3');
    assert.equal(found[3].fix!.edits[0].newText, '12');
  });
  it('cell-value: a sum in 元 in the 万元 column is converted by the fix', () => {
    const text = clean.replace('| 行政事业性收费 | 0.35 |', '| 行政事业性收费 | 3500元 |');
    const [d] = diagnostics(text, 'cell-value');
    assert.match(d.message, /此列以万元为单位/);
    assert.equal(d.fix!.edits[0].newText, '0.35');
  });
  it('cell-value: a 2019 本年增/减 figure with a full-width minus (－１８, －18) is read as -18, and the fix writes -18 (it wrote －18, which read as no figure)', () => {
    for (const written of ['－１８', '－18', '﹣18']) {
      const text = `---\n格式: 2019\n年度: 2020\n---\n::: 主动公开\n| 行政许可 | 10 | ${written} | 8 |\n:::\n`;
      const [d] = diagnostics(text, 'cell-value');
      assert.equal(d?.severity, 'hint', written);
      assert.match(d.message, /已按 -18 读取/);
      assert.equal(d.fix!.edits[0].newText, '-18');
      assert.deepEqual(diagnostics(fixAll(text).text, 'cell-value'), [], written);
    }
  });
  it('cell-value: money decimals and 2019 本年增/减 negatives are fine', () => {
    assert.equal(diagnostics(clean, 'cell-value').length, 0);
    const text2019 = '---\n格式: 2019\n年度: 2020\n---\n::: 主动公开\n| 行政许可 | 10 | -2 | 8 |\n| 政府集中采购 | 3 | 12.5 |\n:::\n';
    assert.equal(diagnostics(text2019, 'cell-value').length, 0);
  });
  it('empty-cell: one warning per row, spanning its blanks, with a fill-0 fix', () => {
    const text = withRequests(setRow('2.重复申请', [0, '', '', 0, 0, 0, 0]));
    const found = diagnostics(text, 'empty-cell');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2 个空白单元格（商业企业、科研机构）/);
    assert.equal(found[0].fix!.edits.length, 2);
    assert.equal(diagnostics(clean, 'empty-cell').length, 0);
  });
  it('legacy blanks are unknown, not empty', () => {
    const legacy = '---\n格式: legacy\n年度: 2012\n---\n::: 附表\n| 指标名称 | 单位 | 本年 |\n| 主动公开信息数 | 条 |  |\n:::\n';
    assert.equal(diagnostics(legacy, 'empty-cell').length, 0);
    assert.equal(parse(legacy).tables[0].rows[1].values[0].state, 'blank');
  });
});

describe('cross-year', () => {
  const previous = parse(
    withRequests(setRow('四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2])).replace('| 行政规范性文件 | 2 | 1 | 15 |', '| 行政规范性文件 | 3 | 0 | 14 |'),
  );
  it('this year 上年结转 must equal last year 结转下年度继续办理', () => {
    const text = withRequests((rows) => {
      setRow('二、上年结转政府信息公开申请数量', [3, 0, 0, 0, 0, 0, 3])(rows);
      setRow('一、本年新收政府信息公开申请数量', [19, 3, 0, 0, 1, 0, 23])(rows);
    });
    const found = diagnostics(text, 'cross-year', { context: { previousYear: previous } });
    assert.deepEqual(found.map((d) => covered(text, d)), ['3', '3']);
    assert.equal(diagnostics(clean, 'cross-year', { context: { previousYear: previous } }).length, 0);
    assert.equal(diagnostics(text, 'cross-year').length, 0);
  });
  it('X2: 现行有效件数 follows from last year (a warning)', () => {
    const text = clean.replace('| 行政规范性文件 | 2 | 1 | 15 |', '| 行政规范性文件 | 2 | 1 | 16 |');
    const [d] = diagnostics(text, 'cross-year', { context: { previousYear: previous } });
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /14 \+ 本年制发 2 − 本年废止 1 = 15/);
  });
});

describe('table-sum on plain tables: averages, shares and ranks are not sums', () => {
  it('a column of averages or shares, or a row of averages, is not summed into its 合计 (the average and the 100 % were reported, and `--fix` wrote 33.6 and 100.1 over them)', () => {
    const text = report2021({
      other: [
        '## 六、其他需要报告的事项',
        '',
        '| 季度 | 收到申请（件） | 平均办理时长（工作日） | 占全年比例（%） | 办结率 |',
        '|---|---|---|---|---|',
        '| 第一季度 | 40 | 9.5 | 21.5 | 98 |',
        '| 第二季度 | 52 | 8.0 | 28.0 | 100 |',
        '| 第三季度 | 47 | 7.5 | 25.3 | 100 |',
        '| 第四季度 | 47 | 8.6 | 25.3 | 97 |',
        '| 平均 | 46.5 | 8.4 | 25 | 98.8 |',
        '| 合计 | 186 | 8.4 | 100 | 98.8 |',
      ].join('\n'),
    });
    assert.deepEqual(diagnostics(text, 'table-sum'), []);
    // The counts are still summed.
    const wrong = text.replace('| 合计 | 186 |', '| 合计 | 187 |');
    assert.deepEqual(diagnostics(wrong, 'table-sum').map((d) => covered(wrong, d)), ['187']);
  });
  it('a row whose label merely holds such characters (频率, 比例) is counted, a 点击率（次） column is a count, and a 合计 with a comment after it is a 合计', () => {
    const table = (rows: string[], header = '| 许可事项 | 件数 |') => report2021({ other: ['## 六、其他需要报告的事项', '', header, '|---|---|', ...rows].join('\n') });
    const rows = ['| 无线电频率使用许可 | 36 |', '| 残疾人就业保障金（按比例安排就业） | 512 |', '| 贷款利率及收费标准 | 20 |'];
    assert.deepEqual(diagnostics(table([...rows, '| 合计 | 568 |']), 'table-sum'), []);
    assert.equal(diagnostics(table([...rows, '| 合计 | 532 |']), 'table-sum').length, 1);
    const clicks = table(['| 工作动态 | 31200 |', '| 通知公告 | 20800 |', '| 合计 | 62000 |'], '| 栏目 | 点击率（次） |');
    assert.equal(diagnostics(clicks, 'table-sum').length, 1);
    const commented = table(['| 工作动态 | 318 |', '| 通知公告 | 197 |', '| 合计 <!-- 待核 --> | 516 |']);
    const [d] = diagnostics(commented, 'table-sum');
    assert.match(d?.message ?? '', /^合计 · 件数 为 516，但各项之和为 515/);
  });
});
