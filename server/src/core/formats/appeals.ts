import type { ColumnSpec, TableSpec } from './types';

/** Table 四 — 政府信息公开行政复议、行政诉讼情况 (2019 and 2021 alike): three groups of five. */
const columns: ColumnSpec[] = [
  { id: 'upheld', label: '结果维持', kind: 'int' },
  { id: 'corrected', label: '结果纠正', kind: 'int' },
  { id: 'otherResult', label: '其他结果', kind: 'int' },
  { id: 'pending', label: '尚未审结', kind: 'int' },
  { id: 'total', label: '总计', kind: 'int' },
];

export const appealsTable: TableSpec = {
  kind: '复议诉讼',
  title: '政府信息公开行政复议、行政诉讼情况',
  section: 'appeals',
  columns,
  rows: [
    { id: 'review', label: '行政复议', name: '行政复议' },
    { id: 'direct', label: '未经复议直接起诉', name: '未经复议直接起诉', aliases: ['行政诉讼/未经复议直接起诉', '直接起诉'] },
    { id: 'afterReview', label: '复议后起诉', name: '复议后起诉', aliases: ['行政诉讼/复议后起诉'] },
  ],
  cornerLabels: ['类别', '项目', '事项'],
  relations: [{ kind: 'row', id: 'R4', total: 'total', parts: ['upheld', 'corrected', 'otherResult', 'pending'] }],
};
