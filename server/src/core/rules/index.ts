import type { Rule } from './types';
import { frontMatter } from './front-matter';
import { syntax } from './syntax';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { sectionNumbering } from './section-numbering';
import { duplicateSection } from './duplicate-section';
import { sectionName } from './section-name';
import { missingTable } from './missing-table';
import { missingRow } from './missing-row';
import { unknownRow } from './unknown-row';
import { rowLabel } from './row-label';
import { tableHeader } from './table-header';
import { cellCount } from './cell-count';
import { cellValue } from './cell-value';
import { emptyCell } from './empty-cell';
import { placeholderCell } from './placeholder-cell';
import { tableSum } from './table-sum';
import { proseSum } from './prose-sum';
import { proseDocuments } from './prose-documents';
import { legacyProseTable } from './legacy-prose-table';
import { proseTableCount } from './prose-table-count';
import { proseTablePercent } from './prose-table-percent';
import { proseTableUpheld } from './prose-table-upheld';
import { repetitionRule } from './repetition';
import { yearMismatch } from './year-mismatch';
import { formatMismatch } from './format-mismatch';
import { period } from './period';
import { latePublication } from './late-publication';
import { thinSection } from './thin-section';
import { overviewTopics } from './overview-topics';
import { problemsContent } from './problems-content';
import { feeStatement } from './fee-statement';
import { crossYear } from './cross-year';

/** Every rule, in the order their findings are most useful to read. */
export const RULES: readonly Rule[] = [
  frontMatter,
  syntax,
  yearMismatch,
  formatMismatch,
  latePublication,
  period,
  missingSection,
  sectionOrder,
  sectionNumbering,
  sectionName,
  duplicateSection,
  missingTable,
  tableHeader,
  missingRow,
  unknownRow,
  rowLabel,
  cellCount,
  cellValue,
  emptyCell,
  placeholderCell,
  tableSum,
  crossYear,
  proseSum,
  proseTableCount,
  proseTablePercent,
  proseTableUpheld,
  proseDocuments,
  legacyProseTable,
  repetitionRule,
  thinSection,
  overviewTopics,
  problemsContent,
  feeStatement,
];

const byId = new Map(RULES.map((r) => [r.id, r]));
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Former ids (see Rule.formerId) and the rules split from each: `prose-table` → its three rules. */
export const FORMER_RULE_IDS: ReadonlyMap<string, readonly Rule[]> = (() => {
  const map = new Map<string, Rule[]>();
  for (const r of RULES) if (r.formerId !== undefined) map.set(r.formerId, [...(map.get(r.formerId) ?? []), r]);
  return map;
})();

/** Whether configuration or a suppression comment may name `id`: a rule's id, or a former id that names several. */
export function isRuleName(id: string): boolean {
  return byId.has(id) || FORMER_RULE_IDS.has(id);
}
