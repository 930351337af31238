/**
 * PDFs printed the way Word and WPS print a report (issue 11): made here, laid out like the real 洪泽区人民政府 2024
 * report (A4, 仿宋 text, ruled tables, the 依申请 table's merged left column, justified labels, a title over two
 * lines). One test per problem the real PDF showed, then the whole report: the real report's text and figures
 * (test/corpus/reports/23-洪泽区人民政府-2024.xxgk) printed in its layout and imported give the same diagnostics
 * and the same table figures as the corpus file.
 *
 * Source of the layout: 淮安市洪泽区人民政府《2024年政府信息公开工作年度报告》PDF (5 pages, WPS, 2025-02-25), in
 * the GitHub repository zxj6827111-blip/KIROGOVCOMPARE at sample_pdfs_v1/hzq2024_working.pdf (blob 9efdd2dd);
 * its positions (margins, font sizes, column borders, tables' borders 0.2 pt apart) were measured with pdf.js. The
 * PDF itself is not in this repository.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText, parse, type XxgkDocument } from '../server/src/core/index';
import { importPdf, readPdf } from '../server/src/core/import/readers/pdf';
import { tableCells } from './import-helpers';
import { makePdf, spread as spreadOps, zh as zhOps } from './pdf-helpers';
import { PAGE, ruledTable, WordPage, wrap, type GridCell } from './pdf-word-layout';

const CORPUS = path.join(__dirname, 'corpus', 'reports', '23-洪泽区人民政府-2024.xxgk');

async function imported(pages: WordPage[]) {
  const result = await importPdf(makePdf({ pages: pages.map((p) => p.content()) }));
  assert.equal(result.kind, 'report', result.kind === 'problem' ? result.message : '');
  if (result.kind !== 'report') throw new Error('not imported');
  return result.result;
}

async function lines(pages: WordPage[]): Promise<string[]> {
  const read = await readPdf(makePdf({ pages: pages.map((p) => p.content()) }));
  assert.equal(read.kind, 'text');
  return read.kind === 'text' ? read.text.split('\n').filter(Boolean) : [];
}

// The 依申请 table as the real report prints it: a narrow first column for 三、本年度办理结果 (merged over its
// rows), the group labels in the second, the items in the third, seven columns of figures.
const APPLICATION_XS = [77.1, 103.4, 180.3, 309.9, 341.5, 369.9, 398.4, 426.7, 454.9, 483.1, 515.8];
const APPLICATION_HEAD: GridCell[] = [
  { r: 0, c: 0, rs: 3, cs: 3, text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' },
  { r: 0, c: 3, cs: 7, text: '申请人情况' },
  { r: 1, c: 3, rs: 2, text: '自然人' },
  { r: 1, c: 4, cs: 5, text: '法人或其他组织' },
  { r: 1, c: 9, rs: 2, text: '总计', spread: true },
  ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text, k) => ({ r: 2, c: 4 + k, text })),
];
const HEAD_HEIGHTS = [22, 30, 40];

interface Row {
  readonly label: string;
  readonly figures: readonly string[];
}

/**
 * The 依申请 table's body rows as grid cells: the label in the column its level goes in, merged group labels; with
 * `vertical`, 三、本年度办理结果 written down its narrow cell in a vertical font, as the real PDF has it.
 */
function applicationBody(rows: readonly Row[], first: number, vertical = false): { cells: GridCell[]; heights: number[] } {
  const cells: GridCell[] = [];
  const heights: number[] = [];
  const level = (label: string) => (/^[一二三四五]、/.test(label) ? 0 : /^（[一二三四五六七]）/.test(label) ? 1 : 2);
  let r = first;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    const at = level(row.label);
    // A group row (no figures) merges its label over the rows it heads; its first item shares its grid row.
    if (row.figures.length === 0) {
      let span = 0;
      for (let j = k + 1; j < rows.length && level(rows[j].label) > at; j++) if (rows[j].figures.length) span++;
      cells.push({ r, c: at, rs: span, text: row.label, left: at > 0, vertical: vertical && at === 0 });
      continue;
    }
    const width = APPLICATION_XS[3] - APPLICATION_XS[at === 0 ? 0 : at === 1 && !/^（[三四五]）/.test(row.label) ? 1 : 2];
    const span = at === 0 ? 3 : at === 1 ? 2 : 1;
    const labelLines = wrap(row.label, width - 6, 9).length;
    cells.push({ r, c: 3 - span, cs: span, text: row.label, left: true });
    row.figures.forEach((f, i) => cells.push({ r, c: 3 + i, text: f, size: 10.5 }));
    heights.push(Math.max(19, labelLines * 13 + 8));
    r++;
  }
  return { cells, heights };
}

