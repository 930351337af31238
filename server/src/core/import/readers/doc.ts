import WordExtractor from 'word-extractor';
import { append } from '../../arrays';
import { t } from '../../i18n';
import { brokenChains } from './cfb-chains';
import { ReadError } from './errors';

/**
 * The widest official table row has 15 cells (复议诉讼 in one row); a line of more cells than this is several table
 * rows run together.
 */
const MAX_ROW_CELLS = 16;

/**
 * An old binary Word file (.doc) as plain text, read with word-extractor. Its text keeps paragraphs one per line
 * and turns every cell mark into a tab, but the end of a table row is not always a line break: in a table with
 * vertically merged cells several rows can come out as one line. So a table (a run of lines with tabs) whose rows
 * all look like rows stays a row per line (the row mark's extra tab dropped); one with a line too long to be a
 * row becomes a stream of cells, one per line, empty cells as empty lines, which the recognizer rebuilds as it
 * does text copied from a web page. Merged cells are not known in this format's text.
 */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  let body: string;
  try {
    const broken = brokenChains(bytes);
    if (broken) throw new Error(broken);
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode would turn “” into "" and — into -: the report is kept as typed.
    body = document.getBody({ filterUnicode: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ReadError(t('无法读取旧版 Word 文件（.doc）：文件已损坏、加密或不是 Word 文档（{0}）；可在 Word 或 WPS 中另存为 .docx 后再导入', reason));
  }
  return tableRuns(body.split('\n')).join('\n');
}

function isTableLine(line: string): boolean {
  return line.includes('\t') && !/^\t+$/.test(line);
}

function cellsOf(line: string): string[] {
  return (line.endsWith('\t') ? line.slice(0, -1) : line).split('\t');
}

function tableRuns(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isTableLine(lines[i])) {
      out.push(lines[i++]);
      continue;
    }
    let end = i;
    while (end < lines.length && isTableLine(lines[end])) end++;
    const rows = lines.slice(i, end).map(cellsOf);
    if (rows.some((cells) => cells.length > MAX_ROW_CELLS)) for (const cells of rows) append(out, cells);
    else for (const cells of rows) out.push(cells.join('\t'));
    i = end;
  }
  return out;
}
