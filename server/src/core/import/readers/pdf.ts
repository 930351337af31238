import { append } from '../../arrays';
import { t } from '../../i18n';
import { importText, type ImportNote, type ImportResult } from '../index';
import { layOut } from './pdf-layout';
import { groupByBaseline, runText, type PdfPage, type PdfTextItem } from './pdf-page';
import { rulesOf } from './pdf-rules';
import { inflatesPast, MAX_PDF_INFLATED_BYTES } from './pdf-streams';
import { textItem, verticalGlyphs, type LoadedFont } from './pdf-vertical';
import { unifyRadicals } from './radicals';

/**
 * A PDF with a text layer, read with pdf.js (its legacy build, for Node; no worker thread: pdf.js's worker code runs
 * on this thread). Pure: takes the file's bytes. The text items and the drawn rules of each page become lines
 * (pdf-layout), which the text importer reads. A PDF without text (a scan), with a password, cut short or not a PDF
 * at all is refused with a message saying so; nothing is guessed.
 */

/** A report is tens of pages; a PDF far beyond this is not one, and reading it would take long. */
export const MAX_PDF_PAGES = 500;
/** Text items over the whole file: a bound on the work a hostile file can ask for. */
const MAX_ITEMS = 400_000;
/**
 * Text items on one page. A dense page of a report, even one piece per character, has a few thousand; a page whose
 * form XObjects draw each other over and over has a million, at some 70 µs each.
 */
const MAX_PAGE_ITEMS = 20_000;

export type PdfReading =
  | { readonly kind: 'text'; readonly text: string; readonly pageOfLine: readonly number[]; readonly notes: ImportNote[]; readonly pages: number }
  | { readonly kind: 'problem'; readonly message: string };

export type PdfImport = { readonly kind: 'report'; readonly result: ImportResult } | { readonly kind: 'problem'; readonly message: string };

/** Imports a PDF report: its text layer read (readPdf) and imported as text; notes carry their page. */
export async function importPdf(bytes: Uint8Array): Promise<PdfImport> {
  const read = await readPdf(bytes);
  if (read.kind === 'problem') return read;
  const result = importText(read.text);
  const page = (line: number) => read.pageOfLine[Math.min(read.pageOfLine.length, Math.max(1, line)) - 1] ?? 1;
  const notes = [...read.notes, ...result.notes.map((n) => ({ ...n, page: page(n.line) }))].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line);
  return { kind: 'report', result: { ...result, notes } };
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const shape = checkShape(bytes);
  if (shape) return { kind: 'problem', message: shape };
  if (inflatesPast(bytes)) {
    return { kind: 'problem', message: t('PDF 中的压缩数据解开后超过 {0} MB，不像是一份年报，未导入', MAX_PDF_INFLATED_BYTES / 1024 / 1024) };
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over; the caller keeps its own.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    // Images are never read (only text and ruled lines are): pdf.js leaves out any of more than one pixel undecoded.
    maxImageSize: 1,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) return { kind: 'problem', message: t('PDF 有 {0} 页，超过上限 {1} 页，不像是一份年报，未导入', doc.numPages, MAX_PDF_PAGES) };
    const pages: PdfPage[] = [];
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await textContentOf(page, Math.min(MAX_PAGE_ITEMS, MAX_ITEMS - items));
      if (!content) return MAX_PAGE_ITEMS < MAX_ITEMS - items ? tooManyOnPage(n) : tooManyItems();
      const [x0, y0, x1, y1] = page.view;
      const texts: PdfTextItem[] = [];
      // Text in vertical-writing fonts is read from the operator list (pdf-vertical: pdf.js's text content loses some).
      const vertical = new Set(Object.entries(content.styles).filter(([, s]) => s.vertical).map(([name]) => name));
      const pdfjsVertical: PdfTextItem[] = [];
      for (const it of content.items) {
        // Spaces are gaps, which the layout measures itself (pdf.js also adds them where a line leaves room: runText).
        if (!('str' in it) || it.str.trim() === '') continue;
        const item = textItem(runText(unifyRadicals(it.str)), it.transform as number[], it.width, it.height);
        (vertical.has(it.fontName) ? pdfjsVertical : texts).push(item);
      }
      // The drawing (for the rules of tables) costs as much again as the text: only pages with a table need it.
      const ops = vertical.size || mayHoldTable(texts) ? await page.getOperatorList() : undefined;
      if (ops && vertical.size) {
        const fontOf = (name: string) => page.commonObjs.get(name) as LoadedFont | undefined;
        const glyphs = verticalGlyphs(ops.fnArray, ops.argsArray, fontOf, MAX_ITEMS);
        // Should the operator list not give them (a font pdf.js did not hand over), pdf.js's own pieces: text is never dropped.
        if (glyphs.length) for (const g of glyphs) texts.push({ ...g, text: unifyRadicals(g.text) });
        else append(texts, pdfjsVertical);
      }
      items += texts.length;
      if (items > MAX_ITEMS) return tooManyItems();
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, items: texts, rules: ops ? rulesOf(ops.fnArray, ops.argsArray) : [] });
      page.cleanup();
    }
    const withText = pages.filter((p) => p.items.some((i) => i.text.trim() !== ''));
    if (withText.length === 0) return { kind: 'problem', message: t('这个 PDF 没有文字层（可能是扫描件），无法导入；不做文字识别') };
    const notes: ImportNote[] = [];
    for (const p of pages) {
      if (!withText.includes(p)) notes.push({ line: 1, page: p.number, message: t('第 {0} 页没有文字层（可能是扫描的图片），这一页的内容没有导入', p.number) });
    }
    const laid = layOut(pages);
    if (laid.dropped.length) {
      const first = laid.dropped[0];
      notes.push({ line: 1, page: first.page, message: t('删去页眉页脚中的页码等 {0} 行（如第 {1} 页的“{2}”）', laid.dropped.length, first.page, first.text) });
    }
    return { kind: 'text', text: laid.text, pageOfLine: laid.pageOfLine, notes, pages: pages.length };
  } catch (err) {
    return { kind: 'problem', message: describeFailure(err) };
  } finally {
    await task.destroy();
  }
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPageProxy['getTextContent']>>;

