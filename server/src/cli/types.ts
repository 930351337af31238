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

export interface FileResult {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  readonly file: string;
  readonly findings: readonly FileFinding[];
  /** Set when the file could not be checked at all (too large, unreadable): an I/O problem, exit 2. */
  readonly problem?: string;
}

export interface CheckTask {
  readonly path: string;
  readonly file: string;
  readonly config?: XxgkConfig;
  /** The report already read (standard input): `path` then only names it, for messages and the configuration. */
  readonly input?: ReadOutcome;
  /** The report's text when it was imported from another format (a PDF): checked instead of the file's bytes. */
  readonly text?: string;
  /** Last year's report of the same agency among the checked files (cross-year rule). */
  readonly previousPath?: string;
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
