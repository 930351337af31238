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
}

/** `xxgk/previousYear`: where last year's report of the same agency is, for a side-by-side comparison. */
export const PREVIOUS_YEAR = 'xxgk/previousYear';
export interface PreviousYearResult {
  /** Undefined when the workspace has no report of the same agency for the year before. */
  readonly uri?: string;
  readonly year?: number;
}
