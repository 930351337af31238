import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { XxgkDocument } from '../ast';
import { t } from '../i18n';
import { buildModel, type Block, type DocumentModel, type SectionBlock } from './blocks';
import { withOfficeFonts } from './docx-fonts';
import { cleanText } from './escape';
import type { Grid, GridCell } from './grid';
import { inlineText, parseInline, type Inline } from './inline';
import { append } from '../arrays';

/**
 * The report as a Word document (.docx): the same block model as the HTML renderer, official tables as real Word
 * tables with merged cells (gridSpan / vMerge), headings as Word headings, A4 pages, Chinese fonts. Works in Node
 * and in the browser (it returns bytes, writes nothing). Every string from the report that reaches XML (text, link
 * targets, document properties) passes through `cleanText`, as in the HTML renderer.
 */

// Fonts (East Asian names as Word knows them) and sizes in half-points, after GB/T 9704.
const FONT = { body: '仿宋', title: '方正小标宋简体', hei: '黑体', kai: '楷体', song: '宋体', latin: 'Times New Roman', mono: 'Courier New' };
const SIZE = { title: 44, body: 32, table: 21, code: 20, footer: 28 };

/**
 * GB/T 9704-2012 (党政机关公文格式) §5.2: A4; 天头 (top) 37 mm, 订口 (left) 28 mm, a 156 mm × 225 mm 版心, so bottom
 * 35 mm and right 26 mm; 一般每面排 22 行，每行排 28 个字. Twips (1/1440 inch).
 */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** 225 mm / 22 lines: the fixed line pitch of the body (about 28.95 pt). */
const LINE = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / LINES_PER_PAGE);
/**
 * The document grid's character pitch, as Word stores it: (pitch − the Normal font's size, in points) × 4096. 三号 is
 * 16 pt; 156 mm / 28 is 15.8 pt, so the grid draws the characters a little closer.
 */
const CHAR_SPACE = Math.round(((TEXT_WIDTH / CHARS_PER_LINE) / 20 - SIZE.body / 2) * 4096);
/** §7.5: the page number's 一字线 7 mm below the 版心; Word measures the footer from the page's bottom edge. */
const FOOTER_DISTANCE = mm(35 - 7) - SIZE.footer * 10;
/** §7.5: 单页码居右空一字，双页码居左空一字 (one 4号 character: 14 pt). */
const ONE_FOOTER_CHAR = SIZE.footer * 10;


const font = (eastAsia: string, latin = FONT.latin) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

/**
 * The most Word elements (paragraphs, table cells, runs of text, links) a document may have to be exported. The docx
 * library holds every element as objects several times over while it writes: about 4 KB of memory each, so the
 * limit keeps an export under about 300 MB. A real report has a few thousand; 50,000 table rows ran out of memory.
 */
export const MAX_DOCX_ELEMENTS = 60_000;

/** The report has more Word elements than MAX_DOCX_ELEMENTS: nothing is written; the message says so, in Chinese. */
export class DocxTooLargeError extends Error {
  readonly code = 'XXGK_DOCX_TOO_LARGE';
  constructor(
    /** Elements counted (counting stops a little past the limit). */
    readonly elements: number,
    readonly limit: number,
  ) {
    super(t('文档过大，无法导出为 Word：段落、表格单元格和文字片段超过上限 {0} 个。请导出为 HTML，或将文档拆分后分别导出。', limit));
    this.name = 'DocxTooLargeError';
  }
}

