/**
 * The rendered HTML in a real headless Chromium (Debian's, driven by playwright-core): screenshots of the examples
 * into test/artifacts/, the geometry of the merged cells, an A4 print, and injection payloads that must neither
 * run, nor load anything, nor leave an element behind.
 *
 * If /usr/bin/chromium is missing, the test installs it with apt-get (chromium and fonts-noto-cjk); it skips, saying
 * so, only where apt-get itself is not available.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureChromium, INSTALL_TIMEOUT, launchChromium } from './browser';
import { checkText, parse } from '../server/src/core/index';
import { renderHtml, XXGK_CSS } from '../server/src/core/render/index';
import { example, EXAMPLES, injectionLegacyReport, injectionReport, PAYLOADS, RENDERER_TAGS, ROOT } from './render-helpers';

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

let browser: Browser | undefined;
let skipReason: string | undefined;

function ready(t: TestContext): Browser | undefined {
  if (skipReason) t.skip(skipReason);
  return skipReason ? undefined : browser;
}

/** Records what a page tries to do that a rendered report never may. */
async function watchedPage(b: Browser) {
  const page = await b.newPage({ viewport: { width: 1000, height: 1200 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    if (!/^(about:blank|data:)/.test(r.url())) requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, dialogs, requests, errors };
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounding boxes of the elements a selector finds (the code runs in the page, so it is given as text). */
async function rects(page: Page, selector: string): Promise<Rect[]> {
  return await page.evaluate<Rect[]>(
    `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })`,
  );
}

/** Sends every element the events an injected handler would wait for, and focuses it (links are not clicked). */
const PROVOKE = `(() => {
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const type of ['mouseover', 'mouseenter', 'click', 'toggle', 'load', 'error']) {
      if (type === 'click' && el.closest('a')) continue;
      el.dispatchEvent(new Event(type, { bubbles: false }));
    }
    if (typeof el.focus === 'function') el.focus();
  }
})()`;

interface DomReport {
  strangers: string[];
  scripts: number;
  styles: number;
  frames: number;
  onAttributes: string[];
  loaders: number;
  hrefs: string[];
  headTags: string[];
  title: string;
}

/** What the page holds once loaded: elements the renderer does not write, handlers, loaders, links. */
const inspect = (allowed: readonly string[]) => `(() => {
  const allowedTags = new Set(${JSON.stringify(allowed)});
  const bodyTags = Array.from(document.body.querySelectorAll('*')).map((el) => el.tagName.toLowerCase());
  return {
    strangers: [...new Set(bodyTags.filter((tag) => !allowedTags.has(tag)))],
    scripts: document.querySelectorAll('script').length,
    styles: document.querySelectorAll('style').length,
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    onAttributes: Array.from(document.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '[' + a.name + ']')),
    loaders: document.querySelectorAll('[src], [srcdoc], [srcset], [data], [action], [formaction], [poster], [background]').length,
    hrefs: Array.from(document.querySelectorAll('[href]')).map((el) => el.tagName + ':' + el.getAttribute('href')),
    headTags: Array.from(document.head.children).map((el) => el.tagName.toLowerCase()),
    title: document.title,
  };
})()`;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const near = (actual: number, expected: number, what: string, tolerance = 2) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(1)} ≈ ${expected.toFixed(1)}`);

describe('rendered HTML in headless Chromium', () => {
  before(
    async () => {
      skipReason = ensureChromium();
      if (skipReason) {
        process.stderr.write(`# render-browser: ${skipReason}\n`);
        return;
      }
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      browser = await launchChromium();
    },
    { timeout: INSTALL_TIMEOUT + 60_000 },
  );
  after(async () => {
    await browser?.close();
  });

  test('screenshots of the examples (test/artifacts/render-*.png) and an A4 print', async (t) => {
    const b = ready(t);
    if (!b) return;
    for (const name of EXAMPLES) {
      const { document, diagnostics } = checkText(example(name));
      const page = await b.newPage({ viewport: { width: 1000, height: 1200 } });
      await page.setContent(renderHtml(document, { standalone: true, diagnostics: name === '2023-errors' ? diagnostics : undefined }));
      await page.screenshot({ path: path.join(ARTIFACTS, `render-${name}.png`), fullPage: true });
      for (const kind of ['requests', 'proactive', 'appeals', 'appendix', 'plain']) {
        const tables = page.locator(`table.xxgk-${kind}`);
        for (let k = 0; k < (await tables.count()); k++) {
          await tables.nth(k).screenshot({ path: path.join(ARTIFACTS, `render-${name}-${kind}${k ? `-${k + 1}` : ''}.png`) });
        }
      }
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(path.join(ARTIFACTS, `render-${name}.pdf`), pdf);
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      assert.ok(box, 'the PDF has a page size');
      near(Number(box[1]), 595.28, 'A4 width in points', 1.5);
      near(Number(box[2]), 841.89, 'A4 height in points', 1.5);
      await page.close();
    }
    assert.ok(fs.statSync(path.join(ARTIFACTS, 'render-2023-clean-requests.png')).size > 10_000);
  });

  test('merged cells have the geometry of the official tables', async (t) => {
    const b = ready(t);
    if (!b) return;
    const page = await b.newPage({ viewport: { width: 1000, height: 1200 } });
    await page.setContent(renderHtml(parse(example('2023-clean')), { standalone: true }));
    const T = 'table.xxgk-requests';
    // （三）不予公开 is as tall as its 8 items together, and starts where the first one does.
    for (const [group, n] of [['refuse', 8], ['unable', 3], ['reject', 5], ['otherHandling', 3]] as const) {
      const [label] = await rects(page, `${T} th[data-row="${group}"]`);
      const items = await rects(page, `${T} tr[data-row^="${group}."]`);
      assert.equal(items.length, n);
      near(label.height, sum(items.map((r) => r.height)), `${group} label height`);
      near(label.y, items[0].y, `${group} label top`);
    }
    const [results] = await rects(page, `${T} th[data-row="results"]`);
    const body = await rects(page, `${T} tbody tr`);
    near(results.height, sum(body.slice(2, 24).map((r) => r.height)), '三、本年度办理结果 height');
    // 申请人情况 spans the 7 figure columns; the corner and the 一、 label span the 3 label columns.
    const [applicants] = await rects(page, `${T} thead tr:first-child th:nth-child(2)`);
    const figures = await rects(page, `${T} tr[data-row="new"] td`);
    assert.equal(figures.length, 7);
    near(applicants.width, sum(figures.map((r) => r.width)), '申请人情况 width');
    near(applicants.x, figures[0].x, '申请人情况 left edge');
    const [corner] = await rects(page, `${T} th.xxgk-corner`);
    const [first] = await rects(page, `${T} th[data-row="new"]`);
    near(corner.width, first.width, 'corner width = 一、 label width');
    near(corner.height, sum((await rects(page, `${T} thead tr`)).map((r) => r.height)), 'corner spans the 3 header rows');
    const [legal] = await rects(page, `${T} thead tr:nth-child(2) th:nth-child(2)`);
    near(legal.width, sum(figures.slice(1, 6).map((r) => r.width)), '法人或其他组织 width');
    // 表四: 行政诉讼 over 10 figures; 表二: block titles across the table.
    const [litigation] = await rects(page, 'table.xxgk-appeals thead tr:first-child th:nth-child(2)');
    const appealFigures = await rects(page, 'table.xxgk-appeals tbody td');
    assert.equal(appealFigures.length, 15);
    near(litigation.width, sum(appealFigures.slice(5).map((r) => r.width)), '行政诉讼 width');
    const [proactive] = await rects(page, 'table.xxgk-proactive');
    for (const title of await rects(page, 'table.xxgk-proactive th.xxgk-block')) near(title.width, proactive.width, 'block title width');
    // Figures are centred in their cells.
    const centred = await page.evaluate(`Array.from(document.querySelectorAll('${T} td')).every((td) => getComputedStyle(td).textAlign === 'center')`);
    assert.ok(centred);
    await page.close();
  });

  test(`${PAYLOADS.length} injection payloads in every part of a report never run, load or inject anything`, async (t) => {
    const b = ready(t);
    if (!b) return;
    assert.ok(PAYLOADS.length >= 30);
    for (const [name, source] of [
      ['2021', injectionReport()],
      ['legacy', injectionLegacyReport()],
    ] as const) {
      const { document: doc, diagnostics } = checkText(source);
      const pages = {
        // The export, with its CSP…
        standalone: renderHtml(doc, { standalone: true, diagnostics, sourceLines: true }),
        // …and the bare fragment in a page with no CSP at all: only the escaping stands between payload and page.
        fragment: `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${XXGK_CSS}</style></head><body>${renderHtml(doc, { diagnostics, sourceLines: true })}</body></html>`,
      };
      for (const [variant, content] of Object.entries(pages)) {
        const what = `${name} report, ${variant}`;
        const { page, dialogs, requests, errors } = await watchedPage(b);
        await page.setContent(content, { waitUntil: 'load' });
        // Give any handler that slipped through its event: hover, focus, toggle, and time to run.
        await page.evaluate(PROVOKE);
        await page.waitForTimeout(300);
        const dom = await page.evaluate<DomReport>(inspect([...RENDERER_TAGS]));
        assert.deepEqual(dialogs, [], `${what}: no dialog`);
        assert.deepEqual(requests, [], `${what}: no request`);
        assert.deepEqual(errors, [], `${what}: no script error`);
        assert.deepEqual(dom.strangers, [], `${what}: only the renderer's own elements in the body`);
        assert.equal(dom.scripts, 0, `${what}: no <script>`);
        assert.equal(dom.frames, 0, `${what}: no frames`);
        assert.equal(dom.styles, 1, `${what}: only the renderer's stylesheet`);
        assert.deepEqual(dom.onAttributes, [], `${what}: no event handler attributes`);
        assert.equal(dom.loaders, 0, `${what}: nothing with a source to load`);
        for (const href of dom.hrefs) assert.match(href, /^A:(https?:\/\/|mailto:)/i, `${what}: link ${href}`);
        assert.ok(dom.headTags.every((tag) => ['meta', 'title', 'style'].includes(tag)), `${what}: head ${dom.headTags.join(',')}`);
        if (variant === 'standalone') assert.match(dom.title, /<script>alert\(1\)<\/script>/, 'the title shows the payload as text');
        if (name === '2021' && variant === 'standalone') await page.screenshot({ path: path.join(ARTIFACTS, 'render-injections.png'), fullPage: false });
        await page.close();
      }
    }
  });
});
