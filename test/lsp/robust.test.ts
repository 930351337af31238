/**
 * Reproductions of issue 13 against the real server process: documents and requests that used to kill it, caches
 * that answered for a text the client no longer holds, fixes that broke a document without a final newline, range
 * formatting that reached outside its range, and protocol misuse.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver';
import { parse } from '../../server/src/core/index';
import { formatTables } from '../../server/src/core/format/tables';
import { report2021 } from '../helpers';
import { applyEdits, messageText, SERVER, settle, TestClient } from './client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const clean = report2021();


/**
 * Makes the server's parse throw on any text containing FAULT: computeLineStarts (the first thing `parse` does) asks
 * `text.indexOf('\r')`. Only the test's server process gets this, through NODE_OPTIONS; it stands for any defect that
 * makes the core throw (deep YAML did), whatever the core does about those.
 */
const FAULT = 'XXGK-INJECTED-FAULT';
const FAULT_HOOK = `data:text/javascript,${encodeURIComponent(
  `const indexOf = String.prototype.indexOf; String.prototype.indexOf = function (s, ...rest) { if (s === '\\r' && this.includes('${FAULT}')) throw new RangeError('injected fault'); return indexOf.call(this, s, ...rest); };`,
)}`;

function clientWith(nodeOptions: string): TestClient {
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} ${nodeOptions}`.trim();
  try {
    return new TestClient();
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
}

/** Push diagnostics after a real debounce, so that checks run in a timer as they do in an editor. */
const DEBOUNCED = { initializationOptions: { settings: { validate: { delay: 20 } } } };

/** The server still answers on a healthy document: diagnostics of a fresh open, and a hover on a total. */
async function stillServes(client: TestClient, uri: string): Promise<void> {
  assert.equal(client.process.exitCode, null, `the server exited; stderr: ${client.stderr}`);
  const text = clean.replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');
  await client.open(uri, text);
  const diagnostics = await client.diagnostics(uri);
  assert.ok(diagnostics.some((d) => d.code === 'table-sum'), JSON.stringify(diagnostics));
  const line = lineOf(text, '| （一）予以公开');
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line].lastIndexOf('14') } });
  assert.match((hover.contents as { value: string }).value, /予以公开 · 总计/);
}

describe('item 1: the server survives any document and any request', () => {
  const client = clientWith(`--import=${FAULT_HOOK}`);
  const logs: string[] = [];
  before(async () => {
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    await client.initialize({}, DEBOUNCED);
  });
  after(() => client.stop());

  it('a didOpen with text null (and other malformed opens and changes) is logged and ignored; the server keeps serving', async () => {
    const bad = 'file:///tmp/xxgk-robust/null.xxgk';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'xxgk', version: 1, text: null } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'xxgk', version: 1, text: 7 } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'xxgk', version: 'one', text: '' } });
    await sleep(300); // past the debounce: a check of any of these would run now
    await stillServes(client, 'file:///tmp/xxgk-robust/ok1.xxgk');
    // The malformed document was never opened: requests on it find nothing.
    assert.equal((await settle(client.request('textDocument/hover', { textDocument: { uri: bad }, position: { line: 0, character: 0 } }))).result, null);
    assert.ok(logs.some((m) => m.includes('textDocument/didOpen')), logs.join('\n'));
    // A valid open, then changes of the wrong shape: ignored, the document keeps its text.
    const u = 'file:///tmp/xxgk-robust/changes.xxgk';
    await client.open(u, clean);
    await client.diagnostics(u);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: null }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 5 }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: null }, contentChanges: [{ text: 'x' }] });
    await sleep(300);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.equal(symbols.length, 1);
    await stillServes(client, 'file:///tmp/xxgk-robust/ok2.xxgk');
  });

  it('a document whose check throws in the debounce timer gets one diagnostic saying so and one log line; requests on it are answered; the others are served', async () => {
    const u = 'file:///tmp/xxgk-robust/fault.xxgk';
    const before = logs.length;
    const text = clean.replace('扎实推进', `扎实推进${FAULT}`);
    await client.open(u, text);
    const diagnostics = await client.diagnostics(u);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'internal-error');
    assert.match(messageText(diagnostics[0]), /injected fault/);
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      const outcome = await settle(client.request(method, { textDocument: { uri: u }, position: { line: 3, character: 1 } }));
      assert.ok(outcome.code === undefined || outcome.code === -32603, `${method}: ${JSON.stringify(outcome)}`);
    }
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/formatting']) {
      const outcome = await settle(client.request(method, { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } }));
      assert.ok(outcome.code === undefined || outcome.code === -32603, `${method}: ${JSON.stringify(outcome)}`);
    }
    const actions = await settle(client.request('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }));
    assert.ok(actions.code === undefined || actions.code === -32603, JSON.stringify(actions));
    // The same failure again (another change to the same broken text) is not logged again.
    await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.diagnostics(u);
    const reported = logs.slice(before).filter((m) => m.includes('injected fault'));
    assert.equal(reported.length, 1, reported.join('\n'));
    await stillServes(client, 'file:///tmp/xxgk-robust/ok3.xxgk');
    // Once the text is fixed, the document is checked normally again.
    await client.change(u, [{ text: clean }]);
    assert.deepEqual(await client.diagnostics(u), []);
  });

  it('the deep front matter of the issue (2,500 nested sequences) does not take the server down', async () => {
    const u = 'file:///tmp/xxgk-robust/deep.xxgk';
    await client.open(u, `---\nx:\n  ${'- '.repeat(2500)}a\n机关: 某局\n---\n# t\n`);
    await client.diagnostics(u);
    await stillServes(client, 'file:///tmp/xxgk-robust/ok4.xxgk');
  });
});

