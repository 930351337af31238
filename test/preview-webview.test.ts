/**
 * The preview's webview script (client/preview-src, bundled as scripts/build.mjs bundles it into media/preview.js, but
 * in memory so that no build is needed first) in real headless Chromium, with VS Code's webview API stubbed:
 * content updates in place keeping the scroll position, scrolling to a source line, reporting the top line back,
 * double-click to source, the summary bar, and the “as printed” toggle.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkText } from '../server/src/core/index';
import { renderHtml, renderStyles } from '../server/src/core/render/index';
import { ensureChromium, INSTALL_TIMEOUT, launchChromium } from './browser';

const root = path.join(__dirname, '..');
/** The webview script, bundled from its TypeScript source with the build's own options. */
async function bundledScript(): Promise<string> {
  const esbuild = await import('esbuild');
  const { previewOptions } = await import('../scripts/preview-bundle.mjs');
  const result = await esbuild.build({ ...previewOptions, absWorkingDir: root, write: false });
  return result.outputFiles[0].text;
}
const css = fs.readFileSync(path.join(root, 'media', 'preview.css'), 'utf8');
const errors = fs.readFileSync(path.join(root, 'examples', '2023-errors.xxgk'), 'utf8');

function body(text: string): string {
  const { document, diagnostics } = checkText(text);
  return renderHtml(document, { sourceLines: true, diagnostics });
}

