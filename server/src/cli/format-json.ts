import type { FileResult } from './types';

/**
 * One array over all files: the findings (positions 1-based, endColumn just after the last character) and, for each
 * report whose previous year was checked with it, one row `kind: "repetition"` with its repetition rate (0–1),
 * before that file's findings. Findings have no `kind`.
 */
export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap((r) => [
    ...(r.repetition ? [{ file: r.file, kind: 'repetition', previous: r.repetition.previous, rate: r.repetition.rate }] : []),
    ...r.findings.map((f) => ({
      file: r.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  ]);
  return JSON.stringify(rows, null, 2) + '\n';
}
