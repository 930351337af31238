import JSZip from 'jszip';
import { t } from '../../i18n';
import type { InputBlock, SpannedCell } from '../input-blocks';
import { utf16Bom } from './charset';
import { NO_NUMBERING, parseNumbering, type Numbering } from './docx-numbering';
import { ReadError } from './errors';
import { parseXml } from './xml-parse';

/**
 * A Word file (.docx, Word or WPS) as blocks: its body's paragraphs as lines and its tables as rows of cells with
 * their spans (gridSpan across columns, vMerge down rows), nested tables as the text of their cell.
 *
 * The zip is read with JSZip and `word/document.xml` with htmlparser2's tokenizer in XML mode (readers/xml-parse.ts). A zip bomb is refused: by the size
 * the zip declares, and while inflating, by the bytes that really come out.
 */

/** No report's document.xml comes near this (a 300-page report is a few MB). */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;
const DOCUMENT = 'word/document.xml';
/** The list definitions: a few KB in any real document. */
const NUMBERING = 'word/numbering.xml';
const MAX_NUMBERING_XML_BYTES = 5 * 1024 * 1024;

export async function readDocx(bytes: Uint8Array): Promise<InputBlock[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (err) {
    throw new ReadError(t('不是有效的 Word 文件（.docx）：zip 结构损坏或文件不完整（{0}）', messageOf(err)));
  }
  const document = entryOf(zip, DOCUMENT);
  if (!document) throw new ReadError(t('不是 Word 文件（.docx）：压缩包里没有 {0}', DOCUMENT));
  const xml = await boundedText(document, DOCUMENT, MAX_DOCUMENT_XML_BYTES);
  const numbering = entryOf(zip, NUMBERING);
  return parseDocumentXml(xml, numbering ? parseNumbering(await boundedText(numbering, NUMBERING, MAX_NUMBERING_XML_BYTES)) : NO_NUMBERING);
}

function entryOf(zip: JSZip, name: string): JSZip.JSZipObject | undefined {
  return zip.file(name) ?? zip.file(new RegExp(`^${name}$`, 'i'))[0];
}

/** An entry's text, refused beyond `limit` bytes: by the size the zip declares, and by what inflating really gives. */
async function boundedText(entry: JSZip.JSZipObject, name: string, limit: number): Promise<string> {
  const tooLarge = (size: number) => {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    return new ReadError(t('Word 文件中的 {0} 解压后过大（{1} 超过 {2} MB），可能是恶意构造的压缩包，已拒绝', name, size > limit * 10 ? `${mb(size)} MB` : `> ${mb(limit)} MB`, mb(limit)));
  };
  // The size the zip declares (JSZip keeps it on the entry's compressed data).
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (declared !== undefined && declared > limit) throw tooLarge(declared);
  // Decoded chunk by chunk as it is inflated: one decode of the whole entry takes several times longer (V8 decodes a
  // large buffer into a string far more slowly than the same bytes in pieces), and a streaming decoder gives the same
  // text, a character split between two chunks included.
  // UTF-8, or UTF-16 by its BOM (XML allows both; a UTF-16 document.xml read as UTF-8 gave "没有正文").
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let text = '';
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    // JSZip's chunked inflation, which can be paused (not in its type declarations, documented in its API pages).
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > limit) {
          stream.pause();
          text = '';
          reject(tooLarge(size));
          return;
        }
        decoder ??= new TextDecoder(utf16Bom(chunk) ?? 'utf-8');
        text += decoder.decode(chunk, { stream: true });
      })
      .on('error', (err: Error) => reject(new ReadError(t('Word 文件（.docx）已损坏，无法解压 {0}（{1}）', name, messageOf(err)))))
      .on('end', () => resolve())
      .resume();
  });
  return decoder ? text + decoder.decode() : text;
}

