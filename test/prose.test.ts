import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, diagnostics, report2021, requestTable2021 } from './helpers';
import { extractFigures } from '../server/src/core/prose/figures';
import { findBreakdowns } from '../server/src/core/prose/breakdown';
import { splitSentences } from '../server/src/core/prose/sentences';

const MINE = ['prose-sum', 'prose-table-count', 'prose-table-percent', 'prose-table-upheld', 'period', 'year-mismatch', 'fee-statement'];
const OVERVIEW = '## 一、总体情况\n\n2023年，本局扎实推进政府信息公开工作。';

/** A clean 2021 report with one more paragraph in section 一. */
function withOverview(paragraph: string): string {
  return report2021({ overview: `${OVERVIEW}\n\n${paragraph}` });
}

function withRequestsText(sentence: string, table = requestTable2021()): string {
  return report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n${sentence}\n\n${table}` });
}

const APPEALS_TABLE = (review: number[], direct: number[] = [0, 0, 0, 0, 0], after: number[] = [0, 0, 0, 0, 0]) =>
  [
    '::: 复议诉讼',
    '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    '|---|---|---|---|---|---|',
    `| 行政复议 | ${review.join(' | ')} |`,
    `| 未经复议直接起诉 | ${direct.join(' | ')} |`,
    `| 复议后起诉 | ${after.join(' | ')} |`,
    ':::',
  ].join('\n');

function withAppealsText(sentence: string, table = APPEALS_TABLE([1, 0, 0, 0, 1])): string {
  return report2021({ appeals: `## 四、政府信息公开行政复议、行政诉讼情况\n\n${sentence}\n\n${table}` });
}

// ——— building blocks ———

test('figures: Arabic, full-width, thousands, decimals, Chinese numerals, units', () => {
  const figs = extractFigures('共１２条，1,234件，0.35万元，54.17%，第3期，300余条，十二条，1.2万人次，2023年');
  assert.deepEqual(
    figs.map((f) => [f.unit, f.value.units.toString(), f.value.scale, f.approximate, f.ordinal, f.chinese]),
    [
      ['条', '12', 0, false, false, false],
      ['件', '1234', 0, false, false, false],
      ['万元', '35', 2, false, false, false],
      ['%', '5417', 2, false, false, false],
      ['期', '3', 0, false, true, false],
      ['条', '300', 0, true, false, false],
      ['条', '12', 0, false, false, true],
      ['万人次', '12', 1, false, false, false],
    ],
  );
  assert.equal(extractFigures('召开座谈会12场次')[0].unit, '场次');
  assert.equal(extractFigures('一百零五条')[0].value.units, 105n);
  assert.equal(extractFigures('十四五规划').length, 0);
});

test('sentences split on 。！？；and line breaks', () => {
  const text = '第一句。第二句；第三句！\n第四句';
  assert.deepEqual(splitSentences(text).map((r) => text.slice(r.start, r.end)), ['第一句', '第二句', '第三句', '第四句']);
  assert.deepEqual(splitSentences(text, false).map((r) => text.slice(r.start, r.end)), ['第一句', '第二句；第三句', '第四句']);
});

test('breakdowns: the shapes of reference §8', () => {
  const read = (s: string) => findBreakdowns(s).map((b) => [b.marker, Number(b.total.value.units), b.parts.map((p) => p.label)]);
  assert.deepEqual(read('全年共主动公开信息52条，其中：工作动态40条，通知公告12条'), [['其中', 52, ['工作动态', '通知公告']]]);
  assert.deepEqual(read('累计主动公开政府信息达215条。其中，部门预决算3条，安全生产信息58条，其他信息150条'), [
    ['其中', 215, ['部门预决算', '安全生产信息', '其他信息']],
  ]);
  assert.deepEqual(read('共公开1,234条，其中工作动态1,000条和通知公告234条，有效保障了知情权。'), [['其中', 1234, ['工作动态', '通知公告']]]);
  // A comma before the bracket (平潭综合实验区 2019: the parts add up to 2533, not 2599).
  assert.deepEqual(read('我区共公布政府信息2599条，(其中机构职能类信息25条，政策类信息68条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过网站发布。'), [
    ['其中', 2599, ['机构职能类信息', '政策类信息', '其他应主动公开政府信息']],
  ]);
});

// ——— prose-sum ———

