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
import { importPdf } from '../server/src/core/import/readers/pdf';
import { renderDocx } from '../server/src/core/render/docx';
import { compareOfficialRoundTrip, LAYOUT_CHANGED, ROUND_TRIP_KNOWN, reportFiles, ruleCounts } from './import-helpers';

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

describe('PDFs exported by LibreOffice from Word', () => {
  const pdfs = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf')).sort();

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

/** Reports that come back from LibreOffice's PDF with the diagnostics of their source (13 of 26 on 2025-…). */
const AT_LEAST_EQUAL = 16;

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
      for (const file of files) {
        const name = path.basename(file);
        const { doc } = await importedDoc(fs.readFileSync(path.join(dir, path.basename(file, '.xxgk') + '.pdf')));
        const known = Object.keys(ROUND_TRIP_KNOWN[name] ?? {});
        const counts = (c: Record<string, number>) => JSON.stringify(Object.entries(c).filter(([rule]) => !known.includes(rule)).sort());
        if (counts(ruleCounts(doc)) !== counts(ruleCounts(parse(fs.readFileSync(file, 'utf8'))))) differing.push(name);
      }
      const equal = files.length - differing.length;
      console.log(`LibreOffice PDF round trip: ${equal} of ${files.length} reports with the diagnostics of their source; differing: ${differing.join(', ')}`);
      assert.ok(equal >= AT_LEAST_EQUAL, `${equal} of ${files.length}; differing: ${differing.join(', ')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
