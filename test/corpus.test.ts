/**
 * Real published reports (test/corpus/reports, sources in each file and in test/corpus/README.md), checked the way a
 * reviewer checks a folder: `xxgk check` over all of them at once. Every diagnostic must be one the corpus expects
 * (test/corpus/expected.json, each with the reason it is a real problem of the published report), and every
 * expected one must be there: an unexpected diagnostic on a real report is a false alarm, and a bug.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

interface Expected {
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly why: string;
}
interface Reported {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

const dir = path.join('test', 'corpus', 'reports');
const expected: Record<string, Expected[]> = JSON.parse(fs.readFileSync(path.join('test', 'corpus', 'expected.json'), 'utf8'));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xxgk')).sort();

const run = spawnSync(process.execPath, [path.join('bin', 'xxgk.js'), 'check', '--format', 'json', '--lang', 'zh', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
const rows: Array<Reported & { kind?: string; rate?: number; previous?: string }> = run.status === 0 || run.status === 1 ? JSON.parse(run.stdout) : [];
/** Rows with a `kind` are the repetition rates of the reports checked with last year's; the others are diagnostics. */
const reported: Reported[] = rows.filter((r) => !r.kind);
const rates = rows.filter((r) => r.kind === 'repetition');

test('the corpus: every report has its expectations, and the checker ran', () => {
  assert.ok(run.status === 0 || run.status === 1, `xxgk check exited ${run.status}: ${run.stderr}`);
  assert.ok(files.length >= 15, `${files.length} real reports`);
  assert.deepEqual(Object.keys(expected).sort(), files, 'test/corpus/expected.json has an entry for each report, and only those');
});

test('the corpus: the repetition rate of each report whose previous year is in the corpus, all below the limit', () => {
  // 04–08 follow 01/04–07 (平潭综合实验区 2013–2018), 11–13 and 15–16 follow the reports before them.
  assert.ok(rates.length >= 10, `${rates.length} rates`);
  for (const r of rates) {
    assert.ok(files.includes(path.basename(r.previous!)), `${r.file}: previous ${r.previous}`);
    assert.ok(r.rate! >= 0 && r.rate! <= 0.5, `${r.file}: rate ${r.rate} (a rate above half would be a repetition warning)`);
  }
});

for (const file of files) {
  test(`real report ${file}: exactly the expected diagnostics`, () => {
    const key = (d: { line: number; rule: string; severity: string }) => `${d.line} ${d.rule} ${d.severity}`;
    const got = reported.filter((d) => path.basename(d.file) === file);
    const want = new Set((expected[file] ?? []).map(key));
    const unexpected = got.filter((d) => !want.has(key(d))).map((d) => `${key(d)}: ${d.message}`);
    const seen = new Set(got.map(key));
    const missing = (expected[file] ?? []).filter((e) => !seen.has(key(e))).map((e) => `${key(e)} (${e.why})`);
    assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
  });
}
