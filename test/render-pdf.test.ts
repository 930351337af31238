/**
 * PDF export (issue 15, part 4): the HTML export printed by a Chromium-family browser found on the machine. The
 * browser search with made-up machines; `xxgk render -o r.pdf` with Debian's Chromium, the PDF read back (A4, page
 * numbers “— n —” at the outside edge, every table figure in its place); and the clear refusals: no browser, a
 * browser that fails, a browser that hangs. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findBrowser, PdfPrintError, printHtmlToPdf, type BrowserSearch } from '../server/src/cli/browser-pdf';
import { parse } from '../server/src/core/index';
import { runXxgk, tableCells } from './import-helpers';
import { hasPdftoppm, inkMargins, positionedPages } from './pdf-pages';

const ROOT = path.join(__dirname, '..');

function machine(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, files: string[]): BrowserSearch {
  const present = new Set(files);
  return { platform, env, isExecutable: (f) => present.has(f) };
}

describe('finding a browser to print with', () => {
  it('an explicit path wins, then XXGK_BROWSER, then CHROME_PATH, then PATH in the order chromium, chrome, edge', () => {
    const linux = machine('linux', { PATH: '/usr/local/bin:/usr/bin', XXGK_BROWSER: '/opt/x/chrome', CHROME_PATH: '/opt/y/chrome' }, ['/usr/bin/chromium', '/usr/bin/google-chrome']);
    assert.equal(findBrowser('/my/edge', linux), '/my/edge');
    assert.equal(findBrowser(undefined, linux), '/opt/x/chrome');
    assert.equal(findBrowser(' ', machine('linux', { PATH: '/usr/bin', CHROME_PATH: '/opt/y/chrome' }, [])), '/opt/y/chrome');
    assert.equal(findBrowser(undefined, machine('linux', { PATH: '/usr/local/bin:/usr/bin' }, ['/usr/bin/google-chrome', '/usr/local/bin/microsoft-edge'])), '/usr/bin/google-chrome');
    assert.equal(findBrowser(undefined, machine('linux', { PATH: '/usr/bin' }, [])), undefined);
  });

  it('the usual install places on Windows and macOS', () => {
    const win = machine('win32', { PATH: 'C:\\Windows', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe']);
    assert.equal(findBrowser(undefined, win), 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const mac = machine('darwin', { PATH: '/usr/bin', HOME: '/Users/a' }, ['/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium']);
    assert.equal(findBrowser(undefined, mac), '/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium');
  });
});

describe('xxgk render -o report.pdf', () => {
  const browser = findBrowser(undefined);

  it('prints an A4 PDF with page numbers at the outside edge and every table figure in its place', { skip: browser ? false : 'no Chromium, Chrome or Edge on this machine' }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdftest-'));
    try {
      const out = path.join(dir, '年报.pdf');
      const r = runXxgk(ROOT, dir, ['render', path.join(ROOT, 'examples', '2023-clean.xxgk'), '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /已生成/);
      const bytes = fs.readFileSync(out);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');

      const pages = await positionedPages(bytes);
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      for (const p of pages) {
        assert.ok(Math.abs(p.width - 595) < 2 && Math.abs(p.height - 842) < 2, `page ${p.number} is A4 (${p.width} × ${p.height})`);
        // GB/T 9704: the number in the bottom margin, odd pages at the right, even pages at the left.
        const number = p.items.find((i) => i.text.replace(/\s/g, '') === `—${p.number}—` || i.text.includes(`— ${p.number} —`));
        assert.ok(number, `page ${p.number} has its number “— ${p.number} —”`);
        assert.ok(number.y < 35 * 2.835, `page ${p.number}: the number is in the bottom margin (y = ${number.y})`);
        if (p.number % 2 === 1) assert.ok(number.x > p.width / 2, `odd page ${p.number}: number at the right`);
        else assert.ok(number.x < p.width / 2, `even page ${p.number}: number at the left`);
      }

      // Nothing overflows the page: the ink keeps GB/T 9704's margins (less a little for the page number's place).
      if (hasPdftoppm()) {
        for (const [k, m] of inkMargins(out, 4).entries()) {
          const [inside, outside] = k % 2 === 0 ? [m.left, m.right] : [m.right, m.left];
          assert.ok(inside >= 26 && outside >= 20 && m.top >= 30, `page ${k + 1}: margins ${JSON.stringify(m)}`);
        }
      }

      const imported = runXxgk(ROOT, dir, ['import', out, '-o', path.join(dir, 'back.xxgk')]);
      assert.equal(imported.status, 0, imported.stderr);
      const original = tableCells(parse(fs.readFileSync(path.join(ROOT, 'examples', '2023-clean.xxgk'), 'utf8')));
      const back = tableCells(parse(fs.readFileSync(path.join(dir, 'back.xxgk'), 'utf8')));
      assert.deepEqual(back, original);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a browser: says how to name one, writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdftest-'));
    try {
      const out = path.join(dir, 'r.pdf');
      const r = runXxgk(ROOT, dir, ['render', path.join(ROOT, 'examples', '2023-clean.xxgk'), '-o', out], { PATH: '', XXGK_BROWSER: '', CHROME_PATH: '' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /未找到 Chromium、Chrome 或 Edge 浏览器，无法导出 PDF.*--browser（或环境变量 XXGK_BROWSER）/);
      assert.deepEqual(fs.readdirSync(dir), []);

      const named = runXxgk(ROOT, dir, ['render', path.join(ROOT, 'examples', '2023-clean.xxgk'), '-o', out, '--browser', path.join(dir, 'no-such-browser')]);
      assert.equal(named.status, 2);
      assert.match(named.stderr, /no-such-browser 未能生成 PDF（找不到该程序）/);
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a browser that fails or hangs is reported, stopped, and leaves nothing behind', { skip: process.platform === 'win32' }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdftest-'));
    try {
      const failing = path.join(dir, 'failing-browser');
      fs.writeFileSync(failing, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', { mode: 0o755 });
      await assert.rejects(printHtmlToPdf('<p>x</p>', { browser: failing }), (err: unknown) => err instanceof PdfPrintError && err.reason === 'failed' && err.detail === 'cannot open display');

      const hanging = path.join(dir, 'hanging-browser');
      fs.writeFileSync(hanging, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 });
      const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('xxgk-pdf-')).length;
      await assert.rejects(printHtmlToPdf('<p>x</p>', { browser: hanging, timeoutMs: 300 }), (err: unknown) => err instanceof PdfPrintError && err.reason === 'timeout');
      assert.equal(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('xxgk-pdf-')).length, before, 'its temporary folder removed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