/** The page the extension builds (client/src/preview/shell.ts), with acquireVsCodeApi recording what is posted. */
function page(initial: string, script: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${renderStyles()}</style><style>${css}</style></head>
<body class="vscode-light"><div class="xxgk-toolbar"><button type="button" id="xxgk-print-toggle" aria-pressed="false">按打印样式</button></div>
<main id="xxgk-preview">${initial}</main>
<script>window.posted = []; let saved; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => saved, setState: (s) => { saved = s; } });</script>
<script>${script}</script></body></html>`;
}

describe('preview webview script in headless Chromium', () => {
  let browser: Browser | undefined;
  let skip: string | undefined;
  let p: Page;
  before(async () => {
    skip = ensureChromium();
    if (skip) return;
    browser = await launchChromium();
    p = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await p.setContent(page(body(errors), await bundledScript()));
  }, { timeout: INSTALL_TIMEOUT + 60_000 });
  after(async () => browser?.close());
  const ready = (t: TestContext) => (skip ? (t.skip(skip), false) : true);

  it('says it is ready and marks problems from the diagnostics', async (t) => {
    if (!ready(t)) return;
    assert.deepEqual(await p.evaluate(() => (window as unknown as { posted: unknown[] }).posted[0]), { type: 'ready' });
    assert.ok((await p.locator('.xxgk-problem').count()) > 10);
    assert.match((await p.locator('.xxgk-summary').first().textContent()) ?? '', /个错误/);
  });

  it('scrolls to a source line, and reports the top line when the user scrolls', async (t) => {
    if (!ready(t)) return;
    const line = errors.split('\n').findIndex((l) => l.startsWith('| （七）总计'));
    await p.evaluate((l) => window.postMessage({ type: 'scrollToLine', line: l }, '*'), line);
    await p.waitForFunction(() => window.scrollY > 300);
    const top = await p.evaluate(() => (window as unknown as { xxgkTopLine: () => number }).xxgkTopLine());
    assert.ok(Math.abs(top - line) <= 3, `top line ${top} near ${line}`);
    // The user scrolls after our own scroll has settled (echoes of programmatic scrolls are ignored for 100 ms).
    await p.waitForTimeout(200);
    await p.evaluate(() => {
      (window as unknown as { posted: unknown[] }).posted.length = 0;
      window.scrollBy(0, -400);
    });
    await p.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some((m) => m.type === 'revealLine'));
  });

  it('updates in place without losing the scroll position', async (t) => {
    if (!ready(t)) return;
    const y = await p.evaluate(() => window.scrollY);
    const edited = errors.replace('| （一）予以公开 |', '| （一）予以公开 |').replace(/(\| 一、本年新收政府信息公开申请数量 \|[^\n]*\| )(\d+)( \|\n)/, '$1999$3');
    await p.evaluate((html) => window.postMessage({ type: 'update', html, uri: 'file:///r.xxgk', version: 2 }, '*'), body(edited));
    await p.waitForFunction(() => document.body.getAttribute('data-ready') === '2');
    assert.equal(await p.evaluate(() => window.scrollY), y);
    assert.ok((await p.locator('td', { hasText: /^999$/ }).count()) === 1);
  });

  it('measures the new layout after an update (the element cache is per rendered version)', async (t) => {
    if (!ready(t)) return;
    const line = errors.split('\n').findIndex((l) => l.startsWith('| （七）总计'));
    await p.evaluate((l) => window.postMessage({ type: 'scrollToLine', line: l }, '*'), line);
    await p.waitForFunction(() => window.scrollY > 300);
    // Forty more paragraphs before the table: every element below moves down, and the lines move by 80.
    const padding = Array.from({ length: 40 }, (_, k) => `补充说明第${k + 1}段。`).join('\n\n');
    const longer = errors.replace(/\n## 三、/, `\n${padding}\n\n## 三、`);
    await p.evaluate((html) => window.postMessage({ type: 'update', html, uri: 'file:///r.xxgk', version: 3 }, '*'), body(longer));
    await p.waitForFunction(() => document.body.getAttribute('data-ready') === '3');
    const moved = longer.split('\n').findIndex((l) => l.startsWith('| （七）总计'));
    await p.waitForTimeout(150);
    await p.evaluate((l) => window.postMessage({ type: 'scrollToLine', line: l }, '*'), moved);
    await p.waitForFunction((l) => Math.abs((window as unknown as { xxgkTopLine: () => number }).xxgkTopLine() - l) <= 3, moved);
    await p.evaluate((html) => window.postMessage({ type: 'update', html, uri: 'file:///r.xxgk', version: 4 }, '*'), body(errors));
    await p.waitForFunction(() => document.body.getAttribute('data-ready') === '4');
  });

  it('double-click on a figure asks for its source cell', async (t) => {
    if (!ready(t)) return;
    await p.evaluate(() => ((window as unknown as { posted: unknown[] }).posted.length = 0));
    const cell = p.locator('td[data-row="open"][data-col="total"]');
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    const line = errors.split('\n').findIndex((l) => l.startsWith('| （一）予以公开'));
    const posted = await p.evaluate(() => (window as unknown as { posted: Array<{ type: string }> }).posted.filter((m) => m.type === 'openSource'));
    assert.deepEqual(posted, [{ type: 'openSource', line, column: 'total' }]);
  });

  it('the “as printed” toggle shows the white A4 page and remembers it', async (t) => {
    if (!ready(t)) return;
    await p.click('#xxgk-print-toggle');
    assert.equal(await p.evaluate(() => document.body.classList.contains('xxgk-printed')), true);
    const width = await p.evaluate(() => document.getElementById('xxgk-preview')!.getBoundingClientRect().width);
    assert.ok(Math.abs(width - (210 / 25.4) * 96) < 2, `A4 width ${width}`);
    fs.mkdirSync(path.join(root, 'test', 'artifacts'), { recursive: true });
    await p.screenshot({ path: path.join(root, 'test', 'artifacts', 'preview-printed.png') });
    await p.click('#xxgk-print-toggle');
    assert.equal(await p.evaluate(() => document.body.classList.contains('xxgk-printed')), false);
  });

  it('renders a dark theme legibly (text takes the theme colour)', async (t) => {
    if (!ready(t)) return;
    await p.evaluate(() => {
      document.body.className = 'vscode-dark';
      document.body.style.setProperty('--vscode-editor-background', '#1e1e1e');
      document.body.style.setProperty('--vscode-editor-foreground', '#d4d4d4');
    });
    const colour = await p.evaluate(() => getComputedStyle(document.querySelector('.xxgk-doc td')!).color);
    assert.equal(colour, 'rgb(212, 212, 212)');
    await p.screenshot({ path: path.join(root, 'test', 'artifacts', 'preview-dark.png') });
  });
});