describe('item 1, pull diagnostics: a document whose check throws', () => {
  const client = clientWith(`--import=${FAULT_HOOK}`);
  after(() => client.stop());

  it('is reported by textDocument/diagnostic as one internal-error item; the next document is checked as usual', async () => {
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    const u = 'file:///tmp/xxgk-robust/pull-fault.xxgk';
    await client.open(u, clean.replace('扎实推进', `扎实推进${FAULT}`));
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } });
    assert.deepEqual(report.items.map((d) => d.code), ['internal-error']);
    const ok = 'file:///tmp/xxgk-robust/pull-ok.xxgk';
    await client.open(ok, clean);
    assert.deepEqual((await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: ok } })).items, []);
  });
});

describe('item 8: caches follow the text the client holds', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  const messy = clean.replace('| （一）予以公开 | 10 | 2 |', '|（一）予以公开|10|   2 |').replace('| 行政复议 | 1 |', '|行政复议|  1 |');
  const prose = clean.replace(/\n(\||:::)[^\n]*/g, '\n这一行是正文，不是表格。');

  const open = (uri: string, version: number, text: string) =>
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk', version, text } });
  const format = (uri: string) => client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });

  it('a second didOpen of the same uri and version with new text: formatting edits fit the new text', async () => {
    const u = 'file:///tmp/xxgk-robust/reopen.xxgk';
    await open(u, 1, messy);
    assert.ok((await format(u)).length > 0);
    await open(u, 1, prose);
    const edits = await format(u);
    assert.equal(applyEdits(prose, edits), prose, `formatting a text without tables edited it: ${JSON.stringify(edits.slice(0, 3))}`);
    const symbols = await client.request<Array<{ children?: unknown[] }>>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.ok(!JSON.stringify(symbols).includes(':::'), 'the outline still shows the tables of the old text');
  });

  it('a change that moves the version back: diagnostics, formatting and quick fixes follow the new text', async () => {
    const u = 'file:///tmp/xxgk-robust/back.xxgk';
    await open(u, 5, messy);
    assert.ok((await format(u)).length > 0);
    const wrong = prose.replace('全年主动公开政府信息52条', '全年主动公开政府信息53条');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 5 }, contentChanges: [{ text: wrong }] });
    const edits = await format(u);
    assert.equal(applyEdits(wrong, edits), wrong);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: lineOf(wrong, '53条'), character: wrong.split('\n')[lineOf(wrong, '53条')].indexOf('53条') } });
    assert.match((hover!.contents as { value: string }).value, /53条/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 3 }, contentChanges: [{ text: messy }] });
    const again = await format(u);
    const formatted = applyEdits(messy, again);
    assert.equal(formatted.replace(/\s/g, ''), messy.replace(/\s/g, ''));
    assert.notEqual(formatted, messy);
  });
});