test('the clean report produces none of these rules', () => {
  const d = diagnostics(report2021()).filter((x) => MINE.includes(x.rule));
  assert.deepEqual(d, []);
});

test('prose-sum: real lists that are not one plain list of the total stay silent (attack r12)', () => {
  for (const s of [
    // A later item opens a list of its own (北街街道 2025, shortened so that the sums would disagree).
    '累计发布工作动态信息5条，其中乡镇动态3条；发布法定主动公开内容1条，包括机构概况1条，以及预决算信息2条。',
    // The list adds up at a ；and the sentence goes on to other counts (平潭综合实验区 2023, 淮安市 2024).
    '办结依申请公开81件，其中：予以公开及部分公开42件；不予公开5件；无法提供31件；不予处理1件；其他处理2件；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。',
    '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件。',
    // 另有 after the ； is “in addition”, not the rest of the total (review r14).
    '本年度办结政府信息公开申请81件，其中：予以公开42件、部分公开10件、不予公开27件、其他处理2件；另有行政复议案件2件。',
    // After a ；an item with no figure: the list is open (上海市科委 2024, with 包括 alone).
    '当年发布政府信息393件，包括：行政规范性文件13件；规划计划文件2件；2024年度部门预算、2023年度部门决算信息；重大行政决策事项2项。',
  ]) {
    assert.deepEqual(diagnostics(withOverview(s), 'prose-sum'), [], s);
  }
  // The list that ended at the total is read up to there; a marker after 其中 is no part of the first label.
  const read = (s: string) => findBreakdowns(s).map((b) => [Number(b.total.value.units), b.parts.map((p) => p.label)]);
  assert.deepEqual(read('政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件。'), [[351, ['结果维持', '结果纠正', '其他结果', '尚未审结']]]);
  assert.deepEqual(read('当年发布政府信息393件，其中包括：行政规范性文件13件；规划计划文件2件。'), [[393, ['行政规范性文件', '规划计划文件']]]);
});

test('prose-sum: parts over the total by exactly one of them say so (that one is likely counted in another as well)', () => {
  // 上海市科委 2024: 1744 + 393 + 2 = 2139, and 解读类信息 21 is most likely inside 政务信息 393.
  const text = withOverview('“上海科技”网站全年累计发布信息2139条，其中动态类信息发布1744条，政务信息发布393条，解读类信息发布21条，回应公众关注热点信息2条。');
  const [d] = diagnostics(text, 'prose-sum');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /比总数 2139 条多 21 条，正好等于“解读类信息发布”一项：若该项已计入其他分项，请在正文中注明/);
});

test('prose-sum: a list over its total is reported whatever follows it (the ；-shapes above must not hide it; review r13)', () => {
  for (const s of [
    // ； is the list's own separator: the extra part is one of its items.
    '全年主动公开政府信息52条，其中：工作动态40条；通知公告12条；政策解读5条。',
    // In brackets, the list ends at the bracket.
    '全年主动公开政府信息52条（其中：工作动态40条；通知公告12条，政策解读5条）。',
    // A catch-all after the ； is the list's own last item.
    '全年主动公开政府信息52条，包括：工作动态40条，通知公告12条；其他信息5条。',
    // A remark after a ；leaves the list open: falling short would say nothing, going over still does.
    '全年主动公开政府信息52条，其中：工作动态40条，通知公告15条；有效保障了公众的知情权。',
    '全年主动公开政府信息52条，其中工作动态40条、通知公告15条；同时，进一步完善了政务公开专栏。',
    // A ；that parted groups before is the list's own (review r14).
    '本年度办结政府信息公开申请30件，其中：予以公开10件，部分公开5件；不予公开3件，无法提供12件；不予处理2件。',
    // A list that says it is complete (其他信息) falls short, a remark after the ；: reported (review r14).
    '全年主动公开政府信息60条，其中：工作动态40条，通知公告12条，其他信息5条；公开目录不断完善。',
  ]) {
    assert.equal(diagnostics(withOverview(s), 'prose-sum').length, 1, s);
  }
  assert.deepEqual(diagnostics(withOverview('全年主动公开政府信息52条，其中：工作动态30条，通知公告12条；有效保障了公众的知情权。'), 'prose-sum'), []);
});

