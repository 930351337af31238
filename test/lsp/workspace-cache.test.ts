/**
 * Last year's report is parsed once and used again by every diagnostics and code-action request while it is
 * unchanged: on disk while its time and size stay, in the editor while its text stays. The file system is an injected
 * one that counts its reads, so the test says how often the file was read, not how long anything took.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/core/index';
import { Workspace, type Disk } from '../../server/src/lsp/workspace';

const report = (year: number, carried: number) =>
  `---\n机关: 某局\n年度: ${year}\n---\n# 某局${year}年政府信息公开工作年度报告\n\n正文结转${carried}件。\n`;

function fakeDisk(files: Map<string, { text: string; mtimeMs: number }>) {
  const reads: string[] = [];
  const disk: Disk = {
    stat(file) {
      const f = files.get(file);
      return f && { isFile: () => true, size: Buffer.byteLength(f.text), mtimeMs: f.mtimeMs };
    },
    read(file) {
      reads.push(file);
      const f = files.get(file);
      if (!f) throw new Error('ENOENT');
      return f.text;
    },
  };
  return { disk, reads };
}

const LAST = '/reports/2022.xxgk';
const THIS = '/reports/2023.xxgk';
const uri = (file: string) => pathToFileURL(file).toString();

function setUp(open = new Map<string, string>()) {
  const files = new Map([[LAST, { text: report(2022, 3), mtimeMs: 1000 }]]);
  const { disk, reads } = fakeDisk(files);
  const ws = new Workspace((u) => open.get(u), undefined, undefined, disk);
  ws.update(uri(LAST));
  const doc = parse(report(2023, 3));
  reads.length = 0; // the index's own read of last year's identity is not what is measured
  return { ws, files, reads, doc, open };
}

test('last year’s report on disk: read and parsed once while its time and size stay', () => {
  const { ws, reads, doc } = setUp();
  const first = ws.previousYear(doc, uri(THIS));
  assert.equal(first?.year, 2022);
  for (let k = 0; k < 5; k++) assert.equal(ws.previousYear(doc, uri(THIS)), first, 'the same parse, not a new one');
  assert.deepEqual(reads, [LAST]);
});

test('last year’s report on disk: read again once the file changes (time or size), or the watcher says so', () => {
  const { ws, files, reads, doc } = setUp();
  const first = ws.previousYear(doc, uri(THIS));
  files.set(LAST, { text: report(2022, 4), mtimeMs: 2000 });
  const second = ws.previousYear(doc, uri(THIS));
  assert.notEqual(second, first);
  assert.match(second!.text, /结转4件/);
  assert.equal(reads.length, 2);
  // Same time and size, but the watcher reported a change: read again.
  ws.update(uri(LAST));
  reads.length = 0;
  const third = ws.previousYear(doc, uri(THIS));
  assert.notEqual(third, second);
  assert.equal(reads.length, 1);
  // Removed from the workspace: nothing, and nothing kept.
  ws.remove(uri(LAST));
  assert.equal(ws.previousYear(doc, uri(THIS)), undefined);
});

test('last year’s report open in the editor: parsed once per text, never read from disk', () => {
  const open = new Map<string, string>();
  const { ws, reads, doc } = setUp(open);
  const text = report(2022, 3);
  open.set(uri(LAST), text);
  const first = ws.previousYear(doc, uri(THIS));
  assert.equal(ws.previousYear(doc, uri(THIS)), first);
  open.set(uri(LAST), report(2022, 5));
  const edited = ws.previousYear(doc, uri(THIS));
  assert.notEqual(edited, first);
  assert.match(edited!.text, /结转5件/);
  // Closed again: the file on disk, which still says 3.
  open.delete(uri(LAST));
  assert.match(ws.previousYear(doc, uri(THIS))!.text, /结转3件/);
  assert.deepEqual(reads, [LAST]);
});
