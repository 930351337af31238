import type { Range, TextEdit } from 'vscode-languageserver';
import { offsetAt, type XxgkDocument } from '../../core/index';
import { formatTables } from '../../core/format/tables';
import { toTextEdit } from '../convert';

/** Whole-document or range formatting: table alignment by display width (whitespace only). */
export function formatDocument(doc: XxgkDocument, range?: Range): TextEdit[] {
  const span = range ? { start: offsetAt(doc.lineStarts, doc.text, range.start), end: offsetAt(doc.lineStarts, doc.text, range.end) } : undefined;
  return formatTables(doc, span).map((e) => toTextEdit(doc, e));
}