describe('item 8, sibling: what the workspace knows of a report follows the text too', () => {
  it('a report closed without saving its edits is known again by its file on disk (cross-year check)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-ws-'));
    const client = new TestClient();
    try {
      const lastYear = report2021({ frontMatter: '---\n机关: 测试市测试局\n年度: 2022\n格式: 2021\n发布日期: 2023-01-20\n---', title: '# 测试市测试局2022年政府信息公开工作年度报告' });
      fs.writeFileSync(path.join(dir, '2022.xxgk'), lastYear);
      const thisYear = clean.replace('| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |');
      await client.initialize({}, { rootUri: pathToFileURL(dir).toString() });
      const last = pathToFileURL(path.join(dir, '2022.xxgk')).toString();
      const now = pathToFileURL(path.join(dir, '2023.xxgk')).toString();
      // Edited in the editor to another agency's report, then closed without saving.
      await client.open(last, lastYear.replace('机关: 测试市测试局', '机关: 别的局'));
      await client.diagnostics(last);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: last } });
      await client.open(now, thisYear);
      const cross = (await client.diagnostics(now)).filter((d) => d.code === 'cross-year' && messageText(d).includes('上年结转'));
      assert.equal(cross.length, 2, JSON.stringify(cross.map((d) => d.message)));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('item 12: fixes that insert lines at the end of a document without a final newline', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  const head = report2021().split('## 三、')[0] + '## 三、收到和处理政府信息公开申请情况\n\n';

  async function quickFixes(uri: string, text: string, rule: string): Promise<CodeAction[]> {
    await client.change(uri, [{ text }]);
    const diagnostics = (await client.diagnostics(uri)).filter((d) => d.code === rule);
    assert.ok(diagnostics.length > 0, `no ${rule}`);
    const actions: CodeAction[] = [];
    for (const d of diagnostics) {
      actions.push(...(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })));
    }
    return actions;
  }

  it('`::: 依申请` as the last line: the quick fix and the fill-table action put the rows on lines of their own', async () => {
    const u = 'file:///tmp/xxgk-robust/eof.xxgk';
    const text = `${head}::: 依申请`;
    await client.open(u, text);
    const [fix] = await quickFixes(u, text, 'missing-row');
    const fixed = applyEdits(text, fix.edit!.changes![u]);
    assert.ok(fixed.startsWith(`${text}\n| `), JSON.stringify(fixed.slice(text.length - 10, text.length + 40)));
    const line = lineOf(text, '::: 依申请');
    const [fill] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line, character: 3 }, end: { line, character: 3 } }, context: { diagnostics: [], only: ['source.xxgk.fillTable'] } });
    const filled = applyEdits(text, fill.edit!.changes![u]);
    assert.ok(filled.startsWith(`${text}\n| `), JSON.stringify(filled.slice(text.length - 10, text.length + 40)));
    await client.change(u, [{ text: `${filled}\n:::\n` }]);
    assert.deepEqual((await client.diagnostics(u)).filter((d) => d.code === 'missing-row' || d.code === 'syntax'), []);
  });

  it('an unclosed table whose last row is the last line: each missing row, and all of them at once, go on new lines', async () => {
    const u = 'file:///tmp/xxgk-robust/eof-rows.xxgk';
    const table = report2021().split('::: 依申请')[1].split('\n| （七）总计')[0];
    const text = `${head}::: 依申请${table}`;
    assert.ok(!text.endsWith('\n'));
    await client.open(u, text);
    const fixes = await quickFixes(u, text, 'missing-row');
    assert.equal(fixes.length, 2);
    for (const fix of fixes) {
      const fixed = applyEdits(text, fix.edit!.changes![u]);
      assert.ok(fixed.startsWith(`${text}\n| `), JSON.stringify(fixed.slice(text.length - 10)));
      assert.equal(fixed.split('\n').length, text.split('\n').length + 1);
    }
    const line = lineOf(text, '::: 依申请') + 3;
    const [fill] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [], only: ['source.xxgk.fillTable'] } });
    const filled = applyEdits(text, fill.edit!.changes![u]);
    assert.ok(filled.startsWith(`${text}\n| （七）总计 |`), JSON.stringify(filled.slice(text.length - 10)));
    assert.deepEqual(filled.slice(text.length).split('\n').map((l) => l.split('|')[1]?.trim()), [undefined, '（七）总计', '四、结转下年度继续办理']);
  });
});

