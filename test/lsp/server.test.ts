import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver';
import { displayWidth } from '../../server/src/core/format/tables';
import { report2021 } from '../helpers';
import { applyEdits, TestClient } from './client';

const uri = 'file:///tmp/xxgk-test/2023.xxgk';
const clean = report2021();
const lines = clean.split('\n');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('language server over stdio (push diagnostics)', () => {
  const client = new TestClient();
  before(async () => {
    const init = await client.initialize();
    assert.equal((init.capabilities as { hoverProvider: boolean }).hoverProvider, true);
  });
  after(() => client.stop());

  it('publishes no diagnostic for a clean report, and diagnostics with rule ids after an incremental edit', async () => {
    await client.open(uri, clean);
    assert.deepEqual(await client.diagnostics(uri), []);
    const line = lineOf(clean, '| （一）予以公开');
    const col = lines[line].lastIndexOf('13');
    await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col + 2 } }, text: '14' }]);
    const diagnostics = await client.diagnostics(uri);
    const sum = diagnostics.find((d) => d.code === 'table-sum' && d.range.start.line === line)!;
    assert.ok(sum, JSON.stringify(diagnostics));
    assert.match(sum.message as string, /予以公开 · 总计 为 14/);
    assert.deepEqual(sum.range, { start: { line, character: col }, end: { line, character: col + 2 } });
    assert.match(sum.codeDescription!.href, /docs\/rules\.md#table-sum$/);
  });

  it('offers the table-sum quick fix, and applying it clears the problem', async () => {
    const diagnostics = await client.diagnostics(uri);
    const sum = diagnostics.find((d) => d.code === 'table-sum')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: sum.range,
      context: { diagnostics: [sum], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.title, '把合计改为 13');
    const edits = fix.edit!.changes![uri];
    const text = applyEdits(clean.replace(/(（一）予以公开[^\n]*)13 \|/, '$114 |'), edits);
    await client.change(uri, [{ text }]);
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'table-sum'), []);
  });

  it('completes missing sections at a ## heading, with the skeleton', async () => {
    const text = report2021({ problems: '## ' });
    await client.change(uri, [{ text }]);
    const line = lineOf(text, '## ') >= 0 ? text.split('\n').findIndex((l) => l === '## ') : -1;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 3 } });
    assert.deepEqual(list.items.map((i) => i.label), ['五、存在的主要问题及改进情况']);
  });

  it('completes missing rows inside a table, by characters and by pinyin initials', async () => {
    const text = clean.replace('| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '| cfsq\n');
    await client.change(uri, [{ text }]);
    const line = lineOf(text, '| cfsq');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 } });
    assert.equal(list.items.length, 1);
    const item = list.items[0];
    assert.equal(item.label, '2.重复申请');
    assert.equal((item.textEdit as TextEdit).newText, '| 2.重复申请 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |');
    assert.equal(item.filterText, '| cfsq');
    const byChars = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } });
    assert.ok(byChars.items.some((i) => i.label === '2.重复申请'));
  });

  it('finds 不予公开 by bygk and 无法提供 items by wf', async () => {
    const text = clean.replace(/\| （三）不予公开 \|\n(\| \d\.[^\n]*\n){8}/, '| bygk\n');
    await client.change(uri, [{ text }]);
    const line = lineOf(text, '| bygk');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 } });
    const group = list.items.find((i) => i.label === '（三）不予公开')!;
    assert.ok(group, JSON.stringify(list.items.map((i) => i.label)));
    assert.equal((group.textEdit as TextEdit).newText.split('\n').length, 9);
  });

  it('completes table kinds after ::: and front matter keys and formats', async () => {
    const text = clean.replace('格式: 2021\n', '格式: \n').replace('::: 复议诉讼', '::: ');
    await client.change(uri, [{ text }]);
    const kinds = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: lineOf(text, '::: ') === -1 ? 0 : text.split('\n').findIndex((l) => l === '::: '), character: 4 } });
    assert.deepEqual(kinds.items.map((i) => i.label), ['::: 主动公开', '::: 依申请', '::: 复议诉讼']);
    const formats = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: lineOf(text, '格式: '), character: 4 } });
    assert.deepEqual(formats.items.map((i) => i.label), ['2021', '2019', 'legacy']);
  });

  it('in an empty document, completes a whole report whose year is worked out from today', async () => {
    const empty = 'file:///tmp/xxgk-test/new.xxgk';
    await client.open(empty, '');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } });
    assert.deepEqual(list.items.map((i) => i.label), ['年报（2021 格式）', '年报（2019 格式）']);
    const now = new Date();
    const year = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
    const body = (list.items[0].textEdit as TextEdit).newText;
    assert.match(body, new RegExp(`^---\\n机关: \\$\\{1:某某市某某局\\}\\n年度: \\$\\{2:${year}\\}\\n格式: 2021\\n发布日期: \\$\\{3:${year + 1}-01-20\\}\\n---`));
    assert.match(body, /## 六、其他需要报告的事项/);
    // Typed initials narrow it; a document with content gets no whole report.
    await client.change(empty, [{ text: 'nb2019' }]);
    const typed = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 6 } });
    assert.deepEqual(typed.items.map((i) => i.label), ['年报（2019 格式）']);
    assert.match((typed.items[0].textEdit as TextEdit).newText, /年度: \$\{2:2020\}/);
    await client.change(empty, [{ text: '正文。\n' }]);
    const none = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: empty }, position: { line: 1, character: 0 } });
    assert.ok(!none.items.some((i) => i.label.startsWith('年报')));
  });

  it('hovers a total with its parts, and a section heading with what it requires', async () => {
    await client.change(uri, [{ text: clean }]);
    const line = lineOf(clean, '| （一）予以公开');
    const col = lines[line].lastIndexOf('13');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: col } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /予以公开 · 总计\*\* 13 = 自然人 10 \+ 商业企业 2 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 1 \+ 其他 0 ✓/);
    // A group row written without figures is summed from its items: an item's figure counts in the totals through it.
    const itemLine = lineOf(clean, '| 4.保护第三方合法权益');
    const item = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: itemLine, character: lines[itemLine].indexOf('| 1 |') + 2 } });
    assert.match((item.contents as { value: string }).value, /计入：保护第三方合法权益 · 总计；总计 · 自然人/);
    // （七）总计 is subtracted in R3 (四 = 一 + 二 − （七）), not counted into 四: no 计入 line.
    const totalLine = lineOf(clean, '| （七）总计');
    const total = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: totalLine, character: lines[totalLine].lastIndexOf('24') } });
    assert.doesNotMatch((total.contents as { value: string }).value, /计入/);
    const heading = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(clean, '## 六、'), character: 5 } });
    assert.match((heading.contents as { value: string }).value, /信息处理费/);
  });

  it('hovers a total in prose with what its parts add up to', async () => {
    const line = lineOf(clean, '全年主动公开政府信息52条');
    const col = lines[line].indexOf('52条');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: col } });
    assert.match((hover.contents as { value: string }).value, /\*\*52条\*\* = 工作动态 40 \+ 通知公告 12 ✓/);
  });

  it('outlines sections and tables, and folds them', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const sections = symbols[0].children!;
    assert.equal(sections.length, 6);
    assert.deepEqual(sections[2].children!.map((c) => c.name), ['::: 依申请']);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === lineOf(clean, '::: 依申请')));
  });

  it('formats tables by display width, whitespace only, and a second format changes nothing', async () => {
    const messy = clean.replace('| （一）予以公开 | 10 | 2 |', '|（一）予以公开|10|   2 |');
    await client.change(uri, [{ text: messy }]);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(messy, edits);
    assert.equal(formatted.replace(/\s/g, ''), messy.replace(/\s/g, ''));
    // Every pipe of the table sits at the same display column on every row.
    const table = formatted.split('\n').filter((l) => l.startsWith('|') && formatted.indexOf(l) > formatted.indexOf('::: 依申请') && formatted.indexOf(l) < formatted.indexOf('## 四'));
    const pipeColumns = (l: string) => [...l].reduce<{ col: number; at: number[] }>((acc, ch) => (ch === '|' ? acc.at.push(acc.col) : 0, { col: acc.col + displayWidth(ch), at: acc.at }), { col: 0, at: [] }).at.join(',');
    const expected = pipeColumns(table.find((l) => l.includes('（一）予以公开'))!);
    for (const l of table.filter((x) => !/^\|\s*[一二三四]?、?(三、本年度办理结果|（[三四五六]）[^|]*)\s*\|$/.test(x))) assert.equal(pipeColumns(l), expected, l);
    await client.change(uri, [{ text: formatted }]);
    const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, []);
  });

  it('fills a table with its missing rows through one source action', async () => {
    const text = clean.replace(/\| [1-5]\.[^\n]*(申请|出版物|信息)[^\n]*\n/g, (m) => (m.includes('重复') || m.includes('出版物') ? '' : m));
    await client.change(uri, [{ text }]);
    const line = lineOf(text, '::: 依申请') + 3;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: [], only: ['source.xxgk.fillTable'] },
    });
    assert.equal(actions.length, 1);
    const filled = applyEdits(text, actions[0].edit!.changes![uri]);
    await client.change(uri, [{ text: filled }]);
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'missing-row'), []);
  });

  it('keeps serving after documents it cannot make sense of', async () => {
    const junk = 'file:///tmp/xxgk-test/junk.xxgk';
    await client.open(junk, '---\n: [\n:::\n| | |\n\u0000\uD800 ## \n:::');
    const diagnostics = await client.diagnostics(junk);
    assert.ok(diagnostics.length > 0);
    await client.change(uri, [{ text: clean }]);
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});

describe('language server with pull diagnostics', () => {
  const client = new TestClient();
  after(() => client.stop());
  it('answers textDocument/diagnostic when the client supports it', async () => {
    const init = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.ok(init.capabilities.diagnosticProvider);
    const text = report2021({ problems: '' });
    await client.open(uri, text);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['missing-section']);
  });
});

describe('language server in English', () => {
  const client = new TestClient();
  after(() => client.stop());
  it('words its diagnostics in the display language the client names', async () => {
    await client.initialize({}, { locale: 'en' });
    await client.open(uri, report2021({ problems: '' }));
    const [d] = await client.diagnostics(uri);
    assert.equal(d.code, 'missing-section');
    assert.match(d.message as string, /^[\x00-\x7f“”]*[A-Za-z]/);
    assert.match(d.message as string, /missing/i);
  });
});

describe('language server on a broken stream', () => {
  it('exits on a frame without Content-Length, so that the client can restart it', async () => {
    const { spawn } = await import('node:child_process');
    const { SERVER } = await import('./client');
    const child = spawn(process.execPath, [SERVER, '--stdio']);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.stdin.write('Foo: bar\r\n\r\n{}');
      setTimeout(() => child.kill(), 10_000);
    });
    assert.equal(code, 1);
  });
});
