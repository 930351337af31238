/**
 * Reading a printed PDF back in the tests: every page's size and positioned text (pdf.js), and, where poppler's
 * `pdftoppm` is installed, how far ink reaches towards each edge of a page (to see that nothing overflows it).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPdfjs } from '../server/src/core/import/readers/pdf';

export interface PositionedPage {
  readonly number: number;
  /** In points. */
  readonly width: number;
  readonly height: number;
  /** Text with its baseline's left end, in points, y upwards. */
  readonly items: ReadonlyArray<{ text: string; x: number; y: number; width: number }>;
}

export async function positionedPages(bytes: Uint8Array): Promise<PositionedPage[]> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useWasm: false }).promise;
  const pages: PositionedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const items = content.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ text: it.str, x: (it.transform as number[])[4], y: (it.transform as number[])[5], width: it.width }] : []));
    pages.push({ number: n, width: x1 - x0, height: y1 - y0, items });
  }
  await doc.destroy();
  return pages;
}

export const hasPdftoppm = (): boolean => spawnSync('which', ['pdftoppm']).status === 0;

/** The blank margin, in millimetres, between each side of the page and the nearest ink, for the first pages. */
export function inkMargins(pdf: string, pages: number): Array<{ left: number; right: number; top: number; bottom: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-raster-'));
  try {
    const dpi = 36;
    const r = spawnSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', String(pages), pdf, path.join(dir, 'p')], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
    return fs.readdirSync(dir).sort().map((file) => {
      const { width, height, pixels } = readPgm(fs.readFileSync(path.join(dir, file)));
      let left = width, right = width, top = height, bottom = height;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (pixels[y * width + x] > 160) continue;
          left = Math.min(left, x);
          right = Math.min(right, width - 1 - x);
          top = Math.min(top, y);
          bottom = Math.min(bottom, height - 1 - y);
        }
      }
      const mm = (px: number) => (px / dpi) * 25.4;
      return { left: mm(left), right: mm(right), top: mm(top), bottom: mm(bottom) };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = bytes.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, w, h] = header.map(Number);
  return { width: w, height: h, pixels: bytes.subarray(header[0].length) };
}
