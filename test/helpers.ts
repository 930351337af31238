import { checkText, type CheckOptions, type Diagnostic } from '../server/src/core/index';

/** Diagnostics of one rule (or all) for a text. */
export function diagnostics(text: string, rule?: string, options: CheckOptions = {}): Diagnostic[] {
  const all = checkText(text, options).diagnostics;
  return rule ? all.filter((d) => d.rule === rule) : all;
}

/** The text a diagnostic's (or a related location's) span covers. */
export function covered(text: string, d: Pick<Diagnostic, 'span'>): string {
  return text.slice(d.span.start, d.span.end);
}

const REQUEST_ROWS_2021: Array<[string, number[]]> = [
  ['一、本年新收政府信息公开申请数量', [20, 3, 0, 0, 1, 0, 24]],
  ['二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2]],
  ['三、本年度办理结果', []],
  ['（一）予以公开', [10, 2, 0, 0, 1, 0, 13]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [3, 0, 0, 0, 0, 0, 3]],
  ['（三）不予公开', []],
  ['1.属于国家秘密', [0, 0, 0, 0, 0, 0, 0]],
  ['2.其他法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0]],
  ['3.危及“三安全一稳定”', [0, 0, 0, 0, 0, 0, 0]],
  ['4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1]],
  ['5.属于三类内部事务信息', [0, 0, 0, 0, 0, 0, 0]],
  ['6.属于四类过程性信息', [0, 0, 0, 0, 0, 0, 0]],
  ['7.属于行政执法案卷', [0, 0, 0, 0, 0, 0, 0]],
  ['8.属于行政查询事项', [0, 0, 0, 0, 0, 0, 0]],
  ['（四）无法提供', []],
  ['1.本机关不掌握相关政府信息', [4, 1, 0, 0, 0, 0, 5]],
  ['2.没有现成信息需要另行制作', [0, 0, 0, 0, 0, 0, 0]],
  ['3.补正后申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0]],
  ['（五）不予处理', []],
  ['1.信访举报投诉类申请', [1, 0, 0, 0, 0, 0, 1]],
  ['2.重复申请', [0, 0, 0, 0, 0, 0, 0]],
  ['3.要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0]],
  ['4.无正当理由大量反复申请', [0, 0, 0, 0, 0, 0, 0]],
  ['5.要求行政机关确认或重新出具已获取信息', [0, 0, 0, 0, 0, 0, 0]],
  ['（六）其他处理', []],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [1, 0, 0, 0, 0, 0, 1]],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
  ['3.其他', [0, 0, 0, 0, 0, 0, 0]],
  ['（七）总计', [20, 3, 0, 0, 1, 0, 24]],
  ['四、结转下年度继续办理', [2, 0, 0, 0, 0, 0, 2]],
];

export function requestTable2021(edit: (rows: Array<[string, Array<number | string>]>) => void = () => {}): string {
  const rows: Array<[string, Array<number | string>]> = REQUEST_ROWS_2021.map(([l, v]) => [l, [...v]]);
  edit(rows);
  const header = '| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |';
  const sep = '|---|---|---|---|---|---|---|---|';
  return ['::: 依申请', header, sep, ...rows.map(([l, v]) => `| ${l} |${v.map((x) => ` ${x} |`).join('')}`), ':::'].join('\n');
}

export interface ReportParts {
  frontMatter?: string;
  title?: string;
  overview?: string;
  proactive?: string;
  requests?: string;
  appeals?: string;
  problems?: string;
  other?: string;
}

/** A small clean 2021 report; each part can be replaced to plant one error. */
export function report2021(parts: ReportParts = {}): string {
  const p = {
    frontMatter: '---\n机关: 测试市测试局\n年度: 2023\n格式: 2021\n发布日期: 2024-01-20\n---',
    title: '# 测试市测试局2023年政府信息公开工作年度报告',
    overview:
      '## 一、总体情况\n\n2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障等各项工作。\n\n全年主动公开政府信息52条，其中：工作动态40条，通知公告12条。',
    proactive:
      '## 二、主动公开政府信息情况\n\n::: 主动公开\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 1 | 15 |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 120 |\n| 行政处罚 | 35 |\n| 行政强制 | 3 |\n| 信息内容 | 本年收费金额（单位：万元） |\n| 行政事业性收费 | 0.35 |\n:::',
    requests: `## 三、收到和处理政府信息公开申请情况\n\n本年度共收到政府信息公开申请24件，上年结转2件，办结24件，结转下年度继续办理2件。\n\n${requestTable2021()}`,
    appeals:
      '## 四、政府信息公开行政复议、行政诉讼情况\n\n::: 复议诉讼\n| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|\n| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n| 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |\n| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n:::',
    problems:
      '## 五、存在的主要问题及改进情况\n\n一是信息发布的及时性有待提高；二是政策解读形式较为单一。针对上年度指出的栏目更新不及时问题，已建立周检查制度，整改到位。',
    other: '## 六、其他需要报告的事项\n\n本年度未收取信息处理费。',
    ...parts,
  };
  return [p.frontMatter, p.title, p.overview, p.proactive, p.requests, p.appeals, p.problems, p.other].filter(Boolean).join('\n\n') + '\n';
}