test('prose-sum: parts exceeding the total, exact span and message', () => {
  const text = withOverview('共公布信息12条，其中部门资讯10条，机构信息2条，其他1条。');
  const d = diagnostics(text, 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.equal(covered(text, d[0]), '12条');
  assert.equal(d[0].message, '“其中”各项之和 13 条（部门资讯 10 + 机构信息 2 + 其他 1）与总数 12 条不符，相差 1 条；请核对总数或各分项。');
  assert.deepEqual(d[0].data, { expected: '13', actual: '12' });
  assert.deepEqual(d[0].related!.map((r) => text.slice(r.span.start, r.span.end)), ['10条', '2条', '1条']);
});

test('prose-sum: 其中 beginning the next sentence', () => {
  const text = withOverview('累计主动公开政府信息达215条。其中，部门预决算3条，安全生产信息58条，其他信息150条。');
  const d = diagnostics(text, 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '215条');
  assert.match(d[0].message, /各项之和 211 条.*总数 215 条不符，相差 4 条/);
});

test('prose-sum: a 包括 list that misses the total, followed by a channel list that is not a partition', () => {
  const text = withOverview(
    '主动公开政府信息486条（包括政务动态301条，通知公告150条，统计数据25条，政策文件8条），其中通过政府网站公开486条，政务微信公开130条，政务微博公开41条。',
  );
  const d = diagnostics(text, 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '486条');
  assert.equal(d[0].span.start, text.indexOf('486条'));
  assert.match(d[0].message, /^“包括”各项之和 484 条/);
});

test('prose-sum: parts short of the total, when a 其他 part says the list is complete', () => {
  const text = withOverview('全年主动公开政府信息60条，其中政策文件20条，工作动态30条，其他信息8条。');
  const d = diagnostics(text, 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '60条');
  assert.match(d[0].message, /各项之和 58 条.*相差 2 条/);
});

test('prose-sum: full-width digits and Chinese numerals are read', () => {
  const text = withOverview('共公开信息１２条，其中工作动态５条，通知公告８条。');
  const d = diagnostics(text, 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '１２条');
  assert.match(d[0].message, /13 条.*12 条/);
  const cn = withOverview('共公开信息十二条，其中工作动态十条，通知公告三条。');
  assert.equal(covered(cn, diagnostics(cn, 'prose-sum')[0]), '十二条');
});

test('prose-sum: sums that hold, with separators and decimals', () => {
  for (const p of [
    '全年共主动公开信息52条，其中：工作动态40条，通知公告12条。',
    '共公开1,234条，其中工作动态1,000条和通知公告234条，有效保障了知情权。',
    '共收取费用0.3万元，其中复印费0.1万元，邮寄费0.2万元。',
    '共公开信息52条；其中，工作动态40条；通知公告12条。',
  ]) {
    assert.deepEqual(diagnostics(withOverview(p), 'prose-sum'), [], p);
  }
});

test('prose-sum: traps that are not partitions stay silent', () => {
  for (const p of [
    // a single part
    '主动公开政府信息420条，其中公开文件133条。',
    // highlights: parts short of the total, with no 其他 part claiming completeness
    '全年主动公开政府信息5000条，其中政策文件200条，人事信息50条。',
    // parts in another unit
    '全年共编发简报30期，刊登各类信息96件，政策解读20篇。',
    // a 其中 splitting the sum of several totals
    '共收到人大代表建议5件、政协委员提案11件，其中主办13件，协办3件。',
    // mixed units in the parts
    '解读政策30次，其中召开座谈会12场次，网站解读9条，新闻发布会9次。',
    // channels, one equal to the total
    '主动公开政府信息486条，其中通过政府网站公开486条，政务微信公开130条，政务微博公开41条。',
    // channels without one equal to the total
    '发布信息100条，其中政府网站60条，微信公众号30条。',
    // a comparison before the 其中
    '共公开信息200条，较上年增加52条，其中工作动态40条，通知公告10条。',
    // open-ended list
    '共公开信息60条，其中工作动态40条、通知公告12条等。',
    '共公开信息60条，其中工作动态40条，通知公告12条，其他若干。',
    // approximate figures
    '共公开信息300余条，其中工作动态200条，通知公告50条。',
    // a part that is not a plain item
    '共公开信息60条，其中40条为工作动态，12条为通知公告。',
    // a nested breakdown
    '共公开信息60条，其中工作动态40条（含领导活动10条），通知公告12条。',
  ]) {
    assert.deepEqual(diagnostics(withOverview(p), 'prose-sum'), [], p);
  }
});

// Time is measured in bench/ (bench/lib/stress-cases.cjs: prose-hostile, and “fuzz: breakdowns back to back”); the
// timeout only stops a hang.
test('prose rules: 1 MB paragraphs are checked, the one wrong sum found', { timeout: 120_000 }, () => {
  const unit = '共公开信息52条，其中工作动态40条，通知公告12条。';
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length)) + '共公开信息12条，其中工作动态10条，通知公告3条。';
  const hostile = withOverview('其中1条'.repeat(200_000) + '1条，1条、'.repeat(100_000) + '统计收到信息公开申请1件'.repeat(50_000) + '12月1日至'.repeat(50_000));
  for (const d of diagnostics(hostile)) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= hostile.length, `${d.rule}: ${JSON.stringify(d.span)}`);
    assert.ok(d.message.length < 400, d.message.slice(0, 500));
  }
  const d = diagnostics(withOverview(big), 'prose-sum');
  assert.equal(d.length, 1);
  assert.equal(covered(withOverview(big), d[0]), '12条');
});