/** Throws DocxTooLargeError (before anything is built) when the report has more Word elements than the limit. */
export async function renderDocx(doc: XxgkDocument, limit = MAX_DOCX_ELEMENTS): Promise<Uint8Array> {
  const model = buildModel(doc);
  const elements = countElements(model, limit);
  if (elements > limit) throw new DocxTooLargeError(elements, limit);
  const children: Array<Paragraph | Table> = [];
  for (const b of model.blocks) {
    if (b.type === 'section') append(children, sectionContent(b));
    else append(children, blockContent(b));
  }
  if (!children.length) children.push(new Paragraph({}));
  const entry = (key: string) => {
    const v = doc.frontMatter?.entries.find((e) => e.canonical === key)?.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? cleanText(String(v)) : undefined;
  };
  const title = model.title ? cleanText(inlineText(parseInline(model.title, 0, model.title.length))) : undefined;
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    title,
    creator: entry('agency') ?? 'xxgk',
    description: '政府信息公开工作年度报告',
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.body },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
        title: {
          run: { font: font(FONT.title), size: SIZE.title, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 560, line: 720, lineRule: LineRuleType.AT_LEAST } },
        },
        heading1: {
          run: { font: font(FONT.hei), size: SIZE.body, bold: false, color: '000000' },
          paragraph: { indent: { firstLineChars: 200, firstLine: 640 }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        heading2: {
          run: { font: font(FONT.kai), size: SIZE.body, bold: false, italics: false, color: '000000' },
          paragraph: { indent: { firstLineChars: 200, firstLine: 640 }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        heading3: {
          run: { font: font(FONT.body), size: SIZE.body, bold: true, italics: false, color: '000000' },
          paragraph: { indent: { firstLineChars: 200, firstLine: 640 }, spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        hyperlink: { run: { color: '000000', underline: {} } },
      },
      // Table cells share one paragraph style instead of each run and paragraph repeating fonts, size and spacing.
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'xxgk Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: font(FONT.song), size: SIZE.table },
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: FOOTER_DISTANCE, header: mm(15) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
        },
        // Page numbers outside: odd pages on the right, even pages on the left (the default footer is the odd one).
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return withOfficeFonts(await Packer.pack(document, 'uint8array'));
}

/** `— 1 —` in 4号 宋体, one character in from the outer edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const run = (text: string) => new TextRun({ text, font: font(FONT.song), size: SIZE.footer });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: ONE_FOOTER_CHAR } : { left: ONE_FOOTER_CHAR },
        children: [run('— '), new TextRun({ children: [PageNumber.CURRENT], font: font(FONT.song), size: SIZE.footer }), run(' —')],
      }),
    ],
  });
}

function sectionContent(s: SectionBlock): Array<Paragraph | Table> {
  return s.children.flatMap((b) => blockContent(b));
}

function blockContent(b: Block, depth = 0): Array<Paragraph | Table> {
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.title ? HeadingLevel.TITLE : b.level <= 2 ? HeadingLevel.HEADING_1 : b.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          alignment: b.title || b.level === 1 ? AlignmentType.CENTER : undefined,
          children: runs(b.inlines, {}),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLineChars: 200, firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: runs(b.inlines, {}) })];
    case 'list': {
      const out: Array<Paragraph | Table> = [];
      b.items.forEach((item, k) => {
        const marker = b.ordered ? `${b.start + k}. ` : '• ';
        out.push(
          new Paragraph({
            indent: { left: 640 * (depth + 1), hanging: 320 },
            children: [new TextRun({ text: marker }), ...runs(item.inlines, {})],
          }),
        );
        for (const c of item.children) append(out, blockContent(c, depth + 1));
      });
      return out;
    }
    case 'quote':
      return b.children.map((c) => new Paragraph({ indent: { left: 640 }, children: c.type === 'paragraph' ? runs(c.inlines, {}) : [] }));
    case 'code':
      return cleanText(b.text)
        .split('\n')
        .map((line) => new Paragraph({ spacing: { line: 300, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: line, font: font(FONT.song, FONT.mono), size: SIZE.code })] }));
    case 'rule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] })];
    case 'table':
      return tableContent(b.grid);
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_STYLE = 'XxgkTableText';

function tableContent(grid: Grid): Array<Paragraph | Table> {
  // Word reports a table without rows as unreadable content: none is written (a repeated empty container, one of
  // separator rows only; the page keeps its empty table, where the preview marks the container's problems).
  if (!grid.rows.length && !grid.extra?.rows.length) return [];
  const out: Array<Paragraph | Table> = grid.rows.length ? [table(grid)] : [];
  if (grid.extra?.rows.length) {
    out.push(new Paragraph({ spacing: { before: 120, line: 360, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: cleanText(grid.extra.caption ?? ''), size: SIZE.table })] }));
    out.push(table(grid.extra));
  }
  // Word runs two tables in a row together: an empty paragraph keeps each on its own.
  out.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [] }));
  return out;
}

function table(grid: Grid): Table {
  const weights = grid.widths ?? Array.from({ length: grid.columns }, (_, k) => (k === 0 ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.round((w / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: grid.widths ? TableLayoutType.FIXED : TableLayoutType.AUTOFIT,
    alignment: AlignmentType.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: grid.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          tableHeader: r.head || undefined,
          children: r.cells.map((c) => cell(c)),
        }),
    ),
  });
}

function cell(c: GridCell): TableCell {
  const align = c.align === 'left' ? AlignmentType.LEFT : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  const bold = c.role === 'column' || c.role === 'block' || (c.header && c.role !== 'label' && c.role !== 'group' && c.role !== 'corner');
  const base: IRunOptions = { bold: bold || undefined };
  const children = c.inlines ? runs(c.inlines, base) : [new TextRun({ ...base, text: cleanText(c.text ?? '') })];
  return new TableCell({
    rowSpan: c.rowSpan,
    columnSpan: c.colSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        style: TABLE_STYLE,
        alignment: align,
        indent: c.indent ? { left: 210 * 2 * c.indent } : undefined,
        children,
      }),
    ],
  });
}

/** Inline nodes as Word runs: bold, italic, code, links (http, https and mailto only), line breaks. */
function runs(nodes: readonly Inline[], base: IRunOptions): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(new TextRun({ ...base, text: cleanText(n.text) }));
        break;
      case 'code':
        out.push(new TextRun({ ...base, text: cleanText(n.text), font: font(FONT.song, FONT.mono) }));
        break;
      case 'strong':
        append(out, runs(n.children, { ...base, bold: true }));
        break;
      case 'em':
        append(out, runs(n.children, { ...base, italics: true }));
        break;
      case 'link':
        out.push(new ExternalHyperlink({ link: cleanText(n.href), children: runs(n.children, { ...base, style: 'Hyperlink' }) }));
        break;
      case 'softbreak':
        if (n.join) out.push(new TextRun({ ...base, text: n.join }));
        break;
      case 'break':
        out.push(new TextRun({ ...base, break: 1 }));
        break;
    }
  }
  return out;
}

