import type { FileResult } from './types';

/** One array of findings over all files; positions 1-based, endColumn just after the last character. */
export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      rule: f.rule,
      message: f.message,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}