// ——— prose-table-count, prose-table-percent, prose-table-upheld ———

test('prose-table-count: new, carried, done and carried-over figures against table 三', () => {
  const text = withRequestsText('本年度共收到政府信息公开申请25件，上年结转3件，办结23件，结转下年度继续办理1件。');
  const d = diagnostics(text, 'prose-table-count');
  assert.deepEqual(d.map((x) => covered(text, x)), ['25件', '3件', '23件', '1件']);
  assert.equal(
    d[0].message,
    '正文称收到 25 件，但统计表“一、本年新收政府信息公开申请数量”的总计为 24 件；请核对正文或表格。',
  );
  const newRow = text.indexOf('| 一、本年新收政府信息公开申请数量');
  const lineEnd = text.indexOf('\n', newRow);
  const cell = d[0].related![0].span;
  assert.equal(text.slice(cell.start, cell.end), '24');
  assert.ok(cell.start > newRow && cell.end < lineEnd);
  assert.deepEqual(d[0].data, { expected: '24', actual: '25' });
  assert.match(d[2].message, /（七）总计/);
  assert.match(d[3].message, /结转下年度继续办理/);
});

test('prose-table-count: results rows, groups summed from their items', () => {
  const text = withRequestsText(
    '本年度共收到政府信息公开申请24件，办结24件。其中予以公开12件，部分公开3件，不予公开2件，无法提供5件，不予处理1件，其他处理1件。',
  );
  const d = diagnostics(text, 'prose-table-count');
  assert.deepEqual(d.map((x) => covered(text, x)), ['12件', '2件']);
  assert.match(d[1].message, /（三）不予公开”的总计为 1 件/);
});

test('prose-table-count: figures that agree, or are about something else, stay silent', () => {
  for (const s of [
    '本年度共收到政府信息公开申请24件，上年结转2件，办结24件，结转下年度继续办理2件。',
    // 办理 counting 新收 + 上年结转
    '本年度共办理政府信息公开申请26件。',
    '其中予以公开13件，部分公开3件，不予公开1件，无法提供5件，不予处理1件，其他处理1件。',
    // subsets and comparisons
    '其中通过网上申请20件，信函申请4件。',
    '收到政府信息公开申请24件，较上年增加5件，其中按时办结20件，延期答复4件。',
    '与2022年相比，收到政府信息公开申请30件。',
    '予以公开、部分公开分别为10件、5件。',
    // 不予受理 is no 受理 (遵义市人社局 2021); 舆情 are no requests (上饶市信州区 2021); those still in hand are
    // not all those done.
    '本年度共受理政府信息公开申请24件，不予受理4件，未予受理2件。',
    '全区依申请公开办件21件，妥善办理政务舆情2件，回复市长信箱来件5件。',
    '收到政府信息公开申请24件，正在办理2件。',
    // A part of those done, in words no row has (上海市科委 2024); 转下一年度 is the carry-over, not 办理.
    '所有办结的信息公开申请中同意公开答复9件，部分公开答复3件，转下一年度办理答复的有2件。',
  ]) {
    assert.deepEqual(diagnostics(withRequestsText(s), 'prose-table-count'), [], s);
  }
  for (const p of ['本年度收到人大代表建议5件，政协提案3件。', '全年受理行政许可申请120件，办结118件。']) {
    assert.deepEqual(diagnostics(withOverview(p), 'prose-table-count'), [], p);
  }
});

