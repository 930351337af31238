/**
 * Content checks (issue 16): what sections 一 and 五 must say, placeholder cells, sections with nothing of their own.
 * The shapes are those of published reports: a 五 of one word or one sentence, a 五 that lists problems but not last
 * year's, a 总体情况 organised by headings of its own, tables full of `/`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import type { CodeActionParams } from 'vscode-languageserver';
import { checkText, parse, type Diagnostic, type Edit } from '../server/src/core/index';
import { toLspDiagnostic } from '../server/src/lsp/convert';
import { codeActions } from '../server/src/lsp/providers/code-actions';
import { requestTable2021, covered, diagnostics, report2021 } from './helpers';

/** The text with a fix's edits applied (from the end, so that earlier offsets hold). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((s, e) => s.slice(0, e.span.start) + e.newText + s.slice(e.span.end), text);
}

const PROBLEMS = '## 五、存在的主要问题及改进情况';
const problems = (body: string) => report2021({ problems: `${PROBLEMS}\n\n${body}` });
const only = (found: readonly Diagnostic[]) => found.map((d) => [d.severity, d.data?.reason ?? d.data?.section]);

/** 平潭综合实验区 2022 (test/corpus), a year later: problems and measures, nothing about last year's problems. */
const LISTS_PROBLEMS_ONLY =
  '2023年，平潭综合实验区政府信息公开工作取得了一定成绩，但还存在一些问题和不足：一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。二是部分重点领域信息公开深度不足。\n\n2024年，我区将采取以下措施加以改进。一是丰富意见征集形式。二是加大重点领域公开信息整合归类力度。';

describe('problems-content', () => {
  it('a 五 of only 无 / 暂无 / 未发现问题 is a warning quoting it', () => {
    for (const body of ['无。', '暂无', '本年度无。', '本年度未发现问题。', '没有']) {
      const found = diagnostics(problems(body), 'problems-content');
      assert.deepEqual(only(found), [['warning', 'nothing']], body);
      assert.match(found[0].message, /只写了“/);
      assert.equal(covered(problems(body), found[0]), PROBLEMS);
    }
  });

  it('a sentence or two naming no problem is a warning; one naming a problem is not', () => {
    for (const body of ['本年度政府信息公开工作运行良好。', '我局将继续做好政府信息公开工作，不断提高公开质量。', '本年度未发现明显问题，工作总体平稳。']) {
      assert.deepEqual(only(diagnostics(problems(body), 'problems-content')), [['warning', 'no-problem']], body);
    }
    const named = problems('一是政策解读形式较为单一；二是信息更新不够及时。上一年度指出的栏目更新问题已整改到位。');
    assert.deepEqual(diagnostics(named, 'problems-content'), []);
  });

  it('2021: a 五 that lists problems and measures but not last year’s progress gets a hint', () => {
    const found = diagnostics(problems(LISTS_PROBLEMS_ONLY), 'problems-content');
    assert.deepEqual(only(found), [['hint', 'last-year']]);
    assert.match(found[0].message, /没有说明上一年度问题的改进情况/);
  });

  it('last year’s progress said in a heading, with 上年度, 去年 or the year before counts', () => {
    const shapes = [
      `### （一）存在的主要问题\n\n${LISTS_PROBLEMS_ONLY}\n\n### （二）上一年度问题的改进情况\n\n已建立台账，逐项落实。`,
      `${LISTS_PROBLEMS_ONLY}\n\n针对上年度报告指出的问题，我局已逐项整改。`,
      `${LISTS_PROBLEMS_ONLY}\n\n去年存在的栏目更新不及时问题已解决。`,
      `${LISTS_PROBLEMS_ONLY}\n\n2022年报告中提出的问题均已整改到位。`,
    ];
    for (const body of shapes) assert.deepEqual(diagnostics(problems(body), 'problems-content'), [], body);
  });

  it('with last year’s report at hand, the hint names the problems it listed', () => {
    const lastYear = parse(problems(LISTS_PROBLEMS_ONLY).replace('年度: 2023', '年度: 2022'));
    const text = problems('一是政策解读形式单一。二是信息发布审核不够严格。下一步将加强培训。');
    const [d] = diagnostics(text, 'problems-content', { context: { previousYear: lastYear } });
    assert.equal(d.severity, 'hint');
    assert.deepEqual(d.data?.listed, ['重大行政决策预公开程度需进一步加强，意见征集形式较为单一', '部分重点领域信息公开深度不足']);
    assert.match(d.message, /2022 年报告列出的问题有：“重大行政决策预公开程度需进一步加强，意见征集形式较为单一”、“部分重点领域信息公开深度不足”/);
  });

  it('the 2019 format asks no progress report; a legacy 问题 section of only 无 is still a warning', () => {
    const text2019 = problems(LISTS_PROBLEMS_ONLY).replace('格式: 2021', '格式: 2019').replace('年度: 2023', '年度: 2020');
    assert.deepEqual(diagnostics(text2019, 'problems-content'), []);
    const legacy = '---\n机关: 测试局\n年度: 2012\n格式: legacy\n---\n# 测试局2012年政府信息公开工作年度报告\n\n## 六、政府信息公开工作存在的主要问题及改进措施\n\n无。\n';
    assert.deepEqual(only(diagnostics(legacy, 'problems-content')), [['warning', 'nothing']]);
  });

  it('an empty 五, or one of only the template’s guidance, is left to thin-section', () => {
    for (const body of ['', '如实说明存在的主要问题和改进措施，并报告上一年度问题的改进情况；不宜只写“无”。']) {
      const text = problems(body);
      assert.deepEqual(diagnostics(text, 'problems-content'), [], body);
      assert.equal(diagnostics(text, 'thin-section').length, 1, body);
    }
  });
});