/** Cells of a grid cut to rows [from, to): a cell over the cut keeps its text in the part where it starts. */
function cut(cells: readonly GridCell[], from: number, to: number): GridCell[] {
  return cells.flatMap((c) => {
    const start = Math.max(c.r, from);
    const end = Math.min(c.r + (c.rs ?? 1), to);
    if (end <= start) return [];
    return [{ ...c, r: start - from, rs: end - start, text: c.r >= from ? c.text : '' }];
  });
}

// The 复议诉讼 table: a header three lines tall (行政复议 / 行政诉讼; the five names, 未经复议直接起诉, 复议后起诉;
// the five names twice), 总计 justified over its cell, one row of 15 figures; its borders 0.2 pt off the 依申请 table's.
const APPEALS_XS = [77.3, 109.1, 140.3, 171.4, 202.6, 230.9, 259.3, 287.5, 310.1, 343.6, 373.0, 401.3, 429.8, 458.1, 486.4, 515.5];
const APPEALS_ROWS = [24, 23, 71, 27];
const APPEALS_HEIGHT = APPEALS_ROWS.reduce((a, b) => a + b);
const NAMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function appealsTable(page: WordPage, figures: readonly string[]): void {
  const name = (r: number, c: number, text: string, rs = 1): GridCell => (text === '总计' ? { r, c, rs, text, spread: true } : { r, c, rs, text });
  ruledTable(page, APPEALS_XS, APPEALS_ROWS, [
    { r: 0, c: 0, cs: 5, text: '行政复议' },
    { r: 0, c: 5, cs: 10, text: '行政诉讼' },
    ...NAMES.map((n, k) => name(1, k, n, 2)),
    { r: 1, c: 5, cs: 5, text: '未经复议直接起诉' },
    { r: 1, c: 10, cs: 5, text: '复议后起诉' },
    ...NAMES.flatMap((n, k) => [name(2, 5 + k, n), name(2, 10 + k, n)]),
    ...figures.map((f, k) => ({ r: 3, c: k, text: f, size: 10.5 })),
  ]);
}

/** A 主动公开 block above a table on the same page, its left border 0.2 pt left of the 依申请 table's (as WPS draws each table's borders a little apart). */
function disclosureBlock(page: WordPage, rows: readonly Row[], header: readonly string[]): void {
  const xs = header.length === 4 ? [76.9, 180, 290, 400, 517.15] : [76.9, 240, 517.15];
  const cells: GridCell[] = [...header.map((text, c) => ({ r: 0, c, text })), ...rows.flatMap((row, k) => [{ r: k + 1, c: 0, text: row.label }, ...row.figures.map((f, c) => ({ r: k + 1, c: c + 1, text: f, size: 10.5 }))])];
  ruledTable(page, xs, [24, ...rows.map(() => 22)], cells);
  page.y -= 14;
}

const SAMPLE_ROWS: Row[] = [
  { label: '一、本年新收政府信息公开申请数量', figures: ['95', '0', '0', '0', '0', '0', '95'] },
  { label: '二、上年结转政府信息公开申请数量', figures: ['0', '0', '0', '0', '0', '0', '0'] },
  { label: '三、本年度办理结果', figures: [] },
  { label: '（一）予以公开', figures: ['50', '0', '0', '0', '0', '0', '50'] },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', figures: ['9', '0', '0', '0', '0', '0', '9'] },
  { label: '（三）不予公开', figures: [] },
  { label: '1.属于国家秘密', figures: ['0', '0', '0', '0', '0', '0', '0'] },
  { label: '2.其他法律行政法规禁止公开', figures: ['0', '0', '0', '0', '0', '0', '0'] },
  { label: '（七）总计', figures: ['59', '0', '0', '0', '0', '0', '59'] },
  { label: '四、结转下年度继续办理', figures: ['36', '0', '0', '0', '0', '0', '36'] },
];

function applicationTable(page: WordPage, rows: readonly Row[], vertical = false): void {
  const body = applicationBody(rows, 3, vertical);
  ruledTable(page, APPLICATION_XS, [...HEAD_HEIGHTS, ...body.heights], [...APPLICATION_HEAD, ...body.cells]);
}