test('prose-table-count: 上年转结 is 上年结转, and 不予以公开 is 不予公开, not 予以公开', () => {
  const text = withRequestsText('上年转结政府信息公开申请3件。本年度办结政府信息公开申请24件，其中不予以公开2件。');
  const d = diagnostics(text, 'prose-table-count');
  assert.deepEqual(d.map((x) => covered(text, x)), ['3件', '2件']);
  assert.match(d[0].message, /二、上年结转政府信息公开申请数量/);
  assert.match(d[1].message, /（三）不予公开/);
});

test('prose-table-count: 转下一年度办理 is compared with 四、结转下年度继续办理, not with （七）总计', () => {
  const text = withRequestsText('所有办结的信息公开申请中同意公开答复9件，转下一年度办理答复的有1件。');
  const d = diagnostics(text, 'prose-table-count');
  assert.deepEqual(d.map((x) => covered(text, x)), ['1件']);
  assert.match(d[0].message, /正文称转下一年度办理答复 1 件，但统计表“四、结转下年度继续办理”的总计为 2 件/);
});

test('prose-table-count: a blank table cell is not compared', () => {
  const table = requestTable2021((rows) => {
    rows[0][1][6] = '';
  });
  assert.deepEqual(diagnostics(withRequestsText('本年度共收到政府信息公开申请25件。', table), 'prose-table-count'), []);
});

test('prose-table-count: full-width digits in prose', () => {
  const text = withRequestsText('本年度共收到政府信息公开申请２５件。');
  const d = diagnostics(text, 'prose-table-count');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '２５件');
});

test('prose-table-count: 行政复议 and 行政诉讼 against table 四', () => {
  const text = withAppealsText('本年度因政府信息公开被申请行政复议2件，提起行政诉讼1件。');
  const d = diagnostics(text, 'prose-table-count');
  assert.deepEqual(d.map((x) => covered(text, x)), ['2件', '1件']);
  assert.match(d[0].message, /行政复议”的总计为 1 件/);
  assert.match(d[1].message, /行政诉讼（未经复议直接起诉 \+ 复议后起诉）”的总计为 0 件/);
  assert.deepEqual(diagnostics(withAppealsText('本年度因政府信息公开被申请行政复议1件，提起行政诉讼0件。'), 'prose-table-count'), []);
});

test('prose-table-percent: percentages of the results total, to the printed precision', () => {
  for (const ok of ['其中予以公开13件，占54.17%。', '其中予以公开13件，占54.2%。', '其中予以公开13件（占比54.16%）。']) {
    assert.deepEqual(diagnostics(withRequestsText(ok), 'prose-table-percent'), [], ok);
  }
  const text = withRequestsText('其中予以公开13件，占60%。');
  const d = diagnostics(text, 'prose-table-percent');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '60%');
  assert.match(d[0].message, /应为 54%/);
});

test('prose-table-upheld: “均获维持” against non-upheld results', () => {
  const text = withAppealsText('本年度因政府信息公开被申请行政复议2件，均获维持。', APPEALS_TABLE([1, 1, 0, 0, 2]));
  const d = diagnostics(text, 'prose-table-upheld');
  assert.equal(d.length, 1);
  assert.equal(covered(text, d[0]), '均获维持');
  assert.match(d[0].message, /行政复议 · 结果纠正 1/);
  assert.deepEqual(diagnostics(withAppealsText('本年度因政府信息公开被申请行政复议1件，均获维持。'), 'prose-table-upheld'), []);
});

// ——— period ———

test('period: a full year is fine', () => {
  const text = withOverview('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。');
  assert.deepEqual(diagnostics(text, 'period'), []);
  assert.deepEqual(diagnostics(withOverview('截至12月20日，已完成全部整改。'), 'period'), []);
  assert.deepEqual(diagnostics(withOverview('据统计，截至11月30日，已公开信息40条。'), 'period'), []);
});

test('period: a period cut short', () => {
  const text = withOverview('本报告统计期限为2023年1月1日至2023年12月20日。');
  const d = diagnostics(text, 'period');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(covered(text, d[0]), '2023年1月1日至2023年12月20日');
  assert.match(d[0].message, /未覆盖完整年度/);

  const until = withOverview('本报告数据统计截至12月20日止。');
  const u = diagnostics(until, 'period');
  assert.equal(u.length, 1);
  assert.equal(covered(until, u[0]), '12月20日');
});

