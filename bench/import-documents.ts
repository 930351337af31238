/**
 * Import of Word files, web pages and PDFs against the libraries' own reading time (issue 11), as ratios in one run:
 * for each example and corpus report rendered to .docx and .html by the project's renderers (and the page printed to
 * PDF by headless Chromium, when there is one), the whole import (read, recognize, write .xxgk) over what the
 * libraries alone take (JSZip opening the zip and inflating word/document.xml, htmlparser2 parsing the XML or the page
 * into its DOM, pdf.js extracting every page's text). The import runs bundled by esbuild, as the CLI and the server
 * ship it (bench/lib/import-entry.ts). Not part of `bench/run.ts`; run on its own:
 *
 *   node --import tsx bench/import-documents.ts
 *   node --import tsx bench/import-documents.ts --kinds=docx,html    # only these kinds (a PDF round takes seconds)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { CHROMIUM, launchChromium } from '../test/browser';
import { bundle } from './lib/core-bundle';
import { parse } from '../server/src/core/index';
import { renderDocx } from '../server/src/core/render/docx';
import { renderHtml } from '../server/src/core/render/html';

const ROOT = path.join(__dirname, '..');
const ROUNDS = 20;
/** A PDF takes a hundred times longer to read: fewer rounds. */
const PDF_ROUNDS = 3;
/** Warm-up rounds of each before the measured ones (none for a PDF: its rounds are long, and few). */
const WARM = 3;
const IMPORT_BUNDLE = path.join(__dirname, 'inputs', 'build', 'import.cjs');

function files(): string[] {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test/corpus/reports')];
  return dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xxgk')).map((f) => path.join(d, f)));
}

/** What the library alone gives: the page or the XML parsed into its DOM. */
function tokenize(text: string, xmlMode: boolean): void {
  parseDocument(text, { xmlMode, decodeEntities: true });
}

async function libraryDocx(bytes: Uint8Array): Promise<void> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  tokenize(xml, true);
}

/**
 * The library and the import on the same input, side by side as the other benches time them (lib/interleave.cjs):
 * `warm` rounds of each first (the first runs of a function are compiled, not measured), then `rounds` rounds that
 * alternate the two, their order swapped every round, so that a busy neighbour slows both alike. Medians.
 */
async function sideBySide(
  library: () => Promise<unknown>,
  imported: () => Promise<unknown>,
  rounds: number,
  warm: number,
): Promise<Timing> {
  for (let i = 0; i < warm; i++) {
    await library();
    await imported();
  }
  const times = { library: [] as number[], import: [] as number[] };
  const time = async (run: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      await time(library, times.library);
      await time(imported, times.import);
    } else {
      await time(imported, times.import);
      await time(library, times.library);
    }
  }
  return { library: median(times.library), import: median(times.import), fastestLibrary: Math.min(...times.library), fastestImport: Math.min(...times.import) };
}

/**
 * Medians of each, and the fastest round of each: on a loaded machine a round is often stopped for another process
 * (for 10–30 ms, longer than a page's import), the longer runs more often, and the fastest rounds are those no one
 * stopped (the core bench gives the same figure, details.core).
 */
interface Timing {
  library: number;
  import: number;
  fastestLibrary: number;
  fastestImport: number;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** The kinds asked for with --kinds=docx,html,pdf (all by default). */
function kinds(): Set<string> {
  const arg = process.argv.find((a) => a.startsWith('--kinds='));
  return new Set(arg ? arg.slice('--kinds='.length).split(',') : ['docx', 'html', 'pdf']);
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { importFile, pdfjsText } = require(await bundle('bench/lib/import-entry.ts', IMPORT_BUNDLE)) as typeof import('./lib/import-entry');
  const zero = (): Timing => ({ library: 0, import: 0, fastestLibrary: 0, fastestImport: 0 });
  const totals: Record<string, Timing> = { docx: zero(), html: zero() };
  const browser = kinds().has('pdf') && fs.existsSync(CHROMIUM) ? await launchChromium() : undefined;
  if (browser) totals.pdf = zero();
  else if (kinds().has('pdf')) console.log(`pdf: skipped, no ${CHROMIUM}`);
  for (const file of files()) {
    const doc = parse(fs.readFileSync(file, 'utf8'));
    const docx = await renderDocx(doc);
    const html = Buffer.from(renderHtml(doc, { standalone: true }));
    const add = (kind: string, t: Timing) => {
      totals[kind].library += t.library;
      totals[kind].import += t.import;
      totals[kind].fastestLibrary += t.fastestLibrary;
      totals[kind].fastestImport += t.fastestImport;
    };
    if (kinds().has('docx')) add('docx', await sideBySide(() => libraryDocx(docx), () => importFile('r.docx', docx), ROUNDS, WARM));
    if (kinds().has('html')) {
      add('html', await sideBySide(() => Promise.resolve(tokenize(html.toString('utf8'), false)), () => importFile('r.html', html), ROUNDS, WARM));
    }
    if (browser) {
      const page = await browser.newPage();
      await page.setContent(html.toString('utf8'));
      const pdf = await page.pdf({ preferCSSPageSize: true });
      await page.close();
      add('pdf', await sideBySide(() => pdfjsText(pdf), () => importFile('r.pdf', pdf), PDF_ROUNDS, 0));
    }
  }
  await browser?.close();
  const n = files().length;
  for (const [kind, t] of Object.entries(totals).filter(([kind]) => kinds().has(kind))) {
    console.log(
      `${kind}: ${n} reports, library ${(t.library / n).toFixed(2)} ms, import ${(t.import / n).toFixed(2)} ms per report: import / library = ${(t.import / t.library).toFixed(2)} (fastest rounds: ${(t.fastestImport / t.fastestLibrary).toFixed(2)})`,
    );
  }
}

void main();
