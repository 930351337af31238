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
import { proseTable } from './prose-table';
import { legacyProseTable } from './legacy-prose-table';
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
  proseTable,
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
