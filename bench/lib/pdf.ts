/**
 * The PDF input of the bench: the 20 KB report (15 pages) printed to PDF by headless Chromium from the project's
 * own rendering (skipped, saying so, without /usr/bin/chromium), and the bundle the driver loads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { bundle } from './core-bundle';

export const PDF_BUNDLE = path.join(__dirname, '..', 'inputs', 'build', 'pdf.cjs');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function buildPdfBundle(): Promise<string> {
  return bundle('bench/lib/pdf-entry.ts', PDF_BUNDLE);
}

/** Prints `html` to `out`; the number of pages, or why there is no PDF. */
export async function printPdf(html: string, out: string): Promise<{ pages: number } | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM}` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
