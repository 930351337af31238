/**
 * PDFs as most offices publish them: a Word document exported to PDF (issue 11). Here the project's own Word export
 * of a corpus report, converted by LibreOffice 7.4 (test/fixtures/import/libreoffice/README.md): page numbers in
 * the footer, paragraphs broken into lines, justified lines, tables over page breaks with their heading rows
 * repeated. Imported, each gives the same diagnostics as the report it was made from and every table figure in its
 * place. Where LibreOffice is installed, every example and corpus report goes the whole way (render to .docx,
 * convert, import) and at least as many as today come back with the same diagnostics.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { parse } from '../server/src/core/index';
import { importPdf, readPdf } from '../server/src/core/import/readers/pdf';
import { layOut } from '../server/src/core/import/readers/pdf-layout';
import type { PdfPage, PdfRule, PdfTextItem } from '../server/src/core/import/readers/pdf-page';
import { renderDocx } from '../server/src/core/render/docx';
import { compareOfficialRoundTrip, LAYOUT_CHANGED, ROUND_TRIP_KNOWN, reportFiles, ruleCounts, tableCells } from './import-helpers';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'import', 'libreoffice');

/** The .xxgk a PDF was made from (a corpus report or an example), by the PDF's name. */
function sourceOf(pdfName: string): string {
  const name = pdfName.replace(/\.pdf$/, '.xxgk');
  const corpus = path.join(ROOT, 'test', 'corpus', 'reports', name);
  return fs.existsSync(corpus) ? corpus : path.join(ROOT, 'examples', name);
}

async function importedDoc(bytes: Uint8Array) {
  const result = await importPdf(bytes);
  assert.equal(result.kind, 'report', result.kind === 'problem' ? result.message : '');
  if (result.kind !== 'report') throw new Error('not imported');
  return { doc: parse(result.result.text), notes: result.result.notes };
}

/** Chinese text set character by character, as LibreOffice places it (a piece per character). */
function chars(s: string, x: number, y: number, size = 16, step = size): PdfTextItem[] {
  return [...s].map((c, k) => ({ text: c, x: x + k * step, y, width: size, size }));
}
const page = (number: number, items: PdfTextItem[], rules: PdfRule[] = []): PdfPage => ({ number, width: 595, height: 842, items, rules });
const textOf = (pages: PdfPage[]) => layOut(pages).text.split('\n').filter(Boolean);

/**
 * The rules of a table: column rules at `xs`, row rules at `ys` (top first), each drawn cell by cell as a thin
 * rectangle, none inside a merged cell (`merged`: first and last row, first and last column).
 */
function ruled(xs: number[], ys: number[], merged: Array<[number, number, number, number]> = []): PdfRule[] {
  const rules: PdfRule[] = [];
  for (let i = 0; i < ys.length; i++) {
    for (let c = 0; c + 1 < xs.length; c++) if (!merged.some(([r1, r2, c1, c2]) => i - 1 >= r1 && i <= r2 && c >= c1 && c <= c2)) rules.push({ x1: xs[c], x2: xs[c + 1], y1: ys[i] - 0.25, y2: ys[i] + 0.25 });
  }
  for (let j = 0; j < xs.length; j++) {
    for (let r = 0; r + 1 < ys.length; r++) if (!merged.some(([r1, r2, c1, c2]) => r >= r1 && r <= r2 && j - 1 >= c1 && j <= c2)) rules.push({ x1: xs[j] - 0.25, x2: xs[j] + 0.25, y1: ys[r + 1], y2: ys[r] });
  }
  return rules;
}

