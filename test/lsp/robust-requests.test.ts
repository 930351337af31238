/**
 * Issue 13, the second attack on the language server (2026-12-01): requests that answered about the wrong line, took
 * quadratic time, accepted malformed changes, wrote the wrong line breaks or fixed totals from stale figures. Each
 * runs against the real server process over stdio.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, TextEdit } from 'vscode-languageserver';
import { headingEnds, parse } from '../../server/src/core/index';
import { report2021 } from '../helpers';
import { TestClient } from './client';

/** Time is not asserted (bench/ measures it); the timeout only stops a hang. */
const HANG = { timeout: 120_000 };
const FORMAT = { tabSize: 2, insertSpaces: true };
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('a position past the end of its line means the end of that line', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  it('completion and range formatting answer about the line asked for, not the next one', async () => {
    const uri = 'file:///tmp/xxgk-robust/past-eol.xxgk';
    const text = '---\n机关: 滨江市市场监督管理局\n年度: 2023\n---\n\n# 标题\n\n| 甲 | 乙 |\n|---|---|\n| 一 | 1 |\n| 二二二二 | 2 |\n';
    await client.open(uri, text);
    await client.diagnostics(uri);
    // Line 0 is `---` (3 characters). Clamped to the next line's start, the completion replaced `机关: …` there.
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 10 } });
    for (const item of list?.items ?? []) {
      const edit = item.textEdit as TextEdit | undefined;
      if (edit) assert.equal(edit.range.start.line, 0, JSON.stringify(edit.range));
    }
    // An empty range past the end of the row `| 一 | 1 |`: edits of that row only (the next row is misaligned too).
    const row = lineOf(text, '| 一 |');
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: row, character: 99 }, end: { line: row, character: 99 } }, options: FORMAT });
    assert.ok(edits.length > 0);
    for (const e of edits) assert.ok(e.range.start.line === row && e.range.end.line === row, JSON.stringify(e.range));
  });

  it('with CRLF line breaks, the end of the line is before the CR', async () => {
    const uri = 'file:///tmp/xxgk-robust/past-eol-crlf.xxgk';
    const text = '| 甲 | 乙 |\r\n|---|---|\r\n| 一 | 1 |\r\n| 二二二二 | 2 |\r\n';
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 2, character: 50 }, end: { line: 2, character: 50 } }, options: FORMAT });
    assert.ok(edits.length > 0);
    for (const e of edits) {
      assert.ok(e.range.start.line === 2 && e.range.end.line === 2, JSON.stringify(e.range));
      assert.doesNotMatch(e.newText, /[\r\n]/);
    }
  });
});

describe('folding ranges and the outline take linear time in the number of headings', () => {
  it('headingEnds gives each heading the start of the next one of its level or higher (checked against a search)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, k) => `${'#'.repeat(1 + Math.floor(random() * 4))} h${k}\n\n正文。\n`);
      const doc = parse(lines.join(''));
      const ends = headingEnds(doc.headings, doc.text.length);
      doc.headings.forEach((h, k) => {
        const next = doc.headings.slice(k + 1).find((o) => o.level <= h.level);
        assert.equal(ends[k], next ? next.span.start : doc.text.length);
      });
    }
  });

  it('100,000 headings: folding ranges and document symbols are answered, nested as the levels say', HANG, async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///tmp/xxgk-robust/headings.xxgk';
      // 40,000 headings took 28 s for folding ranges and 42 s for the outline (a search from each heading for the next one).
      const text = '# 报告\n' + '## 一、总体情况\n正文。\n### 小节\n正文。\n'.repeat(50_000);
      await client.open(uri, text);
      const folding = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.equal(folding.filter((r) => r.kind === 'region').length, 100_001);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 1);
      assert.equal(symbols[0].children!.length, 50_000);
      assert.deepEqual(symbols[0].children![1].children!.map((s) => s.name), ['小节']);
      assert.equal(symbols[0].children![0].detail, '总体情况');
    } finally {
      await client.stop();
    }
  });
});

describe('a didChange with a malformed range is dropped whole', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  const pageText = async (uri: string) => {
    const page = await client.request<{ html: string }>('xxgk/render', { textDocument: { uri }, kind: 'html' });
    // The report's own text: the page's article, without the stylesheet and the title around it.
    return page.html.slice(page.html.indexOf('<article'), page.html.indexOf('</article>')).replace(/<[^>]*>/g, '');
  };

  it('a range with a line of 0.5 is not applied as a whole-text change (it duplicated text)', async () => {
    const uri = 'file:///tmp/xxgk-robust/malformed-a.xxgk';
    await client.open(uri, 'FIRST abc\n');
    await client.change(uri, [{ range: { start: { line: 0.5, character: 0 }, end: { line: 0, character: 1 } }, text: 'Z' }]);
    const html = await pageText(uri);
    assert.match(html, /FIRST abc/);
    assert.doesNotMatch(html, /FZ|ZFIRST/);
  });

  it('[a valid change, one with range null]: neither is applied (the first was, and the version was lost)', async () => {
    const uri = 'file:///tmp/xxgk-robust/malformed-b.xxgk';
    await client.open(uri, 'abc\n');
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'FIRST ' }, { range: null, text: 'x' }]);
    const html = await pageText(uri);
    assert.match(html, /abc/);
    assert.doesNotMatch(html, /FIRST|x/);
  });
});

describe('fixes that insert lines write the document’s own line break', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  // The 依申请 table without its 四、结转下年度继续办理 row: a missing-row fix and the fill-table action insert a line.
  const lf = report2021().replace(/\| 四、结转下年度继续办理[^\n]*\n/, '');

  for (const [name, lineBreak] of [
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`${name}: the missing-row quick fix, the fill-table action and the missing-section fix`, async () => {
      const uri = `file:///tmp/xxgk-robust/breaks-${name}.xxgk`;
      const text = lf.replace(/## 六、其他需要报告的事项[\s\S]*$/, '').replace(/\n/g, lineBreak);
      await client.open(uri, text);
      const diagnostics: Diagnostic[] = await client.diagnostics(uri);
      const wanted = diagnostics.filter((d) => d.code === 'missing-row' || d.code === 'missing-section');
      assert.deepEqual([...new Set(wanted.map((d) => d.code))].sort(), ['missing-row', 'missing-section']);
      const newTexts: string[] = [];
      for (const d of wanted) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const a of actions) for (const e of a.edit?.changes?.[uri] ?? []) newTexts.push(e.newText);
      }
      assert.ok(newTexts.some((t) => t.includes(lineBreak)), JSON.stringify(newTexts));
      for (const t of newTexts) assert.equal(t.replace(/\r\n|\r|\n/g, lineBreak), t, `a mixed line break in ${JSON.stringify(t)}`);
    });
  }
});
