import { t } from '../../core/i18n';
import { importInWorker } from '../../cli/import-worker';
import { importText, type ImportResult } from '../../core/import/index';
import type { ConvertPasteReply, ImportReply } from '../protocol';

/** Files larger than this are refused before they are decoded (the readers have their own, equal or smaller, limits). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * `xxgk/import`: the same importer as `xxgk import`, on a file the client sends. Never throws: a damaged file, a file
 * that is not what its name says or a zip bomb is an answer with a message, and nothing is written.
 */
export async function importRequest(fileName: string, base64: string): Promise<ImportReply> {
  // base64 is 4/3 of the bytes: refuse by its length before decoding anything.
  if ((base64.length * 3) / 4 > MAX_IMPORT_BYTES) return { ok: false, message: t('文件过大（上限 {0} MB）', MAX_IMPORT_BYTES / 1024 / 1024) };
  // In the import worker: a file that hangs or exhausts it is stopped there, and the server serves on.
  const outcome = await importInWorker(fileName, new Uint8Array(Buffer.from(base64, 'base64')));
  return outcome.ok ? reply(outcome.result, outcome.remark) : { ok: false, message: outcome.message };
}

function reply(result: ImportResult, remark?: string): ImportReply {
  const { agency, year, format } = result.frontMatter;
  return { ok: true, text: result.text, notes: result.notes, remark, agency, year, format };
}

/** Two or more official sections, or any official table: then the paste is a report or a piece of one. */
const SECTION_LINE = /^## /gm;

/**
 * `xxgk/convertPaste`: pasted text that holds an official table or two official sections is imported; without its
 * front matter (and title) when the document has front matter of its own, so that a table pasted into a report
 * does not bring a second header along.
 */
export function convertPaste(text: string, documentHasFrontMatter: boolean): ConvertPasteReply {
  const result = importText(text);
  const sections = result.text.match(SECTION_LINE)?.length ?? 0;
  const looksLikeReport = result.tables.length > 0 || sections >= 2;
  if (!looksLikeReport) return { looksLikeReport, text, notes: [] };
  return { looksLikeReport, text: documentHasFrontMatter ? bodyOnly(result.text) : result.text, notes: result.notes };
}

/** The import without its front matter block and its `#` title line (the document it goes into has both). */
function bodyOnly(markup: string): string {
  let body = markup.replace(/^---\n[\s\S]*?\n---\n+/, '');
  body = body.replace(/^# [^\n]*\n+/, '');
  return body;
}
