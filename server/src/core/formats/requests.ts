import type { ColumnSpec, RelationSpec, RowSpec, TableSpec } from './types';

/** A row written out: its id under its parent, official label, name, short forms. */
type RowTuple = [id: string, label: string, name: string, aliases: string[]];

/** Table 三 — 收到和处理政府信息公开申请情况, shared by the 2019 and 2021 formats (they differ only in （六）其他处理). */

const LEGAL = '法人或其他组织';
export const requestColumns: ColumnSpec[] = [
  { id: 'natural', label: '自然人', kind: 'int' },
  { id: 'business', label: '商业企业', kind: 'int', group: LEGAL },
  { id: 'research', label: '科研机构', kind: 'int', group: LEGAL },
  { id: 'welfare', label: '社会公益组织', kind: 'int', group: LEGAL },
  { id: 'legal', label: '法律服务机构', kind: 'int', group: LEGAL },
  { id: 'other', label: '其他', kind: 'int', group: LEGAL },
  { id: 'total', label: '总计', kind: 'int' },
];

const refuse: RowSpec[] = ([
  ['secret', '1.属于国家秘密', '属于国家秘密', ['国家秘密']],
  ['law', '2.其他法律行政法规禁止公开', '其他法律行政法规禁止公开', ['法律行政法规禁止公开']],
  ['safety', '3.危及“三安全一稳定”', '危及“三安全一稳定”', ['三安全一稳定']],
  ['thirdParty', '4.保护第三方合法权益', '保护第三方合法权益', ['第三方合法权益']],
  ['internal', '5.属于三类内部事务信息', '属于三类内部事务信息', ['内部事务信息']],
  ['process', '6.属于四类过程性信息', '属于四类过程性信息', ['过程性信息']],
  ['enforcement', '7.属于行政执法案卷', '属于行政执法案卷', ['行政执法案卷']],
  ['query', '8.属于行政查询事项', '属于行政查询事项', ['行政查询事项']],
] satisfies RowTuple[]).map(([id, label, name, aliases]) => ({ id: `refuse.${id}`, label, name, aliases, parent: 'refuse' }));

const unable: RowSpec[] = ([
  ['notHeld', '1.本机关不掌握相关政府信息', '本机关不掌握相关政府信息', ['不掌握相关政府信息']],
  ['toProduce', '2.没有现成信息需要另行制作', '没有现成信息需要另行制作', ['需要另行制作']],
  ['unclear', '3.补正后申请内容仍不明确', '补正后申请内容仍不明确', ['申请内容仍不明确']],
] satisfies RowTuple[]).map(([id, label, name, aliases]) => ({ id: `unable.${id}`, label, name, aliases, parent: 'unable' }));

const reject: RowSpec[] = ([
  ['petition', '1.信访举报投诉类申请', '信访举报投诉类申请', ['信访举报投诉']],
  ['repeat', '2.重复申请', '重复申请', []],
  ['publication', '3.要求提供公开出版物', '要求提供公开出版物', ['公开出版物']],
  ['mass', '4.无正当理由大量反复申请', '无正当理由大量反复申请', ['大量反复申请']],
  ['confirm', '5.要求行政机关确认或重新出具已获取信息', '要求行政机关确认或重新出具已获取信息', ['确认或重新出具已获取信息']],
] satisfies RowTuple[]).map(([id, label, name, aliases]) => ({ id: `reject.${id}`, label, name, aliases, parent: 'reject' }));

/** The items of （六）其他处理 in the 2021 format (the 2019 format has the row alone). */
export const otherHandlingItems2021: RowSpec[] = ([
  ['noSupplement', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正']],
  ['unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['逾期未缴纳费用', '逾期未按收费通知要求缴纳费用']],
  ['misc', '3.其他', '其他', []],
] satisfies RowTuple[]).map(([id, label, name, aliases]) => ({ id: `otherHandling.${id}`, label, name, aliases, parent: 'otherHandling' }));

/** The table; formats differ only in the items under （六）其他处理 (none: the row holds its own figures). */
export function requestTable(otherHandlingItems: readonly RowSpec[]): TableSpec {
  const itemised = otherHandlingItems.length > 0;
  const rows: RowSpec[] = [
    { id: 'new', label: '一、本年新收政府信息公开申请数量', name: '本年新收政府信息公开申请数量', aliases: ['本年新收申请数量', '本年新收'] },
    { id: 'carried', label: '二、上年结转政府信息公开申请数量', name: '上年结转政府信息公开申请数量', aliases: ['上年结转申请数量', '上年结转'] },
    { id: 'results', label: '三、本年度办理结果', name: '本年度办理结果', group: true },
    { id: 'open', label: '（一）予以公开', name: '予以公开', parent: 'results' },
    { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', name: '部分公开', aliases: ['部分公开（区分处理的，只计这一情形，不计其他情形）'], parent: 'results' },
    { id: 'refuse', label: '（三）不予公开', name: '不予公开', parent: 'results', group: true },
    ...refuse,
    { id: 'unable', label: '（四）无法提供', name: '无法提供', parent: 'results', group: true },
    ...unable,
    { id: 'reject', label: '（五）不予处理', name: '不予处理', parent: 'results', group: true },
    ...reject,
    { id: 'otherHandling', label: '（六）其他处理', name: '其他处理', parent: 'results', group: itemised },
    ...otherHandlingItems,
    { id: 'total', label: '（七）总计', name: '总计', aliases: ['办理结果总计'], parent: 'results' },
    { id: 'next', label: '四、结转下年度继续办理', name: '结转下年度继续办理', aliases: ['结转下年度'] },
  ];
  const groupSum = (group: string): RelationSpec => ({
    kind: 'column',
    id: `${group}-items`,
    total: group,
    parts: rows.filter((r) => r.parent === group).map((r) => r.id),
  });
  return {
    kind: '依申请',
    title: '收到和处理政府信息公开申请情况',
    section: 'requests',
    columns: requestColumns,
    rows,
    // Skeletons write the first: a short word, so that aligned rows stay narrow (the renderer prints the official note).
    cornerLabels: ['项目', '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', '申请人情况', '指标'],
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    relations: [
      { kind: 'row', id: 'R1', total: 'total', parts: ['natural', 'business', 'research', 'welfare', 'legal', 'other'] },
      { kind: 'column', id: 'R2', total: 'total', parts: ['open', 'partial', 'refuse', 'unable', 'reject', 'otherHandling'] },
      { kind: 'identity', id: 'R3', left: ['new', 'carried'], right: ['total', 'next'] },
      groupSum('refuse'),
      groupSum('unable'),
      groupSum('reject'),
      ...(itemised ? [groupSum('otherHandling')] : []),
    ],
  };
}
