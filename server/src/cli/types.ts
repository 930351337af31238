import type { Severity, XxgkConfig } from '../core/index';
import type { ReadOutcome } from './read';

/** 1-based line and column; the end column is the column just after the last character (exclusive), as in SARIF. */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A diagnostic placed in its file, in plain data so that it can cross a worker boundary. */
export interface FileFinding extends Place {
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  readonly related?: readonly (Place & { readonly message: string })[];
}

/** How much of a report repeats last year's report of the same agency (rules/repetition.ts), for every output. */
export interface RepetitionRate {
  /** Last year's report, as shown to the user. */
  readonly previous: string;
  /** Share of this year's prose that repeats last year's, 0–1, rounded to 3 decimals. */
  readonly rate: number;
}

export interface FileResult {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  readonly file: string;
  readonly findings: readonly FileFinding[];
  /** Set when last year's report of the same agency was among the files checked. */
  readonly repetition?: RepetitionRate;
  /** Set when the file could not be checked at all (too large, unreadable): an I/O problem, exit 2. */
  readonly problem?: string;
  /** What the report says it is (front matter or title), for the CSV summary. */
  readonly report?: { readonly agency?: string; readonly year?: number; readonly format: string };
}

export interface CheckTask {
  readonly path: string;
  readonly file: string;
  readonly config?: XxgkConfig;
  /**
   * The report's text already in hand (standard input, or its text after --fix), checked instead of reading `path`,
   * which then only names it, for messages and the configuration.
   */
  readonly given?: ReadOutcome;
  /** Last year's report of the same agency among the checked files (cross-year and repetition rules). */
  readonly previousPath?: string;
  /** The same, as shown to the user. */
  readonly previousFile?: string;
  /** This file is the previous year of another task: its parse is kept for that task (see check-file.ts). */
  readonly previousOfAnother?: boolean;
}

/** Facts shared by every check in one run. */
export interface RunContext {
  /** YYYY-MM-DD, local time. */
  readonly today: string;
}

/** Findings about the file itself (empty, wrong encoding) use this rule id; it is not one of the core's rules. */
export const FILE_RULE_ID = 'file';
/** A crash of the core while checking a file. */
export const INTERNAL_RULE_ID = 'internal';
