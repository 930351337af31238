import type { Decimal } from './text/decimal';
import type { FormatId, RowSpec, SectionSpec, TableKind, TableSpec } from './formats/types';

/** Half-open span of UTF-16 offsets into the document text. Converted to line/column only at the edges (LSP, CLI). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type FrontMatterKey = 'agency' | 'year' | 'format' | 'published' | 'level';

export interface FrontMatterEntry {
  /** Key as written (机关 or agency). */
  readonly key: string;
  /** Canonical key, when the key is known. */
  readonly canonical?: FrontMatterKey;
  readonly keySpan: Span;
  readonly value: unknown;
  readonly valueSpan: Span;
}

export interface FrontMatter {
  readonly span: Span;
  /** Span of the YAML text between the fences. */
  readonly bodySpan: Span;
  readonly entries: readonly FrontMatterEntry[];
  /** YAML syntax errors, each with where it happened. */
  readonly errors: readonly { message: string; code?: string; span: Span }[];
  /** `---` opened but never closed. */
  readonly unclosed: boolean;
}

export interface Heading {
  readonly level: number;
  readonly span: Span;
  /** Text after the `#`s, trimmed. */
  readonly text: string;
  readonly textSpan: Span;
}

export type NumberingStyle = 'official' | 'arabic' | 'other' | 'none';

export interface Section {
  readonly heading: Heading;
  /** From the heading line to the next `##` heading (or the end). */
  readonly span: Span;
  /** Numbering prefix as written (`一、`, `2、`, `(三)`), empty if none. */
  readonly numbering: string;
  readonly numberingSpan: Span;
  readonly numberingStyle: NumberingStyle;
  /** Heading name without its numbering. */
  readonly name: string;
  readonly nameSpan: Span;
  /** The official section it matched, if any. */
  readonly spec?: SectionSpec;
  /** The heading used a recognised variant instead of the official name. */
  readonly variant?: boolean;
}

export type CellState = 'number' | 'blank' | 'zero-mark' | 'invalid';

export interface Cell {
  /** Span of the trimmed content; an empty cell has an empty span where its content would be. */
  readonly span: Span;
  /** Span between the pipes, untrimmed. */
  readonly outerSpan: Span;
  readonly text: string;
  readonly state: CellState;
  /** The figure; a `zero-mark` (—, -, /, 无) is 0; blank and invalid cells have none. */
  readonly value?: Decimal;
  /** Written with full-width digits (１２), read correctly but worth a hint. */
  readonly fullWidth?: boolean;
}

export interface RowMatch {
  readonly row: RowSpec;
  /** exact: official text; short: a short form or alias; fuzzy: matched despite a typo. */
  readonly how: 'exact' | 'short' | 'fuzzy';
}

export interface TableRow {
  readonly span: Span;
  readonly line: number;
  readonly cells: readonly Cell[];
  readonly label: Cell;
  readonly values: readonly Cell[];
  readonly kind: 'data' | 'header' | 'separator';
  /** Standard tables: the official row this row is. */
  readonly match?: RowMatch;
  /** Standard tables: why no official row matched (`unknown` or `ambiguous`, with candidates). */
  readonly unmatched?: { readonly reason: 'unknown' | 'ambiguous'; readonly candidates: readonly RowSpec[] };
  /** Legacy 附表: depth in the outline (一、 = 1, （一） = 2, 1. = 3, （1） = 4) and the parent row it adds up to. */
  readonly depth?: number;
  readonly parentIndex?: number;
  /** Legacy 附表: the text of the unit column (条, 件), which is not a figure. */
  readonly unit?: string;
}

export interface StandardTable {
  readonly type: 'standard';
  readonly kind: TableKind | undefined;
  /** Kind as written after `:::`. */
  readonly kindText: string;
  readonly kindSpan: Span;
  readonly span: Span;
  readonly openSpan: Span;
  /** Missing when the container is never closed. */
  readonly closeSpan?: Span;
  readonly rows: readonly TableRow[];
  /** Spec of the format in force, when the kind belongs to it. */
  readonly spec?: TableSpec;
  /** 附表: column headers as written (from the header row). */
  readonly columnLabels?: readonly string[];
  /** The section the table sits in. */
  readonly sectionIndex: number;
}

/** A Markdown pipe table outside any container. */
export interface PlainTable {
  readonly type: 'plain';
  readonly span: Span;
  readonly rows: readonly TableRow[];
  readonly sectionIndex: number;
}

export interface Paragraph {
  readonly span: Span;
  readonly text: string;
  readonly sectionIndex: number;
}

/**
 * A fenced code block (``` or ~~~) outside containers and comments. The checks never read it; the renderer shows it
 * as written. Recorded by the parser, which already walks the fences, so that nothing scans the text for them again.
 */
export interface CodeBlock {
  /** From the start of the opening fence's line to the end of the closing fence's line (the text's end if unclosed). */
  readonly span: Span;
  /** Line of the opening fence (0-based). */
  readonly line: number;
  /** The lines between the fences, joined by `\n` (each without its `\r`). */
  readonly text: string;
}

export interface Directive {
  readonly kind: 'disable-next-line' | 'disable' | 'enable';
  /** Rule ids named; empty means every rule. */
  readonly rules: readonly string[];
  readonly span: Span;
  /** Line the directive sits on (0-based). */
  readonly line: number;
}

/** Structural problems the parser met; the `syntax` rule words them (in the display language at check time). */
export type SyntaxProblem =
  | { readonly kind: 'unclosed-container'; readonly span: Span; readonly kindText: string }
  | { readonly kind: 'stray-close'; readonly span: Span }
  /** The parser failed on the text (a bug, or an input beyond every bound): the document is read as empty. */
  | { readonly kind: 'unreadable'; readonly span: Span; readonly reason: string };

export interface XxgkDocument {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly frontMatter?: FrontMatter;
  /** The first `#` heading. */
  readonly title?: Heading;
  readonly headings: readonly Heading[];
  /** `##` sections in order. Index -1 in other nodes means before the first section. */
  readonly sections: readonly Section[];
  readonly tables: readonly StandardTable[];
  readonly plainTables: readonly PlainTable[];
  readonly paragraphs: readonly Paragraph[];
  readonly codeBlocks: readonly CodeBlock[];
  readonly directives: readonly Directive[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Format in force and where it came from. */
  readonly format: FormatId;
  readonly formatSource: 'front-matter' | 'config' | 'year' | 'default';
  /** Reported year: from front matter, else from the title. */
  readonly year?: number;
}
