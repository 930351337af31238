import { t } from '../i18n';
import { appealsTable } from './appeals';
import { overviewContent2021, problemsContent2021 } from './content';
import { proactive2019, proactive2021 } from './proactive';
import { registerFormat } from './registry';
import { otherHandlingItems2021, requestTable } from './requests';
import { legacySections, nationalSections } from './sections';
import type { FormatSpec, TableKind } from './types';

export * from './types';
export * from './registry';

export const TABLE_KINDS: readonly TableKind[] = ['主动公开', '依申请', '复议诉讼', '附表'];

const national2021Tables = [proactive2021, requestTable(otherHandlingItems2021), appealsTable];
const national2019Tables = [proactive2019, requestTable([]), appealsTable];

/** The official formats, newest first: the one place where sections, tables, rows, columns and relations are defined. */
export const BUILT_IN_FORMATS: readonly FormatSpec[] = [
  {
    id: '2021',
    kind: 'national',
    label: () => t('2021 格式'),
    usage: () => t('2021 年度起使用'),
    years: { from: 2021 },
    source: '国办公开办函〔2021〕30号',
    sections: nationalSections(
      {
        overview:
          '概述本年度政府信息公开工作，涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面（各级人民政府还应报告工作考核、社会评议和责任追究结果）。',
        problems: '如实说明存在的主要问题和改进措施，并报告上一年度问题的改进情况；不宜只写“无”。',
        other: '须报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取的应写明）。',
      },
      { overview: overviewContent2021, problems: problemsContent2021 },
    ),
    tables: national2021Tables,
    tableKinds: national2021Tables.map((t) => t.kind),
    feeStatement: true,
  },
  {
    id: '2019',
    kind: 'national',
    label: () => t('2019 格式'),
    usage: () => t('2019、2020 年度使用'),
    years: { from: 2019, to: 2020 },
    source: '国办公开办函〔2019〕60号',
    sections: nationalSections({
      overview: '概述本年度政府信息公开工作总体情况。',
      problems: '如实说明存在的主要问题和改进措施。',
      other: '报告其他需要报告的事项。',
    }),
    tables: national2019Tables,
    tableKinds: national2019Tables.map((t) => t.kind),
    feeStatement: false,
  },
  {
    id: 'legacy',
    kind: 'legacy',
    label: () => t('旧格式（legacy）'),
    usage: () => t('2018 年度及以前'),
    years: { from: 2008, to: 2018 },
    source: '《政府信息公开条例》（2008）第三十二条',
    sections: legacySections,
    tables: [],
    tableKinds: ['附表'],
    feeStatement: false,
  },
];

for (const spec of BUILT_IN_FORMATS) registerFormat(spec);