describe('PDF layout of a Word document exported by LibreOffice', () => {
  it('a GB/T 9704 page number (— 6 —, 70 points above the foot) is dropped; a number in the text above report text stays', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [...chars('甲'.repeat(26), 83, 700), ...chars(`${n}`, 83, 110), ...chars('乙乙乙。', 83, 92), { text: `— ${n} —`, x: 280, y: 71, width: 46, size: 14 }]),
    );
    const laid = layOut(pages);
    assert.deepEqual(laid.dropped.map((d) => d.text), ['— 1 —', '— 2 —', '— 3 —']);
    assert.deepEqual(laid.text.split('\n').filter((l) => !l.startsWith('甲')).filter(Boolean), ['1', '乙乙乙。', '2', '乙乙乙。', '3', '乙乙乙。']);
  });

  it('a paragraph whose lines let a comma hang past the right edge, or start with a space, is one paragraph', () => {
    const full = (y: number, s: string) => chars(s, 83, y);
    const lines = textOf([
      page(1, [
        ...chars('乙'.repeat(24), 115, 700), // indented two characters: a paragraph starts
        ...full(671, '丙'.repeat(26) + '，'), // the comma hangs 16 points past the right edge
        ...full(642, '甲'.repeat(26)),
        ...full(613, '丁'.repeat(26) + '：'),
        ...chars('一是戊。', 96, 584), // a typed space before it: 13 points in, no indent
        ...chars('己'.repeat(24), 115, 555),
        ...full(526, '庚'.repeat(26)),
        ...full(497, '辛辛。'),
      ]),
    ]);
    assert.deepEqual(lines, ['乙'.repeat(24) + '丙'.repeat(26) + '，' + '甲'.repeat(26) + '丁'.repeat(26) + '：一是戊。', '己'.repeat(24) + '庚'.repeat(26) + '辛辛。']);
  });

  it('a table over a page break: the repeated head goes, a merged cell cut by the break is one cell, a figure wrapped in a narrow cell is one figure', () => {
    const xs = [80, 200, 300, 340];
    // Page 1: two head rows, then 三、本年度办理结果 merged down to the foot (its text cut: 三、本年度), two rows.
    const ys1 = [400, 380, 360, 340, 320];
    const head = (ys: number[]) => [...chars('类别', 82, ys[0] - 15, 10), ...chars('申请人情况', 202, ys[0] - 15, 10), ...chars('自然人', 202, ys[1] - 15, 10), ...chars('总计', 302, ys[1] - 15, 10)];
    const p1 = page(1, [
      ...head(ys1),
      ...chars('三、本年度', 82, 345, 10),
      ...chars('（一）予以公开', 202, 345, 10),
      { text: '3', x: 302, y: 345, width: 6, size: 10 },
      ...chars('（二）部分公开', 202, 325, 10),
      { text: '21', x: 302, y: 331, width: 12, size: 10 },
      { text: '8', x: 302, y: 322, width: 6, size: 10 },
    ], ruled(xs, ys1, [[0, 0, 1, 2], [2, 3, 0, 0]]));
    const ys2 = [760, 740, 720, 700];
    const p2 = page(2, [
      ...head(ys2),
      ...chars('办理结果', 82, 705, 10),
      ...chars('（三）不予公开', 202, 705, 10),
      { text: '5', x: 302, y: 705, width: 6, size: 10 },
    ], ruled(xs, ys2, [[0, 0, 1, 2]]));
    assert.deepEqual(textOf([p1, p2]), ['类别\t申请人情况', '\t自然人\t总计', '三、本年度办理结果\t（一）予以公开\t3', '（二）部分公开\t218', '（三）不予公开\t5']);
  });
});

/** Not reports: two small tables whose merged first cell has its text turned; a table with a row cut by a page break (README.md). */
const VERTICAL_CELLS = 'vertical-cells.pdf';
const SPLIT_ROWS = ['split-row-figures-first.pdf', 'split-row-figures-second.pdf'];

describe('a merged cell with vertical text, as LibreOffice prints it', () => {
  it('text running down (tbRlV: a character a piece) or up (btLr: one piece turned a quarter) is the cell’s label, whole', async () => {
    const read = await readPdf(fs.readFileSync(path.join(FIXTURES, VERTICAL_CELLS)));
    assert.equal(read.kind, 'text');
    const rows = ['三、本年度办理结果\t（一）项目1\t0', '（二）项目2\t3', '（三）项目3\t6', '（四）项目4\t9'];
    assert.deepEqual(read.kind === 'text' ? read.text.split('\n').filter(Boolean) : [], ['表格', ...rows, '表格二', ...rows]);
  });
});

describe('a table row cut by a page break, as LibreOffice prints it', () => {
  for (const pdf of SPLIT_ROWS) {
    it(`${pdf}: the label's lines on both pages are one row, the figures in it; the heading repeated on the next page goes`, async () => {
      const read = await readPdf(fs.readFileSync(path.join(FIXTURES, pdf)));
      assert.equal(read.kind, 'text');
      const rows = (read.kind === 'text' ? read.text.split('\n') : []).filter((l) => l.includes('\t'));
      assert.deepEqual(rows, [
        '项目\t本年新增\t累计',
        '（一）行政许可\t12\t30',
        '（二）其他对外管理服务事项，包括行政处罚、行政强制、行政检查、行政确认、行政奖励、行政裁决以及其他各类依法实施的对外管理服务事项\t7\t19',
        '（三）行政事业性收费\t4\t9',
      ]);
    });
  }
});

