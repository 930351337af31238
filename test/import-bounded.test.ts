/**
 * Issue 13: PDFs that no limit of the reader bounded. A Flate stream that unpacks a thousandfold (a "zip bomb") and
 * form XObjects that draw each other over and over are refused with a message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { readPdf } from '../server/src/core/import/readers/pdf';
import { inflatesPast } from '../server/src/core/import/readers/pdf-streams';
import { buildPdf, streamObject, text } from './pdf-helpers';

const HANG = { timeout: 120_000 };
const MB = 1024 * 1024;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const FORM = '/Type /XObject /Subtype /Form /BBox [0 0 595 842]';

/** One page, its content `content` (objects 4 on are `extra`), with the font F1 and the XObject X (object 4). */
function onePage(content: string | Buffer, extra: Array<string | Buffer> = [], contentDictionary = ''): Buffer {
  const xobject = extra.length ? ' /XObject << /X 4 0 R >>' : '';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${4 + extra.length} 0 R >>${xobject} >> /Contents ${5 + extra.length} 0 R >>`,
    ...extra,
    FONT,
    streamObject(content, contentDictionary),
  ]);
}

/**
 * Form XObjects `levels` deep, each drawing the one below `fan` times, over a leaf that draws `leaf`: fan^levels
 * draws from a file of a few kilobytes. Object 4 is the top form, 4 + levels the leaf.
 */
function fanOut(levels: number, fan: number, leaf: string): Buffer {
  const font = 4 + levels + 1;
  const forms: string[] = [];
  for (let k = 0; k < levels; k++) forms.push(streamObject('/X Do '.repeat(fan), `${FORM} /Resources << /XObject << /X ${5 + k} 0 R >> >>`).toString('latin1'));
  forms.push(streamObject(leaf, `${FORM} /Resources << /Font << /F1 ${font} 0 R >> >>`).toString('latin1'));
  // A line of a title and a line with a wide gap: the page may hold a table, so its drawing is read too.
  return onePage(`${text(72, 800, '2023 nianbao')} ${text(72, 780, 'a')} ${text(200, 780, '1')} /X Do`, forms);
}

/** A content stream of a title and then `spaces` bytes of spaces, compressed (some 1,000 to 1). */
function flateBomb(spaces: number): Buffer {
  const data = zlib.deflateSync(Buffer.concat([Buffer.from(`${text(72, 800, '2023 nianbao')}\n`, 'latin1'), Buffer.alloc(spaces, 0x20)]), { level: 9 });
  return onePage(data, [], '/Filter /FlateDecode');
}

describe('a PDF whose streams unpack a thousandfold', () => {
  it('300 MB of spaces in a 300 KB stream: refused before pdf.js reads it (15–21 s and 2.2 GB for 1 GB before)', HANG, async () => {
    const pdf = flateBomb(300 * MB);
    assert.ok(pdf.length < 400 * 1024, `${pdf.length}`);
    const read = await readPdf(pdf);
    assert.deepEqual(read, { kind: 'problem', message: 'PDF 中的压缩数据解开后超过 256 MB，不像是一份年报，未导入' });
  });

  it('counts every compressed stream but images, stops at the limit, and reads a report of ordinary streams', async () => {
    const packed = (n: number, dictionary = '') => streamObject(zlib.deflateSync(Buffer.alloc(n, 0x20)), `/Filter /FlateDecode ${dictionary}`);
    const twoStreams = buildPdf(['<< /Type /Catalog >>', packed(600 * 1024), packed(600 * 1024)]);
    assert.equal(inflatesPast(twoStreams, 1 * MB), true);
    assert.equal(inflatesPast(twoStreams, 2 * MB), false);
    const image = buildPdf(['<< /Type /Catalog >>', packed(2 * MB, '/Type /XObject /Subtype /Image /Width 2048 /Height 1024 /ColorSpace /DeviceGray /BitsPerComponent 8')]);
    assert.equal(inflatesPast(image, 1 * MB), false);
    // Data that is not zlib (another filter, or none) is pdf.js's to judge.
    assert.equal(inflatesPast(buildPdf(['<< /Type /Catalog >>', streamObject('x'.repeat(4096))]), 1), false);
    const report = await readPdf(onePage(zlib.deflateSync(Buffer.from(`${text(72, 800, '2023 nianbao')} ${text(72, 760, 'Some text.')}`, 'latin1')), [], '/Filter /FlateDecode'));
    assert.equal(report.kind, 'text');
    assert.match(report.kind === 'text' ? report.text : '', /Some text\./);
  });
});

describe('a PDF whose form XObjects draw each other over and over', () => {
  it('a million pieces of text from 4 KB: refused at the page’s limit (over a minute before)', HANG, async () => {
    const pdf = fanOut(6, 10, text(72, 700, 'x'));
    assert.ok(pdf.length < 8 * 1024);
    assert.deepEqual(await readPdf(pdf), { kind: 'problem', message: 'PDF 第 1 页的文字过多（超过 20000 段），不像是一份年报，未导入' });
  });

  it('a thousand draws are read as usual', async () => {
    const read = await readPdf(fanOut(3, 10, text(72, 700, 'x')));
    assert.equal(read.kind, 'text');
    assert.match(read.kind === 'text' ? read.text : '', /2023 nianbao/);
  });
});