describe('PDF printed by Word / WPS: the problems the real 洪泽区 PDF showed', () => {
  it('1. a title centred over two lines is one title: 机关 and 年度 are inferred from it', async () => {
    const page = new WordPage();
    page.centred('淮安市洪泽区人民政府', 21.95);
    page.centred('2024年政府信息公开工作年度报告', 21.95, 50);
    page.paragraph('本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制此报告。');
    page.paragraph('一、总体情况');
    page.paragraph('2024年，我区主动发布各类政府信息2428条。');
    page.footer(1);
    assert.equal((await lines([page]))[0], '淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
    const { text } = await imported([page]);
    assert.match(text, /^---\n机关: 淮安市洪泽区人民政府\n年度: 2024\n/);
    assert.match(text, /\n# 淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n/);
  });

  it('1. a centred line of the text size above a centred title is not joined to it; nor a short line of text', async () => {
    const page = new WordPage();
    page.centred('附件', 15.95, 40);
    page.centred('某某镇人民政府2024年政府信息公开工作年度报告', 21.95, 50);
    page.paragraph('一、总体情况');
    page.paragraph('本年度，我镇做好政务公开工作。');
    assert.deepEqual((await lines([page])).slice(0, 2), ['附件', '某某镇人民政府2024年政府信息公开工作年度报告']);
  });

  it('2. the room between Chinese and figures, and justified labels, are no spaces: labels match rows, figures stay whole', async () => {
    const page = new WordPage();
    page.paragraph('三、收到和处理政府信息公开申请情况');
    page.paragraph('2024年，区政府办受理政府信息公开申请17件，其中WPS Office文档2件。');
    ruledTable(page, [77.1, 300, 400, 515.8], [22, 22, 22], [
      { r: 0, c: 0, text: '项目' }, { r: 0, c: 1, text: '数量' }, { r: 0, c: 2, text: '其中', spread: true },
      { r: 1, c: 0, text: '合计', spread: true, left: true }, { r: 1, c: 1, text: '2428', size: 10.5 }, { r: 1, c: 2, text: '7', size: 10.5 },
      { r: 2, c: 0, text: '4.无正当理由大量反复申请', left: true }, { r: 2, c: 1, text: '0', size: 10.5 }, { r: 2, c: 2, text: '0', size: 10.5 },
    ]);
    // An unruled row (a table printed without borders): the justified label is one cell, not two.
    page.y -= 20;
    for (const [label, a, b] of [['本年新增', '12', '3'], ['合计', '15', '4']]) {
      page.ops.push(label === '合计' ? spreadOps(90, page.y, label, 60) : zhOps(90, page.y, label), zhOps(300, page.y, a), zhOps(400, page.y, b));
      page.y -= 22;
    }
    assert.deepEqual(await lines([page]), [
      '三、收到和处理政府信息公开申请情况',
      '2024年，区政府办受理政府信息公开申请17件，其中WPS Office文档2件。',
      '项目\t数量\t其中',
      '合计\t2428\t7',
      '4.无正当理由大量反复申请\t0\t0',
      '本年新增\t12\t3',
      '合计\t15\t4',
    ]);
  });

  it('3. the merged 三、本年度办理结果 cell stays in the 依申请 table (its borders a little off those of the table above)', async () => {
    const page = new WordPage();
    page.paragraph('二、主动公开政府信息情况');
    disclosureBlock(page, [{ label: '行政事业性收费', figures: ['7545'] }], ['信息内容', '本年收费金额（单位：万元）']);
    page.paragraph('三、收到和处理政府信息公开申请情况');
    applicationTable(page, SAMPLE_ROWS);
    const { text } = await imported([page]);
    const doc = parse(text);
    const table = doc.tables.find((t) => t.kindText === '依申请');
    assert.equal(doc.tables.filter((t) => t.kindText === '依申请').length, 1, text);
    assert.deepEqual(table?.rows.filter((r) => r.kind === 'data').map((r) => r.label.text), SAMPLE_ROWS.map((r) => r.label));
    const cells = tableCells(doc);
    assert.equal(cells.get('依申请/open#0/0'), '50');
    assert.equal(cells.get('依申请/next#0/6'), '36');
  });

  it('4. the 复议诉讼 table with a header three lines tall, right under the 依申请 table, is read as the official table', async () => {
    const page = new WordPage();
    page.paragraph('三、收到和处理政府信息公开申请情况');
    applicationTable(page, SAMPLE_ROWS);
    page.paragraph('四、政府信息公开行政复议、行政诉讼情况');
    appealsTable(page, ['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']);
    const result = await imported([page]);
    assert.ok(!result.notes.some((n) => /没有找到“复议诉讼”表/.test(n.message)), result.notes.map((n) => n.message).join('\n'));
    const appeals = parse(result.text).tables.find((t) => t.kindText === '复议诉讼');
    assert.deepEqual(
      appeals?.rows.filter((r) => r.kind === 'data').map((r) => [r.label.text, ...r.values.map((v) => v.text)]),
      [
        ['行政复议', '1', '1', '0', '0', '2'],
        ['未经复议直接起诉', '1', '0', '0', '0', '1'],
        ['复议后起诉', '2', '0', '1', '0', '3'],
      ],
    );
  });

  it('6. a row cut by a page break (its label over two pages) is one row: label joined, figures from either part, borders at the cut drawn or not', async () => {
    const body = applicationBody(SAMPLE_ROWS, 3);
    // Row 5 tall enough for the part of 三、本年度办理结果 on the first page to hold its text (the test is not about that cell).
    const heights = [...HEAD_HEIGHTS, ...body.heights].map((h, r) => (r === 5 ? 70 : h));
    const grid = [...APPLICATION_HEAD, ...body.cells];
    // Row 6 of the grid: （二）部分公开（区分处理的，只计这一情形，不计其他情形）, two lines in its cell.
    const at = 6;
    const whole = new WordPage();
    whole.paragraph('三、收到和处理政府信息公开申请情况');
    ruledTable(whole, APPLICATION_XS, heights, grid);
    const expected = tableCells(parse((await imported([whole])).text));
    const label = SAMPLE_ROWS[4];
    assert.equal(label.label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    for (const figuresFirst of [true, false]) {
      for (const open of [false, true]) {
        const split = splitRow(grid, heights, at, figuresFirst);
        const [first, second] = [new WordPage(), new WordPage()];
        first.paragraph('三、收到和处理政府信息公开申请情况');
        first.y = PAGE.bottom + split.heights.slice(0, at + 1).reduce((a, b) => a + b);
        ruledTable(first, APPLICATION_XS, split.heights.slice(0, at + 1), cut(split.cells, 0, at + 1), { bottom: open });
        ruledTable(second, APPLICATION_XS, split.heights.slice(at + 1), cut(split.cells, at + 1, split.heights.length), { top: open });
        const how = `figures in the ${figuresFirst ? 'first' : 'second'} part, the cut ${open ? 'not drawn' : 'drawn'}`;
        const text = await lines([first, second]);
        assert.ok(text.includes([label.label, ...label.figures].join('\t')), `${how}:\n${text.join('\n')}`);
        const doc = parse((await imported([first, second])).text);
        const application = doc.tables.filter((t) => t.kindText === '依申请');
        assert.equal(application.length, 1, how);
        assert.deepEqual(application[0].rows.filter((r) => r.kind === 'data').map((r) => r.label.text), SAMPLE_ROWS.map((r) => r.label), how);
        assert.deepEqual(tableCells(doc), expected, how);
      }
    }
  });

  it('6. rows on two pages that are two rows stay two: a blank row, a label that does not fill its cell, a numbered label', async () => {
    const xs = [77.1, 300, 400, 515.8];
    const printed = async (last: string, next: string, open = false) => {
      const [first, second] = [new WordPage(), new WordPage()];
      first.y = PAGE.bottom + 44;
      ruledTable(first, xs, [22, 22], [
        { r: 0, c: 0, text: '行政许可', left: true }, { r: 0, c: 1, text: '12', size: 10.5 }, { r: 0, c: 2, text: '30', size: 10.5 },
        { r: 1, c: 0, text: last, left: true }, { r: 1, c: 1, text: '' }, { r: 1, c: 2, text: '' },
      ], { bottom: open });
      ruledTable(second, xs, [22, 22], [
        { r: 0, c: 0, text: next, left: true }, { r: 0, c: 1, text: '4', size: 10.5 }, { r: 0, c: 2, text: '9', size: 10.5 },
        { r: 1, c: 0, text: '行政检查', left: true }, { r: 1, c: 1, text: '1', size: 10.5 }, { r: 1, c: 2, text: '2', size: 10.5 },
      ], { top: open });
      return lines([first, second]);
    };
    // A row left blank, then the next row: the first label is short, its cell not full.
    const after = '行政检查\t1\t2';
    assert.deepEqual(await printed('行政处罚', '行政强制'), ['行政许可\t12\t30', '行政处罚\t\t', '行政强制\t4\t9', after]);
    // A label that fills its cell, then one with its own numbering, even where the cut is not drawn.
    const full = '（二）其他对外管理服务事项行政处罚行政强制行政';
    assert.deepEqual(await printed(full, '（三）行政事业性收费'), ['行政许可\t12\t30', `${full}\t\t`, '（三）行政事业性收费\t4\t9', after]);
    assert.deepEqual(await printed(full, '（三）行政事业性收费', true), ['行政许可\t12\t30', `${full}\t\t`, '（三）行政事业性收费\t4\t9', after]);
    // The same label going on without numbering is the same row.
    assert.deepEqual(await printed(full, '检查'), ['行政许可\t12\t30', `${full}检查\t4\t9`, after]);
  });

  it('5. 三、本年度办理结果 written down its cell in a vertical font (Identity-V) near the page foot is read whole: one 依申请 table', async () => {
    // pdf.js's text content drops a vertical glyph less than twenty font sizes (199 pt here) above the page's foot;
    // the real PDF's label stood from 227 down to 137 pt, and only “三、本” came through.
    const printed = (vertical: boolean) => {
      const page = new WordPage();
      page.paragraph('三、收到和处理政府信息公开申请情况');
      page.y = 370;
      applicationTable(page, SAMPLE_ROWS, vertical);
      // The label's first character (its top, from the text matrix of the page turned over) is so low that pdf.js keeps only the first few.
      const label = page.ops.find((o) => o.includes('/F3'));
      if (vertical) assert.ok(label && 842 - Number(/ ([\d.]+) Tm/.exec(label)?.[1]) < 199 + 4 * 10, label);
      return [page];
    };
    const text = await lines(printed(true));
    assert.ok(text.includes('三、本年度办理结果\t（一）予以公开\t50\t0\t0\t0\t0\t0\t50'), text.join('\n'));
    const doc = parse((await imported(printed(true))).text);
    const application = doc.tables.filter((t) => t.kindText === '依申请');
    assert.equal(application.length, 1);
    assert.deepEqual(application[0].rows.filter((r) => r.kind === 'data').map((r) => r.label.text), SAMPLE_ROWS.map((r) => r.label));
    // Every figure where the same table printed across the page puts it (test 3 checks that one).
    const cells = tableCells(doc);
    assert.equal(cells.size, SAMPLE_ROWS.filter((r) => r.figures.length).length * 7);
    assert.deepEqual(cells, tableCells(parse((await imported(printed(false))).text)));
  });
});


/**
 * The grid with row `at` cut in two by a page break, as Word and LibreOffice print a row allowed to split: the
 * label's first line in the first part, the rest in the second, the figures in one of the two (`figuresFirst`), the
 * other part's figure cells empty; a cell merged over the row (三、本年度办理结果) spans both parts.
 */
function splitRow(cells: readonly GridCell[], heights: readonly number[], at: number, figuresFirst: boolean): { cells: GridCell[]; heights: number[] } {
  const label = cells.find((c) => c.r === at && c.left && (c.rs ?? 1) === 1);
  if (!label) throw new Error(`no label in row ${at}`);
  const lines = wrap(label.text, APPLICATION_XS[label.c + (label.cs ?? 1)] - APPLICATION_XS[label.c] - 6, 9);
  const out: GridCell[] = [];
  for (const c of cells) {
    if (c.r > at) out.push({ ...c, r: c.r + 1 });
    else if (c.r < at && c.r + (c.rs ?? 1) > at) out.push({ ...c, rs: (c.rs ?? 1) + 1 });
    else if (c === label) out.push({ ...c, text: lines[0] }, { ...c, r: at + 1, text: lines.slice(1).join('') });
    else if (c.r === at) out.push({ ...c, text: figuresFirst ? c.text : '' }, { ...c, r: at + 1, text: figuresFirst ? '' : c.text });
    else out.push(c);
  }
  return { cells: out, heights: [...heights.slice(0, at), 17, 17, ...heights.slice(at + 1)] };
}

/** The corpus report printed in the real PDF's layout: title, paragraphs, the four tables, pages broken as WPS broke them. */
function printedLikeTheRealPdf(doc: XxgkDocument): WordPage[] {
  const pages: WordPage[] = [new WordPage()];
  const page = () => pages[pages.length - 1];
  const newPage = () => pages.push(new WordPage());
  const room = (h: number) => {
    if (page().y - h < PAGE.bottom) newPage();
  };
  page().centred('淮安市洪泽区人民政府', 21.95, 28);
  page().centred('2024年政府信息公开工作年度报告', 21.95, 56);
  const rowsOf = (kind: string): Row[] =>
    doc.tables.filter((t) => t.kindText === kind).flatMap((t) => t.rows.filter((r) => r.kind === 'data').map((r) => ({ label: r.label.text, figures: r.values.map((v) => v.text) })));
  const blocks = doc.paragraphs.map((p) => ({ at: p.span.start, kind: 'p' as const, text: p.text.replace(/\s*\n\s*/g, '') }));
  const headings = doc.headings.filter((h) => h.level === 2).map((h) => ({ at: h.span.start, kind: 'h' as const, text: h.text }));
  for (const block of [...blocks, ...headings].sort((a, b) => a.at - b.at)) {
    if (block.kind === 'p' && block.text.startsWith('<!--')) continue;
    const height = wrap(block.text, PAGE.right - PAGE.left, 15.95, 31.9).length * 28;
    room(Math.min(height, 56));
    page().paragraph(block.text);
    if (page().y < PAGE.bottom) newPage();
    if (block.text === '二、主动公开政府信息情况') disclosure(rowsOf('主动公开'));
    if (block.text === '三、收到和处理政府信息公开申请情况') application(rowsOf('依申请'));
    if (block.text === '四、政府信息公开行政复议、行政诉讼情况') {
      room(APPEALS_HEIGHT);
      appealsTable(page(), rowsOf('复议诉讼').flatMap((r) => r.figures));
      page().y -= 14;
    }
  }
  pages.forEach((p, k) => p.footer(k + 1));
  return pages;

  function disclosure(rows: Row[]) {
    const blocks: Array<[string, string[], Row[]]> = [
      ['第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], rows.slice(0, 2)],
      ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], rows.slice(2, 3)],
      ['第二十条第（六）项', ['信息内容', '本年处理决定数量'], rows.slice(3, 5)],
      ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], rows.slice(5, 6)],
    ];
    for (const [caption, header, block] of blocks) {
      room(24 + 24 + 22 * block.length);
      page().centred(caption, 12, 20);
      disclosureBlock(page(), block, header);
    }
  }

  function application(rows: Row[]) {
    const body = applicationBody(rows, 3, true);
    const heights = [...HEAD_HEIGHTS, ...body.heights];
    const cells = [...APPLICATION_HEAD, ...body.cells];
    // Rows as far as the page has room, the rest on the next page (WPS repeats no head rows).
    let from = 0;
    while (from < heights.length) {
      let to = from;
      let h = 0;
      while (to < heights.length && page().y - h - heights[to] >= PAGE.bottom) h += heights[to++];
      if (to === from) {
        newPage();
        continue;
      }
      // WPS leaves the bottom edge of a part that goes on over the page break undrawn (the real 2023 PDF).
      ruledTable(page(), APPLICATION_XS, heights.slice(from, to), cut(cells, from, to), { bottom: to < heights.length });
      from = to;
      if (from < heights.length) newPage();
    }
    page().y -= 14;
  }
}

describe('the real 洪泽区 2024 report, printed in its PDF layout and imported', () => {
  const findings = (text: string) =>
    checkText(text, { context: { today: '2026-06-01' } })
      .diagnostics.map((d) => `${d.rule} ${d.severity}`)
      .sort();

  it('gives the corpus file’s diagnostics, front matter and table figures', async () => {
    const hand = fs.readFileSync(CORPUS, 'utf8');
    const original = parse(hand);
    const pages = printedLikeTheRealPdf(original);
    assert.ok(pages.length >= 4, `${pages.length} pages`);
    const result = await imported(pages);
    const doc = parse(result.text);
    assert.match(result.text, /^---\n机关: 淮安市洪泽区人民政府\n年度: 2024\n格式: 2021\n---\n/);
    const before = tableCells(original);
    const after = tableCells(doc);
    const wrong = [...before].filter(([k, v]) => after.get(k) !== v).map(([k, v]) => `${k}: ${after.get(k)} ≠ ${v}`);
    console.log(`洪泽区 2024 printed like its PDF: ${before.size - wrong.length} of ${before.size} table cells exact`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(doc.sections.map((s) => s.heading.text), original.sections.map((s) => s.heading.text));
    assert.deepEqual(findings(result.text), findings(hand));
  });
});
