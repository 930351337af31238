import { appealsTable } from './appeals';
import { proactive2019, proactive2021 } from './proactive';
import { requestTable } from './requests';
import { legacySections, nationalSections } from './sections';
import type { FormatId, FormatSpec, TableKind, TableSpec } from './types';

export * from './types';

/** The official formats: the one place where sections, tables, rows, columns and relations are defined. */
export const FORMATS: Readonly<Record<FormatId, FormatSpec>> = {
  '2021': {
    id: '2021',
    source: '国办公开办函〔2021〕30号',
    sections: nationalSections('2021'),
    tables: [proactive2021, requestTable('2021'), appealsTable],
  },
  '2019': {
    id: '2019',
    source: '国办公开办函〔2019〕60号',
    sections: nationalSections('2019'),
    tables: [proactive2019, requestTable('2019'), appealsTable],
  },
  legacy: {
    id: 'legacy',
    source: '《政府信息公开条例》（2008）第三十二条',
    sections: legacySections,
    tables: [],
  },
};

export const TABLE_KINDS: readonly TableKind[] = ['主动公开', '依申请', '复议诉讼', '附表'];

export function tableSpec(format: FormatId, kind: TableKind): TableSpec | undefined {
  return FORMATS[format].tables.find((t) => t.kind === kind);
}

/** The format a report of the given year must use (reference §1). */
export function formatForYear(year: number): FormatId {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'legacy';
}