describe('PDFs exported by LibreOffice from Word', () => {
  const pdfs = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf') && f !== VERTICAL_CELLS && !SPLIT_ROWS.includes(f)).sort();

  it('there are fixtures', () => assert.ok(pdfs.length >= 3, pdfs.join(', ')));

  for (const pdf of pdfs) {
    it(`${pdf}: the diagnostics of its source and every table figure in place`, async () => {
      const name = path.basename(sourceOf(pdf));
      const original = parse(fs.readFileSync(sourceOf(pdf), 'utf8'));
      const { doc, notes } = await importedDoc(fs.readFileSync(path.join(FIXTURES, pdf)));
      compareOfficialRoundTrip(original, doc, { exact: 0, total: 0 }, name in LAYOUT_CHANGED, Object.keys(ROUND_TRIP_KNOWN[name] ?? {}));
      assert.equal(doc.title?.text ?? '', original.title?.text ?? '', 'the title, over two lines, is one');
      // Every paragraph whole again: one paragraph from its first characters to its last (LibreOffice leaves out a 、
      // that hangs past a line's end now and then, so not character for character).
      const bare = (s: string) => s.replace(/\s+/g, '');
      const imported = doc.paragraphs.map((p) => bare(p.text));
      for (const p of original.paragraphs.map((q) => bare(q.text)).filter((q) => q.length > 24)) {
        assert.ok(imported.some((q) => q.startsWith(p.slice(0, 12)) && q.endsWith(p.slice(-12))), `a paragraph whole: ${p.slice(0, 30)}…`);
      }
      assert.ok(notes.some((n) => /删去页眉页脚中的页码/.test(n.message)), 'page numbers dropped and said');
    });
  }
});

/** Reports that come back from LibreOffice's PDF with the diagnostics of their source (6 of 26 before issue 11's work on these PDFs). */
const AT_LEAST_EQUAL = 23;

describe('every report through Word and LibreOffice (where installed)', () => {
  it(`renders, converts and imports back: at least ${AT_LEAST_EQUAL} with the same diagnostics`, { timeout: 900_000 }, async (t: TestContext) => {
    const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
    if (!soffice) return t.skip('LibreOffice 未安装（which soffice libreoffice 均无结果），跳过 Word → PDF 往返');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lo-'));
    try {
      const files = reportFiles(ROOT);
      for (const file of files) fs.writeFileSync(path.join(dir, path.basename(file, '.xxgk') + '.docx'), await renderDocx(parse(fs.readFileSync(file, 'utf8'))));
      // One LibreOffice for all: starting it is most of the time.
      const docx = files.map((f) => path.join(dir, path.basename(f, '.xxgk') + '.docx'));
      const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...docx], { encoding: 'utf8', timeout: 600_000 });
      assert.equal(r.status, 0, r.stderr);
      const differing: string[] = [];
      const cells = { exact: 0, total: 0 };
      for (const file of files) {
        const name = path.basename(file);
        const original = parse(fs.readFileSync(file, 'utf8'));
        const { doc } = await importedDoc(fs.readFileSync(path.join(dir, path.basename(file, '.xxgk') + '.pdf')));
        const [before, after] = [tableCells(original), tableCells(doc)];
        for (const [key, value] of before) if (after.get(key) === value) cells.exact++;
        cells.total += before.size;
        const known = Object.keys(ROUND_TRIP_KNOWN[name] ?? {});
        const counts = (c: Record<string, number>) => JSON.stringify(Object.entries(c).filter(([rule]) => !known.includes(rule)).sort());
        if (counts(ruleCounts(doc)) !== counts(ruleCounts(original))) differing.push(name);
      }
      const equal = files.length - differing.length;
      console.log(`LibreOffice PDF round trip: ${equal} of ${files.length} reports with the diagnostics of their source, ${cells.exact} of ${cells.total} table cells in place; differing: ${differing.join(', ')}`);
      assert.ok(equal >= AT_LEAST_EQUAL, `${equal} of ${files.length}; differing: ${differing.join(', ')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
