/**
 * xxgk's own requests, answered from the server's parse and settings so that every client (the VS Code extension,
 * or any editor) sees the report exactly as it is checked: the format the settings say, the diagnostics published.
 * Documented in the README (其他编辑器). Types and names only: the VS Code client imports this file and nothing of the core.
 */

export interface DocumentRequestParams {
  readonly textDocument: { readonly uri: string };
}

/** `xxgk/documentInfo`: what the server reads the report as. */
export const DOCUMENT_INFO = 'xxgk/documentInfo';
export interface DocumentInfo {
  readonly format: string;
  /** In the display language: `2021 格式`. */
  readonly formatLabel: string;
  /** Where the format comes from. */
  readonly formatSource: 'front-matter' | 'config' | 'year' | 'default';
  readonly year?: number;
  readonly agency?: string;
  readonly level: 'government' | 'department';
  readonly levelSource: 'front-matter' | 'name' | 'default';
}

/**
 * `xxgk/render`: the report rendered by the server. `preview`: an HTML fragment with source lines and the published
 * diagnostics marked; `html`: a self-contained page; `docx`: a Word document, base64.
 */
export const RENDER = 'xxgk/render';
export type RenderKind = 'preview' | 'html' | 'docx';
export interface RenderParams extends DocumentRequestParams {
  readonly kind: RenderKind;
}
export type RenderResult =
  | { readonly kind: 'preview' | 'html'; readonly html: string }
  | { readonly kind: 'docx'; readonly base64: string }
  | { readonly kind: 'too-large'; readonly limit: number };

/** `xxgk/sourceOffset`: where a double-click in the preview (a source line, an official column id) puts the cursor. */
export const SOURCE_OFFSET = 'xxgk/sourceOffset';
export interface SourceOffsetParams extends DocumentRequestParams {
  readonly line: number;
  readonly column?: string;
}

/** `xxgk/nextYearReport`: next year's report begun from this one (figures cleared, carried-over rows filled). */
export const NEXT_YEAR_REPORT = 'xxgk/nextYearReport';
export interface NextYearResult {
  readonly year?: number;
  readonly text: string;
  readonly formatChanged: boolean;
  /** The tables were laid out in the new format (not from a legacy 附表 to 2019). */
  readonly tablesRelaid: boolean;
}

/** `xxgk/previousYear`: where last year's report of the same agency is, for a side-by-side comparison. */
export const PREVIOUS_YEAR = 'xxgk/previousYear';
export interface PreviousYearResult {
  /** Undefined when the workspace has no report of the same agency for the year before. */
  readonly uri?: string;
  readonly year?: number;
}

/**
 * `xxgk/import`: a report in another shape (a Word file, a web page, a PDF, plain text) turned into the markup by the
 * core's importer. The file travels as base64 (the client reads it from any file system, remote ones included); the
 * name gives its kind, the contents are checked against it.
 */
export const IMPORT = 'xxgk/import';
export interface ImportParams {
  readonly fileName: string;
  readonly base64: string;
}
export interface ImportNoteReply {
  /** 1-based line of the source as the importer read it (for a Word file or page: one line per paragraph or table row). */
  readonly line: number;
  /** A PDF's notes say their page (its rebuilt lines are nowhere to be seen). */
  readonly page?: number;
  readonly message: string;
}
export type ImportReply =
  | {
      readonly ok: true;
      readonly text: string;
      readonly notes: readonly ImportNoteReply[];
      /** Said once: the file was read as another kind than its name says, or decoded from another encoding. */
      readonly remark?: string;
      readonly agency?: string;
      readonly year?: number;
      readonly format?: string;
    }
  | { readonly ok: false; readonly message: string };

/**
 * `xxgk/convertPaste`: text being pasted into a report, converted when it looks like a report or one of its tables
 * (`looksLikeReport`); without front matter when the document it goes into has its own.
 */
export const CONVERT_PASTE = 'xxgk/convertPaste';
export interface ConvertPasteParams extends DocumentRequestParams {
  readonly text: string;
}
export interface ConvertPasteReply {
  readonly looksLikeReport: boolean;
  readonly text: string;
  readonly notes: readonly ImportNoteReply[];
}