interface InflateStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', listener: (err: Error) => void): InflateStream;
  on(event: 'end', listener: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The elements the reader acts on, by their index in ELEMENTS. */
const ELEMENTS = ['w:body', 'w:p', 'w:numid', 'w:ilvl', 'w:t', 'w:tab', 'w:br', 'w:cr', 'w:tbl', 'w:tr', 'w:gridbefore', 'w:tc', 'w:gridspan', 'w:vmerge', 'w:nobreakhyphen', 'w:ptab'] as const;
/** Elements whose text is not the document's: deleted revisions, field codes, the fallback copy of a drawing, tab stops. */
const SKIPPED = ['w:deltext', 'w:delinstrtext', 'w:instrtext', 'mc:fallback', 'w:tabs'];
const NAMES = [...ELEMENTS, ...SKIPPED];
const [BODY, P, NUM_ID, ILVL, T, TAB, BR, CR, TBL, TR, GRID_BEFORE, TC, GRID_SPAN, V_MERGE, NO_BREAK_HYPHEN, PTAB] = ELEMENTS.map((_, i) => i);
/** The attributes the reader reads, by their index. */
const VAL = 0;
const TYPE = 1;
const ATTRIBUTES = ['w:val', 'w:type'];

interface CellDraft {
  /** Its paragraphs and the tables read inside it, in order (its text made when its table is read: cellText). */
  pieces: Piece[];
  span: number;
  vMerge?: 'restart' | 'continue';
  /** Whether a table was read inside it. */
  holdsTable?: boolean;
}
/** A cell's paragraph, or a table read inside it. */
type Piece = string | Read;
/**
 * A table as read: a table of cells, or a one-column box around paragraphs and tables (see TBL), kept as its cells'
 * pieces and laid out as lines and tables only once, where it lands: a box in a box in a box was copied at every
 * level, quadratic in the depth. `text` is the table as text of a cell, made when first asked for.
 */
type Read = { readonly kind: 'table'; readonly block: InputBlock; text?: string } | { readonly kind: 'box'; readonly cells: readonly (readonly Piece[])[]; text?: string };
interface TableDraft {
  rows: Array<{ before: number; cells: CellDraft[] }>;
  row?: { before: number; cells: CellDraft[] };
  cell?: CellDraft;
}

/** The body of document.xml as blocks, read in one pass over its elements (readers/xml-parse.ts). */
export function parseDocumentXml(xml: string, numbering: Numbering = NO_NUMBERING): InputBlock[] {
  const blocks: InputBlock[] = [];
  const tables: TableDraft[] = [];
  /** Open paragraphs (a text box's paragraph sits inside another), with their list numbering. */
  const paragraphs: Array<{ text: string; numId?: string; ilvl: number }> = [];
  let inText = false;
  let skip = 0;
  let sawBody = false;
  const appendText = (s: string) => {
    if (paragraphs.length) paragraphs[paragraphs.length - 1].text += s;
  };
  parseXml(xml, NAMES, ATTRIBUTES, {
    onopen(element, values) {
      if (skip || element >= ELEMENTS.length) {
        skip++;
        return;
      }
      if (element === -1) return;
      const table = tables[tables.length - 1];
      switch (element) {
        case BODY:
          sawBody = true;
          break;
        case P:
          paragraphs.push({ text: '', ilvl: 0 });
          break;
        case NUM_ID:
          if (paragraphs.length) paragraphs[paragraphs.length - 1].numId = values[VAL];
          break;
        case ILVL:
          if (paragraphs.length) paragraphs[paragraphs.length - 1].ilvl = Number(values[VAL] ?? 0) || 0;
          break;
        case T:
          inText = true;
          break;
        case TAB:
        case PTAB: // a positioned tab: a tab that Word places at a fixed point
          appendText('\t');
          break;
        case NO_BREAK_HYPHEN: // the hyphen of 0591-87654321 that Word keeps on one line: dropped, the figures ran together
          appendText('-');
          break;
        case BR:
        case CR:
          if (values[TYPE] !== 'page' && values[TYPE] !== 'column') appendText('\n');
          break;
        case TBL:
          tables.push({ rows: [] });
          break;
        case TR:
          if (table) table.row = { before: 0, cells: [] };
          break;
        case GRID_BEFORE:
          if (table?.row && !table.cell) table.row.before = spanOf(values[VAL]);
          break;
        case TC:
          if (table?.row) table.row.cells.push((table.cell = { pieces: [], span: 1 }));
          break;
        case GRID_SPAN:
          if (table?.cell) table.cell.span = spanOf(values[VAL]);
          break;
        case V_MERGE:
          if (table?.cell) table.cell.vMerge = values[VAL] === 'restart' ? 'restart' : 'continue';
          break;
      }
    },
    ontext(text) {
      if (inText && !skip) appendText(text);
    },
    onclose(element) {
      if (skip) {
        skip--;
        return;
      }
      const table = tables[tables.length - 1];
      switch (element) {
        case T:
          inText = false;
          break;
        case P: {
          const p = paragraphs.pop();
          // A list's number (一、 （一）) is not in the text: Word draws it from numbering.xml.
          const number = p?.numId && p.numId !== '0' ? numbering.next(p.numId, p.ilvl) : '';
          const text = number + (p?.text ?? '');
          // A text box's paragraph inside a paragraph is a line of its own, before the paragraph it sits in.
          if (table?.cell) table.cell.pieces.push(text);
          else blocks.push({ type: 'text', text });
          break;
        }
        case TC:
          if (table) table.cell = undefined;
          break;
        case TR:
          if (table?.row) table.rows.push(table.row);
          if (table) table.row = undefined;
          break;
        case TBL: {
          const done = tables.pop()!;
          // A one-column table around a table is a box drawn around a section, its statistics table inside: its
          // lines and tables are read in order (the inner table's columns were joined by spaces into the box's text,
          // and the statistics it held were not found). Any other table is a table, a table inside its cell that
          // cell's text, row by row.
          const read: Read =
            done.rows.every((row) => row.cells.length <= 1) && done.rows.some((row) => row.cells[0]?.holdsTable)
              ? { kind: 'box', cells: done.rows.map((row) => row.cells[0]?.pieces ?? []) }
              : { kind: 'table', block: { type: 'table', rows: spannedRows(done) } };
          const outer = tables[tables.length - 1];
          if (outer?.cell) {
            outer.cell.pieces.push(read);
            outer.cell.holdsTable = true;
          } else layOut(read, blocks);
          break;
        }
      }
    },
  });
  if (!sawBody) throw new ReadError(t('Word 文件（.docx）的 {0} 没有正文（w:body），文件可能已损坏', DOCUMENT));
  return blocks;
}

/** A table read, as lines and tables, onto `out`: a box's pieces in order, its paragraphs a line each and a line at each break. */
function layOut(read: Read, out: InputBlock[]): void {
  // By hand, not by recursion: boxes may lie thousands deep.
  const stack: Array<{ pieces: readonly Piece[]; next: number }> = [];
  const place = (r: Read) => {
    if (r.kind === 'table') out.push(r.block);
    else for (let c = r.cells.length - 1; c >= 0; c--) stack.push({ pieces: r.cells[c], next: 0 });
  };
  place(read);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next === top.pieces.length) {
      stack.pop();
      continue;
    }
    const piece = top.pieces[top.next++];
    if (typeof piece === 'string') for (const line of piece.split('\n')) out.push({ type: 'text', text: line });
    else place(piece);
  }
}