describe('thin-section', () => {
  it('a required section with only its heading is a warning on the heading', () => {
    const text = report2021({ other: '## 六、其他需要报告的事项' });
    const [d, ...rest] = diagnostics(text, 'thin-section');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'warning');
    assert.equal(covered(text, d), '## 六、其他需要报告的事项');
    assert.match(d.message, /只有标题，没有正文/);
  });

  it('guidance copied from the skeleton or a template is no content; a short real statement is', () => {
    const guidance = ['概述本年度政府信息公开工作，涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面（各级人民政府还应报告工作考核、社会评议和责任追究结果）。', '（此处填写本年度政府信息公开工作总体情况）', '略。', 'XXXXXX'];
    for (const body of guidance) {
      const found = diagnostics(report2021({ overview: `## 一、总体情况\n\n${body}` }), 'thin-section');
      assert.deepEqual(found.map((d) => d.data?.guidance), [true], body);
      assert.match(found[0].message, /只有模板中的说明文字/);
    }
    assert.deepEqual(diagnostics(report2021({ other: '## 六、其他需要报告的事项\n\n本年度无其他需要报告的事项。' }), 'thin-section'), []);
  });

  it('sections whose content is a table are not thin; the whole skeleton left unedited has three thin sections', () => {
    assert.deepEqual(diagnostics(report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021()}` }), 'thin-section'), []);
    const skeleton = checkText('').diagnostics[0].fix!.edits[0].newText;
    const thin = checkText(skeleton).diagnostics.filter((d) => d.rule === 'thin-section');
    assert.deepEqual(thin.map((d) => d.data?.section), ['overview', 'problems', 'other']);
  });
});

describe('overview-topics', () => {
  const overview = (body: string) => report2021({ overview: `## 一、总体情况\n\n${body}` });

  it('an overview of one paragraph about 主动公开 lacks four topics: one hint, whose fix adds their headings in order', () => {
    const text = overview('2023年，本局认真贯彻落实《条例》。全年主动公开政府信息52条。');
    const [d, ...rest] = diagnostics(text, 'overview-topics');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'hint');
    assert.deepEqual(d.data?.missing, ['requests', 'management', 'platform', 'oversight']);
    assert.match(d.message, /没有写到依申请公开、政府信息管理、政府信息公开平台建设、监督保障/);
    const fixed = applyEdits(text, d.fix!.edits);
    assert.match(fixed, /全年主动公开政府信息52条。\n\n### （二）依申请公开\n\n### （三）政府信息管理\n\n### （四）政府信息公开平台建设\n\n### （五）监督保障\n\n## 二、主动公开政府信息情况/);
    assert.deepEqual(diagnostics(fixed, 'overview-topics'), []);
  });

  it('a missing topic’s heading goes before the next official topic the section has', () => {
    const text = overview('### （一）主动公开\n\n全年主动公开政府信息52条。\n\n### （五）监督保障\n\n开展培训2次。依申请公开和政府网站建设情况见后文。');
    const [d] = diagnostics(text, 'overview-topics');
    assert.deepEqual(d.data?.missing, ['management']);
    assert.match(applyEdits(text, d.fix!.edits), /52条。\n\n### （三）政府信息管理\n\n### （五）监督保障/);
  });

  it('an overview organised by headings of its own but covering every topic in paragraphs is silent (沭阳县发改局 2023 shape)', () => {
    const text = overview(
      [
        '### （一）加强组织领导', '全年共审核发布各类主动公开政府信息249条。',
        '### （二）规范办理流程', '2023年度我局共收到依申请信息公开26件，均按时答复。',
        '### （三）完善公开制度规范', '执行三级审核制度，明确保密审查职责分工。',
        '### （四）扩展公开渠道', '提高部门网站信息更新频率。',
        '### （五）及时回应关切', '自觉接受代表、委员和社会的监督。',
      ].join('\n\n'),
    );
    assert.deepEqual(diagnostics(text, 'overview-topics'), []);
  });

  it('a government’s report is also asked for 工作考核、社会评议和责任追究结果; a department’s is not', () => {
    const body = '全年主动公开信息52条；依申请公开办结24件；加强政府信息管理；优化政府网站；强化监督检查。';
    assert.deepEqual(diagnostics(overview(body), 'overview-topics'), []);
    const government = report2021({ frontMatter: '---\n机关: 测试市人民政府\n年度: 2023\n格式: 2021\n发布日期: 2024-03-20\n---', overview: `## 一、总体情况\n\n${body}` });
    const [d] = diagnostics(government, 'overview-topics');
    assert.deepEqual(d.data?.missing, ['assessment']);
    assert.match(applyEdits(government, d.fix!.edits), /### （六）工作考核、社会评议和责任追究结果\n\n## 二、/);
    assert.deepEqual(diagnostics(government.replace('强化监督检查', '将政务公开纳入绩效考核'), 'overview-topics'), []);
  });

  it('the 2019 format lists no topics; an overview left empty is thin-section’s', () => {
    const text2019 = overview('全年主动公开政府信息52条。').replace('格式: 2021', '格式: 2019').replace('年度: 2023', '年度: 2020');
    assert.deepEqual(diagnostics(text2019, 'overview-topics'), []);
    assert.deepEqual(diagnostics(report2021({ overview: '## 一、总体情况' }), 'overview-topics'), []);
  });
});

describe('placeholder-cell', () => {
  /** 依申请 with `/` in the 法律服务机构 column and `—` in two cells of a row, as published tables are often filled. */
  const slashed = report2021({
    requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021((rows) => {
      for (const [, values] of rows) if (values.length && values[4] === 0) values[4] = '/';
      const secret = rows.find(([label]) => label === '1.属于国家秘密')!;
      secret[1][0] = '—';
      secret[1][6] = '—';
    })}`,
  });

  it('one hint per table, counting the marks; they still count as 0, and no other rule reports them', () => {
    const found = diagnostics(slashed, 'placeholder-cell');
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.severity, 'hint');
    assert.equal(covered(slashed, d), '/');
    assert.match(d.message, /“收到和处理政府信息公开申请情况”表有 \d+ 个单元格写的是 “\/”“—”，已按 0 计算/);
    assert.equal(d.data?.count, d.fix!.edits.length);
    const all = diagnostics(slashed);
    assert.deepEqual(all.filter((x) => x.rule !== 'placeholder-cell'), [], 'table-sum, empty-cell and cell-value stay silent');
  });

  it('its fix writes 0 in every placeholder, which leaves the table clean', () => {
    const [d] = diagnostics(slashed, 'placeholder-cell');
    assert.ok(d.fix!.edits.every((e) => e.newText === '0'));
    assert.deepEqual(diagnostics(applyEdits(slashed, d.fix!.edits)), []);
  });

  it('configurable to warning; dashes in a group row (a merged cell) and in a legacy 附表 are not reported', () => {
    assert.deepEqual(diagnostics(slashed, 'placeholder-cell', { config: { rules: { 'placeholder-cell': 'warning' } } }).map((d) => d.severity), ['warning']);
    const group = report2021({
      requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021((rows) => {
        rows.find(([label]) => label === '（三）不予公开')![1] = ['—', '—', '—', '—', '—', '—', '—'];
      })}`,
    });
    assert.deepEqual(diagnostics(group, 'placeholder-cell'), []);
    const legacy = fs.readFileSync('examples/2012-legacy.xxgk', 'utf8').replace('| 2.政府公报 | 条 | 30 |', '| 2.政府公报 | 条 | — |');
    assert.match(legacy, /政府公报 \| 条 \| — \|/);
    assert.deepEqual(diagnostics(legacy, 'placeholder-cell'), []);
  });
});

describe('the content rules on the shipped examples', () => {
  it('2023-clean.xxgk says everything the content rules ask for', () => {
    const text = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
    const found = diagnostics(text).filter((d) => ['problems-content', 'overview-topics', 'thin-section', 'placeholder-cell'].includes(d.rule));
    assert.deepEqual(found, []);
  });
});

describe('the content rules’ fixes in the editor', () => {
  it('overview-topics and placeholder-cell fixes are offered as quick fixes on their diagnostics', () => {
    const text = report2021({
      overview: '## 一、总体情况\n\n全年主动公开政府信息52条。',
      appeals: '## 四、政府信息公开行政复议、行政诉讼情况\n\n::: 复议诉讼\n| 行政复议 | 1 | / | / | / | 1 |\n| 未经复议直接起诉 | — | — | — | — | — |\n| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n:::',
    });
    const { document, diagnostics: all } = checkText(text);
    const uri = 'file:///report.xxgk';
    for (const rule of ['overview-topics', 'placeholder-cell']) {
      const d = all.find((x) => x.rule === rule)!;
      const lsp = toLspDiagnostic(document, d, uri);
      const params: CodeActionParams = { textDocument: { uri }, range: lsp.range, context: { diagnostics: [lsp], only: ['quickfix'] } };
      const [action] = codeActions(document, all, params);
      assert.equal(action?.title, d.fix!.title, rule);
      assert.equal(action.edit?.changes?.[uri]?.length, d.fix!.edits.length, rule);
    }
  });
});
