import type { Span, XxgkDocument } from '../ast';
import type { FormatKind, FormatSpec } from '../formats/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A text replacement, in document offsets. */
export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix the core can compute on its own (the LSP turns it into a code action). */
export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /**
   * The fix only writes down what the report already says, in the form it should have (the official label or
   * numbering, the figure without its unit, half-width digits, the sum of the parts): `xxgk check --fix` applies it
   * without asking. A fix that guesses (a likely row, last year's figure, which of two years is right) is not safe.
   */
  readonly safe?: boolean;
}

export interface Finding {
  readonly span: Span;
  readonly message: string;
  /** Rules whose severity differs by case (e.g. legacy sections) may say so; configuration still wins. */
  readonly severity?: Severity;
  readonly fix?: Fix;
  /** Other places involved (the parts of a sum, the table a sentence contradicts). */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
  /** Machine-readable facts for adapters (hover, code actions), e.g. the expected figure. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Diagnostic extends Finding {
  readonly rule: string;
  readonly severity: Severity;
}

/** Facts from outside the document that some rules need, passed in so that rules stay pure. */
export interface RuleContext {
  /** Last year's report of the same agency, parsed, where known (cross-year rule). */
  readonly previousYear?: XxgkDocument;
  /** Today's date (YYYY-MM-DD), for rules about deadlines; injected so that checks are reproducible. */
  readonly today?: string;
}

export interface Rule {
  /** Stable kebab-case id, documented in docs/rules.md. */
  readonly id: string;
  /**
   * The id of the rule this one was split from (`prose-table`), if any. Configuration and suppression comments that
   * name it still reach this rule, so a `.xxgkrc.json` written for the old rule keeps working.
   */
  readonly formerId?: string;
  readonly severity: Severity;
  /**
   * The formats the rule applies to, said by what they are (every format, the national ones, the legacy ones, or a
   * test on the format's data), never by listing ids: a format added to the registry is then checked by every rule
   * that fits it.
   */
  readonly formats: FormatScope;
  /**
   * One line: what the rule checks, through t() in a getter, so that it is read in the language set when it is shown
   * (SARIF, the settings schema), not the one at load time.
   */
  readonly description: string;
  /**
   * Which of its findings carry a quick fix: every one, some (a case the rule cannot mend on its own), or none. The
   * 快速修复 column of docs/rules.md is written from it; the doc-example test holds each finding to it.
   */
  readonly fixes: RuleFixes;
  check(doc: XxgkDocument, report: (finding: Finding) => void, context: RuleContext): void;
}

export type RuleFixes = 'all' | 'some' | 'none';

export type FormatScope = 'all' | FormatKind | ((format: FormatSpec) => boolean);

export const ALL_FORMATS: FormatScope = 'all';
export const NATIONAL_FORMATS: FormatScope = 'national';

export function ruleApplies(rule: Pick<Rule, 'formats'>, format: FormatSpec): boolean {
  const scope = rule.formats;
  if (scope === 'all') return true;
  if (typeof scope === 'function') return scope(format);
  return format.kind === scope;
}
