import type { FileResult } from './types';

export interface Counts {
  /** Files that were checked (not skipped for an I/O problem). */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** info and hint together: both are advice, not faults. */
  readonly notes: number;
}

export function countFindings(results: readonly FileResult[]): Counts {
  let files = 0;
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const r of results) {
    if (r.problem) continue;
    files++;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else notes++;
    }
  }
  return { files, errors, warnings, notes };
}

/** The results with only their errors (`--quiet`). */
export function onlyErrors(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
}
