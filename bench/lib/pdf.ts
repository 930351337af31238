/**
 * The PDF input of the bench: the 20 KB report (15 pages) printed to PDF by headless Chromium from the project's
 * own rendering (skipped, saying so, without /usr/bin/chromium), and the bundle the driver loads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, launchChromium } from '../../test/browser';
import { bundle } from './core-bundle';

export const PDF_BUNDLE = path.join(__dirname, '..', 'inputs', 'build', 'pdf.cjs');

export function buildPdfBundle(): Promise<string> {
  return bundle('bench/lib/pdf-entry.ts', PDF_BUNDLE);
}

/** Prints `html` to `out`; the number of pages, or why there is no PDF. */
export async function printPdf(html: string, out: string): Promise<{ pages: number } | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM}` };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    fs.writeFileSync(out, pdf);
    return { pages: (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length };
  } finally {
    await browser.close();
  }
}