describe('item 13: range formatting stays inside the range', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  it('formatting one row of a misaligned table edits that row only', async () => {
    const u = 'file:///tmp/xxgk-robust/range.xxgk';
    const text = clean.replace(/\| ([^|\n]+) \|/g, '|$1|');
    await client.open(u, text);
    const whole = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(whole.length > 10);
    const line = lineOf(text, '|（一）予以公开');
    const range = { start: { line, character: 0 }, end: { line, character: text.split('\n')[line].length } };
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: u }, range, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length >= 1);
    for (const e of edits) assert.ok(e.range.start.line === line && e.range.end.line === line, JSON.stringify(e.range));
    // The row formatted alone is aligned as it is in the whole table.
    const alone = applyEdits(text, edits).split('\n')[line];
    assert.equal(alone, applyEdits(text, whole).split('\n')[line]);
    // Two rows: edits on those two lines only; a range in prose: none; an empty range in a row: that row.
    const two = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: u }, range: { start: { line, character: 3 }, end: { line: line + 1, character: 2 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual([...new Set(two.map((e) => e.range.start.line))], [line, line + 1]);
    const prose = lineOf(text, '扎实推进');
    assert.deepEqual(await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: u }, range: { start: { line: prose, character: 0 }, end: { line: prose, character: 5 } }, options: { tabSize: 2, insertSpaces: true } }), []);
    const cursor = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: u }, range: { start: { line, character: 4 }, end: { line, character: 4 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(cursor.map((e) => e.range.start.line), [line]);
  });
});

describe('item 13, sibling: formatting a table of 150,000 rows', () => {
  it('is answered (the edits were gathered with push(...), which overflowed the stack)', () => {
    let rows = '';
    for (let k = 0; k < 150_000; k++) rows += `|a${k}|${k}|\n`;
    const edits = formatTables(parse(`| 项目 | 数量 |\n|---|---|\n${rows}`));
    assert.equal(edits.length, 150_002);
  });
});

describe('item 17: protocol edge cases', () => {
  it('a frame with Content-Length: -5: one line on stderr and the server exits, so that the client can restart it', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    child.stdin.on('error', () => undefined); // the server may be gone before the last write
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.stdin.write(frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'));
      child.stdin.write('Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}');
      setTimeout(() => child.kill(), 10_000);
    });
    assert.equal(code, 1, `exit ${code}; stderr: ${err}`);
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.match(err, /Content-Length/);
  });

  it('requests before initialize are answered ServerNotInitialized (-32002), notifications are dropped; a second initialize is rejected', async () => {
    const client = new TestClient();
    try {
      const uri = 'file:///tmp/xxgk-robust/early.xxgk';
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
        ['textDocument/diagnostic', { textDocument: { uri } }],
        ['xxgk/noSuchMethod', {}],
        ['shutdown', undefined],
      ] as const) {
        const outcome = await settle(client.request(method, params));
        assert.equal(outcome.code, -32002, `${method}: ${JSON.stringify(outcome)}`);
      }
      await client.open(uri, clean);
      const init = await client.initialize();
      assert.equal((init.capabilities as { hoverProvider: boolean }).hoverProvider, true);
      // The open before initialize was dropped.
      assert.equal((await settle(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }))).result, null);
      const again = await settle(client.request('initialize', { processId: null, rootUri: null, capabilities: {} }));
      assert.equal(again.code, -32600, JSON.stringify(again));
      assert.equal((await settle(client.request('xxgk/noSuchMethod', {}))).code, -32601);
      await stillServes(client, 'file:///tmp/xxgk-robust/after-init.xxgk');
    } finally {
      await client.stop();
    }
  });

  it('a .xxgkrc.json with 70,000 unknown rule ids: a bounded message from check and from the server, no stack overflow', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rc-'));
    try {
      const rules: Record<string, string> = {};
      // Short ids, so that the file stays under the 1 MB a configuration may have: the list itself must be bounded.
      for (let k = 0; k < 70_000; k++) rules[`x${k}`] = 'off';
      fs.writeFileSync(path.join(dir, '.xxgkrc.json'), JSON.stringify({ rules }));
      fs.writeFileSync(path.join(dir, 'a.xxgk'), clean);
      const cli = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'xxgk.js'), 'check', 'a.xxgk'], { cwd: dir, encoding: 'utf8' });
      assert.equal(cli.status, 2, cli.stderr);
      assert.doesNotMatch(cli.stderr, /内部错误|stack/i);
      assert.match(cli.stderr, /"x0"/);
      assert.match(cli.stderr, /69[,，]?9\d\d/);
      assert.ok(cli.stderr.length < 5000, `${cli.stderr.length} characters on stderr`);

      const client = new TestClient();
      try {
        await client.initialize({}, { rootUri: pathToFileURL(dir).toString() });
        const uri = pathToFileURL(path.join(dir, 'a.xxgk')).toString();
        await client.open(uri, clean);
        const diagnostics: Diagnostic[] = await client.diagnostics(uri);
        const config = diagnostics.filter((d) => d.code === 'config');
        assert.equal(config.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
        const message = messageText(config[0]);
        assert.match(message, /x0/);
        assert.ok(message.length < 5000, `${message.length} characters`);
        assert.equal(client.process.exitCode, null);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