/** A cell's text: its paragraphs and the tables in it, a line each (as before boxes were read: empty ones first left out). */
function cellText(cell: CellDraft): string {
  let text = '';
  for (const piece of cell.pieces) text += (text ? '\n' : '') + (typeof piece === 'string' ? piece : readText(piece));
  return text;
}

/**
 * A table read as text of the cell it lies in: a table's rows a line each, its cells joined by spaces. Made by adding
 * strings, which V8 joins without copying: each level of tables nested in cells holds the text of all those inside it,
 * and joining arrays copied it again at every level (8,000 levels: 10 s).
 */
function readText(read: Read): string {
  if (read.text === undefined) {
    let text = '';
    let lines = 0;
    const add = (block: InputBlock) => {
      if (block.type === 'text') text += (lines++ ? '\n' : '') + block.text;
      else
        for (const row of block.rows) {
          let line = '';
          for (let c = 0; c < row.length; c++) line += (c ? ' ' : '') + row[c].text;
          text += (lines++ ? '\n' : '') + line;
        }
    };
    if (read.kind === 'table') add(read.block);
    else {
      const blocks: InputBlock[] = [];
      layOut(read, blocks);
      for (const block of blocks) add(block);
    }
    read.text = text;
  }
  return read.text;
}

function spanOf(value: string | undefined): number {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** Word marks a cell merged down as `restart` on its first row and `continue` below: the rows it covers are its rowspan. */
function spannedRows(table: TableDraft): SpannedCell[][] {
  // Grid column of every cell (gridBefore shifts a row, gridSpan widens a cell).
  const placed = table.rows.map((row) => {
    let column = row.before;
    return row.cells.map((cell) => {
      const at = column;
      column += cell.span;
      return { cell, at };
    });
  });
  // The grid columns where each row continues a merge from above: looked up, not searched for from every cell that
  // starts one (a table of 50,000 merged columns took 51 s).
  const continues = placed.map((row) => new Set(row.filter((p) => p.cell.vMerge === 'continue').map((p) => p.at)));
  return placed.map((row, r) =>
    row
      .filter(({ cell }) => cell.vMerge !== 'continue')
      .map(({ cell, at }) => {
        let rowSpan = 1;
        if (cell.vMerge === 'restart') {
          while (r + rowSpan < placed.length && continues[r + rowSpan].has(at)) rowSpan++;
        }
        return { text: cellText(cell), colSpan: cell.span > 1 ? cell.span : undefined, rowSpan: rowSpan > 1 ? rowSpan : undefined };
      }),
  );
}
