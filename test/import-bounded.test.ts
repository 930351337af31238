/**
 * Issue 13: PDFs that no limit of the reader bounded. A Flate stream that unpacks a thousandfold (a "zip bomb") and
 * form XObjects that draw each other over and over are refused with a message; a file that still hangs or exhausts
 * the importer is stopped in its worker thread (IsolatedImporter), and `xxgk` and the language server go on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { readPdf } from '../server/src/core/import/readers/pdf';
import { inflatesPast } from '../server/src/core/import/readers/pdf-streams';
import { DEFAULT_TIME_LIMIT_S, timeLimitFromEnv } from '../server/src/cli/import-worker';
import { IMPORT, type ImportReply } from '../server/src/lsp/protocol';
import { TestClient } from './lsp/client';
import { buildPdf, encryptedPage, makePdf, streamObject, text, zh } from './pdf-helpers';

const HANG = { timeout: 120_000 };
const ROOT = path.join(__dirname, '..');
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

describe('the measure finds a stream as pdf.js does, and follows its filters (the third attack slipped past it seven ways)', () => {
  const spaces = Buffer.alloc(3 * MB, 0x20);
  const flate = (b: Buffer) => zlib.deflateSync(b);
  const catalog = '<< /Type /Catalog >>';
  const raw = (dictionary: string, data: Buffer, keyword = 'stream\n') =>
    Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dictionary} >>${keyword}`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const shapes: Record<string, Buffer> = {
    'Flate twice': buildPdf([catalog, streamObject(flate(flate(spaces)), '/Filter [/FlateDecode /FlateDecode]')]),
    'ASCIIHex, then Flate': buildPdf([catalog, streamObject(Buffer.from(flate(spaces).toString('hex') + '>', 'latin1'), '/Filter [/AHx /Fl]')]),
    'a content stream labelled an image, larger than its size says': buildPdf([catalog, streamObject(flate(spaces), '/Subtype /Image /Width 10 /Height 10 /Filter /FlateDecode')]),
    'a comment between the dictionary and `stream`': buildPdf([catalog, raw('/Filter /FlateDecode', flate(spaces), '%c\nstream\n')]),
    'spaces before the end of line': buildPdf([catalog, raw('/Filter /FlateDecode', flate(spaces), '\nstream  \n')]),
    'an earlier stream with no end': buildPdf([catalog, '<< /Length 2 >>\nstream\nxx', streamObject(flate(spaces), '/Filter /FlateDecode')]),
    '`endstream` spelled inside the data (a stored block), /Length right': (() => {
      const word = Buffer.from('endstream', 'latin1');
      const stored = Buffer.concat([Buffer.from([0x00, word.length, 0, ~word.length & 255, 0xff]), word]);
      // No checksum after it: pdf.js does not need one, and what came out still counts.
      const data = Buffer.concat([Buffer.from([0x78, 0x9c]), stored, zlib.deflateRawSync(spaces)]);
      return buildPdf([catalog, streamObject(data, '/Filter /FlateDecode')]);
    })(),
  };
  for (const [name, pdf] of Object.entries(shapes)) {
    it(`${name}: counted`, () => {
      assert.equal(inflatesPast(pdf, 2 * MB), true);
      assert.equal(inflatesPast(pdf, 16 * MB), false);
    });
  }

  it('an image within its declared size is not counted; a file of 100,000 streams with no end is measured in one pass', HANG, () => {
    const image = buildPdf([catalog, streamObject(flate(Buffer.alloc(2 * MB)), '/Subtype /Image /Width 1024 /Height 1024 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /FlateDecode')]);
    assert.equal(inflatesPast(image, 1 * MB), false);
    assert.equal(inflatesPast(Buffer.from('%PDF-1.4\n' + '<< /Filter /FlateDecode >>\nstream\n'.repeat(100_000), 'latin1'), 1), false);
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

describe('a long PDF whose lines all run on into one paragraph', () => {
  const pages = Array.from({ length: 400 }, (_, p) =>
    Array.from({ length: 50 }, (_, l) => zh(60, 720 - l * 12, `甲${p}乙${l}：本年度本局认真贯彻落实政府信息公开条例，持续推进政务公开工作。`, 9)).join('\n'),
  );
  let dir = '';
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-long-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('400 pages, every line kept, well within the import’s time limit (joined line by line, 63 s: refused)', HANG, () => {
    fs.writeFileSync(path.join(dir, 'long.pdf'), makePdf({ pages }));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'long.pdf'], { cwd: dir, encoding: 'utf8', timeout: 110_000, env: { ...process.env, LANG: 'zh_CN.UTF-8', XXGK_IMPORT_TIME_LIMIT: '60' } });
    assert.equal(run.status, 0, run.stderr);
    const body = fs.readFileSync(path.join(dir, 'long.xxgk'), 'utf8');
    for (let p = 0; p < 400; p++) for (let l = 0; l < 50; l++) assert.ok(body.includes(`甲${p}乙${l}：本年度`), `${p}/${l}`);
  });
});

describe('an import that still hangs is stopped in its worker, and the tools go on', () => {
  // A million empty draws: no text to count, and pdf.js builds the page's drawing without yielding (30 s here).
  const endless = fanOut(6, 10, 'q Q');
  const good = makePdf({ pages: [`${text(60, 760, 'Annual report 2023')}\n${text(60, 730, 'Some text of the report.')}`] });
  const env = { ...process.env, LANG: 'zh_CN.UTF-8', XXGK_IMPORT_TIME_LIMIT: '2' };
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-bounded-'));
    fs.writeFileSync(path.join(dir, 'endless.pdf'), endless);
    fs.writeFileSync(path.join(dir, 'good.pdf'), good);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('xxgk import: that file refused with the time limit, the next one imported in the same run', HANG, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'endless.pdf', 'good.pdf'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env });
    assert.equal(run.signal, null, 'timed out');
    assert.match(run.stderr, /无法导入 endless\.pdf：读取超过 2 秒仍未完成，已停止，未导入/);
    assert.ok(!fs.existsSync(path.join(dir, 'endless.xxgk')));
    assert.match(fs.readFileSync(path.join(dir, 'good.xxgk'), 'utf8'), /Some text of the report\./);
  });

  it('xxgk import: a file whose reading grows the process past the memory limit is stopped (XXGK_IMPORT_MEMORY_LIMIT)', HANG, () => {
    // The heap limit does not see buffers (a PDF stream unpacked after decryption): the process's growth is watched.
    const paragraphs = Array.from({ length: 80_000 }, (_, k) => `<p>第${k}段：本年度本局认真贯彻落实政府信息公开条例，持续推进政务公开工作。</p>`).join('');
    fs.writeFileSync(path.join(dir, 'large.html'), `<html><body><h1>某局2023年政府信息公开工作年度报告</h1>${paragraphs}</body></html>`);
    // The memory limit is what is tested, as for the PDF bomb below: the time limit is long enough that a loaded
    // machine does not stop the reading first, and the whole page is read within it.
    const roomy = { ...env, XXGK_IMPORT_TIME_LIMIT: '60' };
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'large.html', 'good.pdf', '--force'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env: { ...roomy, XXGK_IMPORT_MEMORY_LIMIT: '30' } });
    assert.match(run.stderr, /无法导入 large\.html：读取时占用的内存超过上限（30 MB），已停止，未导入/);
    assert.ok(!fs.existsSync(path.join(dir, 'large.xxgk')));
    assert.match(fs.readFileSync(path.join(dir, 'good.xxgk'), 'utf8'), /Some text of the report\./);
    // Within the default memory limit the same page is imported.
    const whole = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'large.html'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env: roomy });
    assert.equal(whole.status, 0, whole.stderr);
  });

  it('an encrypted PDF, whose streams the measure before pdf.js cannot unpack: a bomb in it is stopped by the memory limit', HANG, () => {
    const title = Buffer.from(`${text(72, 800, '2023 nianbao')} ${text(72, 760, 'Secret text.')}\n`, 'latin1');
    fs.writeFileSync(path.join(dir, 'locked.pdf'), encryptedPage(title));
    fs.writeFileSync(path.join(dir, 'locked-bomb.pdf'), encryptedPage(Buffer.concat([title, Buffer.alloc(300 * MB, 0x20)])));
    // The memory limit is what is tested: the time limit is made long enough that a loaded machine (CI once took more
    // than this file's 2 s to swell past 150 MB) does not stop the bomb first.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'locked.pdf', 'locked-bomb.pdf', '--force'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...env, XXGK_IMPORT_MEMORY_LIMIT: '150', XXGK_IMPORT_TIME_LIMIT: '60' },
    });
    assert.match(run.stderr, /无法导入 locked-bomb\.pdf：读取时占用的内存超过上限（150 MB），已停止，未导入/);
    // The same encryption without the bomb: opened without a password and read.
    assert.match(fs.readFileSync(path.join(dir, 'locked.xxgk'), 'utf8'), /Secret text\./);
  });

  it('xxgk check in the worker pool: a bomb swelling the process stops itself, not the files imported beside it (they were stopped with it)', HANG, () => {
    // The memory watched is the process's, which two imports side by side share: a file stopped for memory while
    // another was being imported is tried again alone, and only a file that swells alone is refused. A short page, a
    // long one (under the limit alone), a bomb, three times: the bomb starts while the long page is being read.
    const pool = path.join(dir, 'pool');
    fs.mkdirSync(pool, { recursive: true });
    const title = Buffer.from(`${text(72, 800, '2023 nianbao')} ${text(72, 760, 'Secret text.')}\n`, 'latin1');
    const bomb = encryptedPage(Buffer.concat([title, Buffer.alloc(300 * MB, 0x20)]));
    const page = (n: number) => `<html><body><h1>某局2023年政府信息公开工作年度报告</h1>${Array.from({ length: n }, (_, k) => `<p>第${k}段：本年度本局认真贯彻落实政府信息公开条例，持续推进政务公开工作。</p>`).join('')}</body></html>`;
    const [short, long] = [page(2_000), page(30_000)];
    const innocent: string[] = [];
    const bombs: string[] = [];
    for (let k = 0; k < 3; k++) {
      fs.writeFileSync(path.join(pool, `${k}-0-short.html`), short);
      fs.writeFileSync(path.join(pool, `${k}-1-long.html`), long);
      fs.writeFileSync(path.join(pool, `${k}-2-bomb.pdf`), bomb);
      innocent.push(`${k}-0-short.html`, `${k}-1-long.html`);
      bombs.push(`${k}-2-bomb.pdf`);
    }
    // The long page alone takes 80–90 MB: the limit leaves it room on a loaded machine (at 100 MB it was refused
    // alone once, with other tests running), and the 300 MB bomb still swells the process past it.
    const limits = { ...env, XXGK_IMPORT_TIME_LIMIT: '60', XXGK_IMPORT_MEMORY_LIMIT: '150' };
    // Alone, the long page is imported within the limit.
    const alone = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', path.join('pool', '0-1-long.html'), '-o', 'long.xxgk', '--force'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env: limits });
    assert.equal(alone.status, 0, alone.stderr);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'check', 'pool', '--import', '--jobs', '2', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 110_000, env: limits });
    assert.equal(run.signal, null, 'timed out');
    for (const name of bombs) assert.match(run.stderr, new RegExp(`无法导入 pool/${name}：读取时占用的内存超过上限（150 MB），已停止，未导入`));
    for (const name of innocent) assert.doesNotMatch(run.stderr, new RegExp(`无法导入 pool/${name}`), run.stderr);
    const findings = JSON.parse(run.stdout) as Array<{ file: string }>;
    for (const name of innocent) assert.ok(findings.some((f) => f.file === `pool/${name}`), name);
  });

  it('a time limit too large for a timer is its longest wait (it was refused at once, the timer firing after 1 ms)', () => {
    assert.equal(timeLimitFromEnv({ XXGK_IMPORT_TIME_LIMIT: '10000000' }), 2_147_483);
    assert.equal(timeLimitFromEnv({ XXGK_IMPORT_TIME_LIMIT: '5' }), 5);
    for (const bad of ['0', '-3', 'abc', '']) assert.equal(timeLimitFromEnv({ XXGK_IMPORT_TIME_LIMIT: bad }), DEFAULT_TIME_LIMIT_S, bad);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'import', 'good.pdf', '-o', 'unlimited.xxgk'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env: { ...env, XXGK_IMPORT_TIME_LIMIT: '10000000' } });
    assert.equal(run.status, 0, run.stderr);
  });

  it('xxgk check: that file is a finding of its own; the others are checked', HANG, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), 'check', 'endless.pdf', 'good.pdf', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 100_000, env });
    assert.equal(run.signal, null, 'timed out');
    assert.match(run.stdout + run.stderr, /读取超过 2 秒仍未完成/);
    assert.match(run.stdout, /good\.pdf/);
  });

  describe('the language server', () => {
    const client = new TestClient(['--stdio'], env);
    before(() => client.initialize());
    after(() => client.stop());
    it('answers that import with the time limit, and imports the next file', HANG, async () => {
      const base64 = (b: Buffer) => b.toString('base64');
      const stopped = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'endless.pdf', base64: base64(endless) });
      assert.equal(stopped.ok, false);
      assert.match((stopped as { message: string }).message, /读取超过 2 秒仍未完成，已停止，未导入/);
      const next = await client.connection.sendRequest<ImportReply>(IMPORT, { fileName: 'good.pdf', base64: base64(good) });
      assert.ok(next.ok, JSON.stringify(next));
      assert.match(next.text, /Some text of the report\./);
    });
  });
});
