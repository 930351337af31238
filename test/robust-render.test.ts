/**
 * Issue 13, the renderer and the exports under hostile input: each reproduction from the issue, and its siblings.
 * Time is never asserted tightly: a bound a quadratic run would blow by far, or 10× the input against ≤ 20× the time.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nonce } from '../client/src/preview/nonce';
import { example, ROOT } from './render-helpers';

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-robust-render-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The CLI from source (no build needed), in Chinese. */
function xxgk(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const full: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', ...env };
  delete full.LC_ALL;
  delete full.LC_MESSAGES;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(ROOT, 'server', 'src', 'cli', 'main.ts'), ...args], { cwd: tmp, env: full, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('item 11: render never writes over its input, whatever name OUT has', () => {
  test('a hard link to the report, with --force: refused, the report intact', () => {
    const report = path.join(tmp, 'r.xxgk');
    fs.writeFileSync(report, example('2023-clean'));
    fs.linkSync(report, path.join(tmp, 'o.html'));
    const r = xxgk(['render', 'r.xxgk', '-o', 'o.html', '--force']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /输出文件不能是输入文件本身：o\.html/);
    assert.equal(fs.readFileSync(report, 'utf8'), example('2023-clean'));
  });

  test('a symbolic link to the report, and a link to a link: refused', () => {
    const report = path.join(tmp, 's.xxgk');
    fs.writeFileSync(report, example('2023-clean'));
    fs.symlinkSync('s.xxgk', path.join(tmp, 's.html'));
    fs.symlinkSync('s.html', path.join(tmp, 's2.docx'));
    for (const out of ['s.html', 's2.docx']) {
      const r = xxgk(['render', 's.xxgk', '-o', out, '--force']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /输出文件不能是输入文件本身/);
    }
    assert.equal(fs.readFileSync(report, 'utf8'), example('2023-clean'));
  });

  test('the report read through a hard link, written to its other name: refused', () => {
    const report = path.join(tmp, 'h.xxgk');
    fs.writeFileSync(report, example('2023-clean'));
    fs.linkSync(report, path.join(tmp, 'h-link.xxgk'));
    const r = xxgk(['render', 'h-link.xxgk', '-o', 'h.xxgk', '--force']);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(fs.readFileSync(report, 'utf8'), example('2023-clean'));
  });
});

describe('item 18: the preview nonce', () => {
  test('comes from a cryptographic source, not Math.random', () => {
    const random = Math.random;
    Math.random = () => 0.5;
    try {
      const a = nonce();
      const b = nonce();
      assert.notEqual(a, b);
      assert.match(a, /^[A-Za-z0-9_-]{32}$/);
    } finally {
      Math.random = random;
    }
    const seen = new Set(Array.from({ length: 1000 }, () => nonce()));
    assert.equal(seen.size, 1000);
    const shell = fs.readFileSync(path.join(ROOT, 'client', 'src', 'preview', 'shell.ts'), 'utf8');
    assert.doesNotMatch(shell, /Math\.random/);
  });
});
