import type { ColumnSpec, RowSpec, TableSpec } from './types';

/** Table 二 — 主动公开政府信息情况. Each 第二十条 block has its own columns. */

const col = (id: string, label: string, kind: ColumnSpec['kind'] = 'int', unit?: ColumnSpec['unit']): ColumnSpec => ({ id, label, kind, ...(unit ? { unit } : {}) });
const CORNER = ['信息内容', '项目', '指标'];

const A1 = '第二十条第（一）项';
const A5 = '第二十条第（五）项';
const A6 = '第二十条第（六）项';
const A8 = '第二十条第（八）项';
const A9 = '第二十条第（九）项';

function rowsOf(block: string, columns: ColumnSpec[], rows: [string, string, string[]?][]): RowSpec[] {
  return rows.map(([id, name, aliases]) => ({ id, label: name, name, aliases, block, columns }));
}

const docs2021 = [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('effective', '现行有效件数')];
const decisions2021 = [col('decisions', '本年处理决定数量')];
const fees2021 = [col('feeAmount', '本年收费金额（单位：万元）', 'money', '万元')];

export const proactive2021: TableSpec = {
  kind: '主动公开',
  title: '主动公开政府信息情况',
  section: 'proactive',
  columns: [...docs2021, ...decisions2021, ...fees2021],
  rows: [
    ...rowsOf(A1, docs2021, [['regulations', '规章'], ['normativeDocs', '行政规范性文件', ['规范性文件']]]),
    ...rowsOf(A5, decisions2021, [['licensing', '行政许可']]),
    ...rowsOf(A6, decisions2021, [['penalty', '行政处罚'], ['enforcement', '行政强制']]),
    ...rowsOf(A8, fees2021, [['fees', '行政事业性收费']]),
  ],
  cornerLabels: CORNER,
  relations: [],
};

const docs2019 = [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('totalPublic', '对外公开总数量')];
const items2019 = [col('lastYear', '上一年项目数量'), col('change', '本年增/减', 'signed'), col('decisions', '处理决定数量')];
const fees2019 = [col('lastYear', '上一年项目数量'), col('change', '本年增/减', 'signed')];
const procurement2019 = [col('projects', '采购项目数量'), col('amount', '采购总金额', 'money')];

export const proactive2019: TableSpec = {
  kind: '主动公开',
  title: '主动公开政府信息情况',
  section: 'proactive',
  columns: [...docs2019, ...items2019, ...procurement2019],
  rows: [
    ...rowsOf(A1, docs2019, [['regulations', '规章'], ['normativeDocs', '规范性文件']]),
    ...rowsOf(A5, items2019, [['licensing', '行政许可'], ['otherServices', '其他对外管理服务事项']]),
    ...rowsOf(A6, items2019, [['penalty', '行政处罚'], ['enforcement', '行政强制']]),
    ...rowsOf(A8, fees2019, [['fees', '行政事业性收费']]),
    ...rowsOf(A9, procurement2019, [['procurement', '政府集中采购']]),
  ],
  cornerLabels: CORNER,
  relations: [],
};