/**
 * A page's text content, read piece by piece and given up past `budget` items (undefined then). pdf.js's own
 * getTextContent gathers every item first: a page whose form XObjects each draw the one below ten times, six levels
 * deep (4 KB), makes a million of them and took over a minute.
 */
async function textContentOf(page: PdfPageProxy, budget: number): Promise<TextContent | undefined> {
  const content: TextContent = { items: [], styles: Object.create(null) as TextContent['styles'], lang: null };
  const reader = page.streamTextContent().getReader();
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: TextContent };
    if (done || !value) return content;
    content.lang ??= value.lang;
    Object.assign(content.styles, value.styles);
    append(content.items, value.items);
    if (content.items.length > budget) {
      await reader.cancel(new Error('too many text items'));
      return undefined;
    }
  }
}

function tooManyOnPage(page: number): PdfReading {
  return { kind: 'problem', message: t('PDF 第 {0} 页的文字过多（超过 {1} 段），不像是一份年报，未导入', page, MAX_PAGE_ITEMS) };
}

function tooManyItems(): PdfReading {
  return { kind: 'problem', message: t('PDF 的文字过多（超过 {0} 段），不像是一份年报，未导入', MAX_ITEMS) };
}

/** A page of running text has no line with a gap of two characters or more in it; a table row has. */
function mayHoldTable(items: readonly PdfTextItem[]): boolean {
  return groupByBaseline(items).some((line) => line.some((item, k) => k > 0 && item.x - (line[k - 1].x + line[k - 1].width) > 2 * item.size));
}

/** A file that is not a PDF, or one cut short, is told apart before pdf.js (which would try to repair it) sees it. */
function checkShape(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return t('这不是 PDF 文件（文件开头没有 %PDF- 标记）');
  // Padding after %%EOF (NULs or spaces, as some systems that store files add) is not the end of the file: a
  // complete PDF with 4 KB of it was refused as cut short.
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0d))) end--;
  if (!latin1(bytes.subarray(Math.max(0, end - 2048), end)).includes('%%EOF')) {
    return t('PDF 文件不完整（末尾没有 %%EOF，可能下载或复制时被截断），请重新获取完整的文件');
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function describeFailure(err: unknown): string {
  const name = (err as { name?: string })?.name;
  if (name === 'PasswordException') return t('这个 PDF 设有打开密码（已加密），无法读取；请用不加密的版本');
  if (name === 'InvalidPDFException') return t('PDF 文件已损坏，无法读取');
  return t('无法读取这个 PDF（{0}）', err instanceof Error ? err.message : String(err));
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;

/**
 * pdf.js and its worker code, loaded once on first use (they are large and only PDFs need them). Given the worker's
 * message handler on globalThis.pdfjsWorker, pdf.js runs it on this thread instead of starting a worker. Loading
 * prints warnings about canvas support (only rendering needs it, and the bundle has none); they are held back. The
 * rendering code also makes a DOMMatrix when it loads, which Node lacks: a stand-in is there while it loads, and
 * only then (reading text never uses it).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const warn = console.warn;
    const global = globalThis as { DOMMatrix?: unknown };
    const standIn = global.DOMMatrix === undefined;
    console.warn = () => {};
    if (standIn) global.DOMMatrix = class DOMMatrixStandIn {};
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // @ts-expect-error: pdf.js ships no types for its worker module; only its presence on globalThis matters.
      const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return pdfjs;
    } finally {
      console.warn = warn;
      if (standIn) delete global.DOMMatrix;
    }
  })();
  return loaded;
}
