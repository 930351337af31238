/**
 * Golden renders: the HTML of every example and every real report (fragment with source lines, and the standalone
 * page), with LF and with CRLF line ends, held as SHA-256 digests in test/render-golden.json. A change to the parser or
 * the renderer that alters a byte of any of them fails here; when the change is meant, rewrite the digests with
 * `XXGK_UPDATE_GOLDEN=1 npx tsx --test test/render-golden.test.ts` and say why in the commit.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from '../server/src/core/index';
import { renderHtml } from '../server/src/core/render/index';

const ROOT = path.join(__dirname, '..');
const GOLDEN = path.join(__dirname, 'render-golden.json');

function inputs(): Array<[string, string]> {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'corpus', 'reports')];
  const out: Array<[string, string]> = [];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xxgk')).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const name = path.relative(ROOT, path.join(dir, f)).split(path.sep).join('/');
      out.push([name, text], [`${name} (CRLF)`, text.replace(/\r?\n/g, '\r\n')]);
    }
  }
  return out;
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

test('every example and real report renders to the golden HTML, byte for byte', () => {
  const actual: Record<string, string> = {};
  for (const [name, text] of inputs()) {
    const doc = parse(text);
    actual[`${name} · fragment`] = digest(renderHtml(doc, { sourceLines: true }));
    actual[`${name} · standalone`] = digest(renderHtml(doc, { standalone: true }));
  }
  if (process.env.XXGK_UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
  const golden: Record<string, string> = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(golden).sort(), 'the set of rendered reports changed: update the golden digests');
  for (const [key, value] of Object.entries(actual)) assert.equal(value, golden[key], `${key} renders differently`);
});
