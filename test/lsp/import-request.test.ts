/**
 * `xxgk/import` and `xxgk/convertPaste` through the real server process: the VS Code import command and the
 * paste option ask the server, which runs the same importer as `xxgk import`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from '../../server/src/core/index';
import { renderDocx } from '../../server/src/core/render/docx';
import { CONVERT_PASTE, IMPORT, type ConvertPasteReply, type ImportReply } from '../../server/src/lsp/protocol';
import { IMAGE_ONLY_PAGE, makePdf, text as pdfText } from '../pdf-helpers';
import { settle, TestClient } from './client';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('xxgk/import and xxgk/convertPaste', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  it('a text copied from a web page: the same markup as xxgk import writes', async () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'web-2021-spaced.txt'));
    const reply = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'web-2021-spaced.txt', base64: base64(source) });
    assert.ok(reply.ok);
    assert.equal(reply.text, fs.readFileSync(path.join(FIXTURES, 'web-2021-spaced.xxgk'), 'utf8'));
    assert.equal(reply.year, 2023);
  });

  it('a Word file: its tables come back as official tables, with the figures of the report it was made from', async () => {
    const original = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', '2023-clean.xxgk'), 'utf8');
    const docx = await renderDocx(parse(original));
    const reply = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: '年报.docx', base64: base64(docx) });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.match(reply.text, /^::: 依申请$/m);
    assert.match(reply.text, /^::: 主动公开$/m);
    const row = (text: string) => text.split('\n').find((l) => /^\| *（一）予以公开/.test(l))?.replace(/\s+/g, '');
    assert.ok(row(original));
    assert.equal(row(reply.text), row(original));
  });

  it('a file that is not what its name says, and a damaged one: a message, no text', async () => {
    const lying = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'report.docx', base64: base64(Buffer.from('一、总体情况\n本年度……\n')) });
    assert.equal(lying.ok, false);
    assert.match((lying as { message: string }).message, /\.docx/);
    const truncated = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'r.docx', base64: base64(Buffer.from('PK\u0003\u0004 truncated')) });
    assert.equal(truncated.ok, false);
    const unknown = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'r.xls', base64: '' });
    assert.equal(unknown.ok, false);
  });

  it('a PDF: its text layer imported; a scan refused with the reason', async () => {
    const pdf = makePdf({ pages: [`${pdfText(60, 760, 'Annual report 2023')}\n${pdfText(60, 730, 'Some text of the report.')}`] });
    const reply = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'report.pdf', base64: base64(pdf) });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.match(reply.text, /Some text of the report\./);
    const scan = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'scan.pdf', base64: base64(makePdf({ pages: [IMAGE_ONLY_PAGE] })) });
    assert.deepEqual(scan, { ok: false, message: '这个 PDF 没有文字层（可能是扫描件），无法导入；不做文字识别' });
  });

  it('parameters of the wrong shape: InvalidParams, and the server still answers', async () => {
    const outcome = await settle(client.connection.sendRequest(IMPORT, { fileName: 3 }));
    assert.equal(outcome.code, -32602);
    const reply = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'x.txt', base64: base64(Buffer.from('一、总体情况\n')) });
    assert.equal(reply.ok, true);
  });

  it('convertPaste: a table copied from a page is converted, without a second front matter; other text is left alone', async () => {
    const uri = 'file:///tmp/xxgk-paste/2023.xxgk';
    await client.open(uri, '---\n机关: 测试局\n年度: 2023\n---\n# 测试局2023年政府信息公开工作年度报告\n\n');
    const pasted = fs.readFileSync(path.join(FIXTURES, 'word-2021-tabs.txt'), 'utf8');
    const converted = await client.connection.sendRequest<ConvertPasteReply>(CONVERT_PASTE, { textDocument: { uri }, text: pasted });
    assert.equal(converted.looksLikeReport, true);
    assert.doesNotMatch(converted.text, /^---$/m, 'no front matter inside the report');
    assert.doesNotMatch(converted.text, /^# /m, 'no second title');
    assert.match(converted.text, /^::: 依申请$/m);
    const prose = '本年度，我局认真贯彻落实《条例》。\n全年共主动公开政府信息52条。';
    const left = await client.connection.sendRequest<ConvertPasteReply>(CONVERT_PASTE, { textDocument: { uri }, text: prose });
    assert.deepEqual(left, { looksLikeReport: false, text: prose, notes: [] });
  });
});
