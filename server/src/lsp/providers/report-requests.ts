import { formatSpec, t, type Diagnostic, type XxgkDocument } from '../../core/index';
import { nextYearReport } from '../../core/next-year';
import { PREVIEW_CELLS_PER_ROW, renderHtml } from '../../core/render/index';
import { reportLevel } from '../../core/report-level';
import type { DocumentInfo, NextYearResult, RenderKind, RenderResult } from '../protocol';

/** `xxgk/documentInfo` from the server's own parse (the configured format included). */
export function documentInfo(doc: XxgkDocument): DocumentInfo {
  const entries = doc.frontMatter?.entries ?? [];
  const agency = entries.find((e) => e.canonical === 'agency')?.value;
  const { level, source } = reportLevel(doc);
  return {
    format: doc.format,
    formatLabel: formatSpec(doc.format).label(),
    formatSource: doc.formatSource,
    year: doc.year,
    agency: typeof agency === 'string' ? agency : undefined,
    level,
    levelSource: source,
  };
}

/** `xxgk/render`: the preview fragment carries the diagnostics the server publishes, so the two never disagree. */
export async function renderReport(doc: XxgkDocument, kind: RenderKind, diagnostics: readonly Diagnostic[]): Promise<RenderResult> {
  if (kind === 'preview') return { kind, html: renderHtml(doc, { sourceLines: true, diagnostics: [...diagnostics], maxCellsPerRow: PREVIEW_CELLS_PER_ROW }) };
  if (kind === 'html') return { kind, html: renderHtml(doc, { standalone: true }) };
  // The Word writer (the docx library) is loaded on the first Word export only.
  const { renderDocx } = await import('../../core/render/docx');
  try {
    return { kind, base64: Buffer.from(await renderDocx(doc)).toString('base64') };
  } catch (err) {
    if ((err as { code?: unknown }).code === 'XXGK_DOCX_TOO_LARGE') return { kind: 'too-large', limit: (err as { limit: number }).limit };
    throw err;
  }
}

/** `xxgk/nextYearReport`. */
export function nextYear(text: string): NextYearResult {
  const next = nextYearReport(text);
  return { year: next.year, text: next.text, formatChanged: next.formatChanged, tablesRelaid: next.tablesRelaid };
}

/** A request about a document the server does not hold (closed, or never opened). */
export function notOpen(uri: string): string {
  return t('文档未打开：{0}', uri);
}