/** Word elements the report becomes (paragraphs, cells, runs, links), counted up to a little past `limit`. */
function countElements(model: DocumentModel, limit: number): number {
  let n = 0;
  const inline = (nodes: readonly Inline[]) => {
    for (const x of nodes) {
      n++;
      if (x.type === 'strong' || x.type === 'em' || x.type === 'link') inline(x.children);
    }
  };
  const grid = (g: Grid) => {
    for (const r of g.rows) {
      n++;
      for (const c of r.cells) {
        n += 2; // the cell and its paragraph
        if (c.inlines) inline(c.inlines);
        else n++;
      }
      if (n > limit) return;
    }
    if (g.extra) grid(g.extra);
  };
  const block = (b: Block) => {
    if (n > limit) return;
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        n++;
        inline(b.inlines);
        break;
      case 'list':
        for (const item of b.items) {
          n += 2;
          inline(item.inlines);
          item.children.forEach(block);
        }
        break;
      case 'quote':
        b.children.forEach(block);
        break;
      case 'code':
        n += 2 * (b.text.split('\n').length);
        break;
      case 'rule':
        n++;
        break;
      case 'table':
        n += 2;
        grid(b.grid);
        break;
    }
  };
  for (const b of model.blocks) {
    if (b.type === 'section') b.children.forEach(block);
    else block(b);
  }
  return n;
}