test('period: beside the whole year, a date after its end until which some figures were counted is no period cut short (it was reported as not covering the year)', () => {
  assert.deepEqual(diagnostics(withOverview('本报告中所列数据的统计期限为2023年1月1日至12月31日，部分数据截至2024年1月10日。'), 'period'), []);
  // Alone, or beside a period cut short, it is still reported.
  assert.equal(diagnostics(withOverview('本报告数据统计截至2024年1月10日。'), 'period').length, 1);
  assert.equal(diagnostics(withOverview('本报告统计期限为2023年1月1日至12月20日，部分数据截至2024年1月10日。'), 'period').length, 2);
  // Later than the first months of the next year it is a period of its own, and wrong.
  assert.equal(diagnostics(withOverview('本报告中所列数据的统计期限为2023年1月1日至12月31日，其中行政许可数据截至2024年12月31日。'), 'period').length, 1);
});

test('period: a period in another year', () => {
  const text = withOverview('本报告统计期限为2022年1月1日至2022年12月31日。');
  const d = diagnostics(text, 'period');
  assert.equal(d.length, 1);
  assert.match(d[0].message, /是 2022 年，不是报告年度 2023 年/);
});

// ——— year-mismatch ———

test('year-mismatch: title against front matter', () => {
  const text = report2021({ title: '# 测试市测试局2022年政府信息公开工作年度报告' });
  const d = diagnostics(text, 'year-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.equal(covered(text, d[0]), '2022');
  assert.equal(d[0].span.start, text.indexOf('2022年政府'));
});

test('year-mismatch: without front matter, title against the statistics period', () => {
  const text = report2021({ frontMatter: '', overview: `${OVERVIEW}\n\n本报告统计期限为2022年1月1日至2022年12月31日。` });
  const d = diagnostics(text, 'year-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].span.start, text.indexOf('2022年1月1日'));
  assert.equal(covered(text, d[0]), '2022');
});

test('year-mismatch: title and period agree against the front matter', () => {
  const text = report2021({
    title: '# 测试市测试局2022年政府信息公开工作年度报告',
    overview: '## 一、总体情况\n\n2022年，本局扎实推进政府信息公开工作。\n\n本报告统计期限为2022年1月1日至2022年12月31日。',
  });
  const d = diagnostics(text, 'year-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].span.start, text.indexOf('2023\n'));
  assert.match(d[0].message, /前置元数据“年度: 2023”/);
});

test('year-mismatch: section 一 opening on last year (warning)', () => {
  const text = report2021({ overview: '## 一、总体情况\n\n2022年，本局认真贯彻落实《条例》。' });
  const d = diagnostics(text, 'year-mismatch');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(covered(text, d[0]), '2022');
  for (const ok of ['2019年以来，本局持续推进公开工作。', '2024年，本局将继续深化公开。']) {
    assert.deepEqual(diagnostics(report2021({ overview: `## 一、总体情况\n\n${ok}` }), 'year-mismatch'), [], ok);
  }
});

// ——— fee-statement ———

test('fee-statement: section 六 without the 信息处理费', () => {
  const text = report2021({ other: '## 六、其他需要报告的事项\n\n无。' });
  const d = diagnostics(text, 'fee-statement');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(covered(text, d[0]), '## 六、其他需要报告的事项');
  assert.match(d[0].message, /信息处理费/);
});

test('fee-statement: amounts or none collected are fine; no section 六 or 2019 format is left alone', () => {
  for (const s of ['本年度共收取信息处理费120元。', '本年度信息处理费0元。', '本年度没有收取信息处理费。', '本机关本年度未收取任何费用。']) {
    assert.deepEqual(diagnostics(report2021({ other: `## 六、其他需要报告的事项\n\n${s}` }), 'fee-statement'), [], s);
  }
  assert.deepEqual(diagnostics(report2021({ other: '' }), 'fee-statement'), []);
  const old = report2021({
    frontMatter: '---\n机关: 测试市测试局\n年度: 2020\n格式: 2019\n发布日期: 2021-01-20\n---',
    title: '# 测试市测试局2020年政府信息公开工作年度报告',
    other: '## 六、其他需要报告的事项\n\n无。',
  });
  assert.deepEqual(diagnostics(old, 'fee-statement'), []);
});
