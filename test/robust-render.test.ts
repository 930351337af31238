/**
 * Issue 13, the renderer and the exports under hostile input: each reproduction from the issue, and its siblings.
 * Time is not asserted here: each shape is measured in bench/ as a ratio (bench/lib/stress-cases.cjs); a test only
 * has a generous timeout, so that a hang fails it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import JSZip from 'jszip';
import { nonce } from '../client/src/preview/nonce';
import { MAX_FINDINGS_PER_RULE } from '../server/src/core/check';
import { checkText, parse } from '../server/src/core/index';
import { DocxTooLargeError, MAX_DOCX_ELEMENTS, renderDocx } from '../server/src/core/render/docx';
import { PREVIEW_CELLS_PER_ROW, renderHtml } from '../server/src/core/render/html';
import { MAX_NESTING, parseInline, type Inline } from '../server/src/core/render/inline';
import { MESSAGE_PLACES, SpanIndex } from '../server/src/core/render/marks';
import { evaluateLegacyTable } from '../server/src/core/tables/legacy-sums';
import { seek, stopsOf } from '../server/src/core/render/stops';
import { append, maxOf } from '../server/src/core/arrays';
import { check } from './fuzz/config';
import { parseInline as referenceParseInline } from './inline-reference';
import { example, ROOT } from './render-helpers';

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-robust-render-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Time is measured in bench/ (bench/lib/stress-cases.cjs); the timeout only stops a hang. */
const HANG = { timeout: 120_000 };

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

/** Characters XML 1.0 does not allow, and those HTML reads as parse errors (C1 controls, noncharacters). */
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NOT_CLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}|\p{Noncharacter_Code_Point}/u;

/** Every odd character in every place a report's text reaches the output: link targets, text, cells, metadata. */
const ODD = ['\ufffe', '\uffff', '\ud800', '\udc00', '\u0001', '\u0085', '\ufdd0', '\u{1fffe}'];
function oddReport(): string {
  const odd = ODD.join('');
  return [
    '---',
    `机关: 某局${odd}`,
    '年度: 2023',
    '---',
    `# 某局2023年报告${odd}`,
    '',
    '## 一、总体情况',
    '',
    `正文${odd}[链接](http://example.com/a${odd}b) 与 [另一个](<https://example.com/${odd}>) 和 <https://example.com/x${odd}> 以及 😀。`,
    '',
    `- 列表${odd}`,
    '',
    '```',
    `代码${odd}`,
    '```',
    '',
    '| 项目 | 数量 |',
    '|---|---|',
    `| [格](mailto:a${odd}@example.com) | 1 |`,
    '',
  ].join('\n');
}

describe('item 10: every string the exports write is cleaned of characters XML 1.0 and HTML cannot carry', () => {
  test('.docx: no part of the package holds one (U+FFFE in a link target made the relationships malformed)', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(parse(oddReport())));
    const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    assert.ok(names.includes('word/_rels/document.xml.rels'));
    for (const name of names) {
      const xml = await zip.file(name)!.async('string');
      const bad = NOT_XML.exec(xml) ?? NOT_CLEAN.exec(xml);
      assert.equal(bad, null, `${name}: U+${bad?.[0].codePointAt(0)!.toString(16).toUpperCase()} at ${bad?.index}`);
    }
    const document = await zip.file('word/document.xml')!.async('string');
    assert.ok(document.includes('😀'), 'characters outside the BMP are kept');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    assert.ok(/Target="https:\/\/example\.com\/x[^"]*" TargetMode="External"/.test(rels), 'the link is kept, its target cleaned');
  });

  test('HTML: neither the page nor the fragment holds one', () => {
    for (const page of [renderHtml(parse(oddReport()), { standalone: true }), renderHtml(parse(oddReport()))]) {
      const bad = NOT_XML.exec(page) ?? NOT_CLEAN.exec(page);
      assert.equal(bad, null, `U+${bad?.[0].codePointAt(0)!.toString(16).toUpperCase()} at ${bad?.index}: ${page.slice((bad?.index ?? 0) - 40, (bad?.index ?? 0) + 10)}`);
      assert.ok(page.includes('😀'));
    }
  });
});

/** Pieces of inline Markdown, every delimiter and near-miss the reader knows, to build texts from. */
const PIECES = [
  'a', 'b', '中', '文', ' ', '  ', '\t', '\n', '\r\n', '  \n', '\\\n', '\\', '\\*', '\\[', '\\`', '\\\\',
  '*', '**', '***', '_', '__', '`', '``', '```', '[', ']', '(', ')', '![', '](', '<', '>', '<!--', '-->', '-',
  'http://', 'https://', 'HTTP://', 'http:///', 'mailto:', 'javascript:', 'x.com', '/', '.', ',', ':', '"', "'", '!', '?',
  '<https://a.b>', '<mailto:a@b>', '[t](http://a.b)', '[t](<http://a.b> "x")', '*x*', '__y__', '`c`', '1', '_a', 'a_',
];
/** The delimiters alone, densely: short texts of few characters meet every pairing of them. */
const DENSE = ['[', ']', '(', ')', '](', '\n', '\\', '*', '_', '`', 'a', ' ', '<!--', '-->', 'http://', '!'];
const inlineText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
  fc.array(fc.constantFrom(...DENSE), { maxLength: 24 }).map((p) => p.join('')),
);

describe('item 6: the inline reader takes time proportional to the text', () => {
  test('the same nodes as the reader it replaces, on generated text and on every sub-range of it', () => {
    check(
      fc.tuple(inlineText, fc.nat(), fc.nat()),
      ([text, a, b]) => {
        assert.deepEqual(parseInline(text, 0, text.length), referenceParseInline(text, 0, text.length), JSON.stringify(text));
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        assert.deepEqual(parseInline(text, from, to), referenceParseInline(text, from, to), JSON.stringify([text, from, to]));
      },
      20000,
    );
  });

  /** The shapes, each made `size` characters long. */
  const SHAPES: Record<string, (size: number) => string> = {
    '[ repeated': (n) => '['.repeat(n),
    '*a repeated': (n) => '*a '.repeat(n / 3),
    '_a repeated': (n) => '_a '.repeat(n / 3),
    'a<!-- repeated': (n) => 'a<!--'.repeat(n / 5),
    'http://a and )': (n) => 'http://a' + ')'.repeat(n),
    'http:/// repeated, then )': (n) => 'http:///'.repeat(n / 16) + ')'.repeat(n / 2),
    '[a]( repeated': (n) => '[a]('.repeat(n / 4),
    '` and `` runs': (n) => '`a``'.repeat(n / 4),
    '**a repeated': (n) => '**a'.repeat(n / 3),
    '*<!---->* then comment lines': (n) => '**' + 'a'.repeat(n / 2) + '中**' + '\n<!---->'.repeat(n / 16),
  };
  /** Every leaf node's span, in order. */
  const spans = (ns: readonly Inline[]): Array<[number, number]> => ns.flatMap((x) => ('children' in x ? spans(x.children) : [[x.start, x.end] as [number, number]]));

  for (const [name, make] of Object.entries(SHAPES)) {
    test(`${name}: 200 KB read without an exception, every node inside the text and in order`, HANG, () => {
      const large = make(200_000);
      const found = spans(parseInline(large, 0, large.length));
      assert.ok(found.length > 0);
      let last = 0;
      for (const [start, end] of found) {
        assert.ok(start >= last && start <= end && end <= large.length, `${name}: ${start}–${end} after ${last}`);
        last = end;
      }
    });
  }

  test('100 KB of [ in a report renders to HTML and Word (it took 18–22 s)', HANG, async () => {
    const text = `# 标题\n\n${'['.repeat(100_000)}\n\n| 项目 | 数量 |\n|---|---|\n| ${'*a '.repeat(10_000)} | 1 |\n`;
    const doc = parse(text);
    assert.ok(renderHtml(doc).length > 100_000);
    assert.ok((await renderDocx(doc)).length > 1000);
  });

  test('links nested 10,000 deep: read to MAX_NESTING levels, the rest as text; rendering does not overflow the stack', async () => {
    const n = 10_000;
    const text = '['.repeat(n) + 'a' + '](http://x.y)'.repeat(n);
    const nodes = parseInline(text, 0, text.length);
    const depth = (ns: readonly Inline[]): number => Math.max(0, ...ns.map((x) => ('children' in x ? 1 + depth(x.children) : 0)));
    assert.equal(depth(nodes), MAX_NESTING + 1, "a bare URL inside the deepest link text is still a link");
    const doc = parse(`# 标题\n\n${text}\n`);
    assert.match(renderHtml(doc), /<a href="http:\/\/x\.y"/);
    assert.ok((await renderDocx(doc)).length > 1000);
  });

  test('the examples read exactly as before', () => {
    for (const name of ['2023-clean', '2023-errors', '2012-legacy']) {
      const text = example(name);
      for (const line of text.split('\n')) {
        assert.deepEqual(parseInline(line, 0, line.length), referenceParseInline(line, 0, line.length), line);
      }
    }
  });
});

/** A report with one plain table of `rows` rows (text, a figure, bold, a link), as in the 4.3 MB export. */
function bigTable(rows: number): string {
  const lines = ['---', '机关: 某局', '年度: 2023', '---', '# 某局2023年政府信息公开工作年度报告', '', '## 一、总体情况', '', '| 项目 | 数量 | 说明 |', '|---|---|---|'];
  for (let i = 0; i < rows; i++) lines.push(`| 第${i}项事项 | ${i} | 说明 **加粗** 与 [链接](https://example.com/${i}) |`);
  return lines.join('\n') + '\n';
}

describe('item 4: the Word export is bounded, and says so when a document is too large', () => {
  test('5,000 table rows (1 GB and 6.7 s before): refused with DocxTooLargeError, nothing built', HANG, async () => {
    const doc = parse(bigTable(5000));
    await assert.rejects(renderDocx(doc), (err: unknown) => {
      assert.ok(err instanceof DocxTooLargeError);
      assert.equal(err.code, 'XXGK_DOCX_TOO_LARGE', 'the code the VS Code client recognises');
      assert.equal(err.limit, MAX_DOCX_ELEMENTS);
      assert.ok(err.elements > MAX_DOCX_ELEMENTS);
      assert.match(err.message, /文档过大，无法导出为 Word/);
      return true;
    });
  });

  test('under the limit it exports: 1,000 rows make a Word file that holds every row', HANG, async () => {
    const bytes = await renderDocx(parse(bigTable(1000)));
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.match(xml, /第999项事项/);
  });

  test('the limit counts paragraphs, cells and runs: a smaller limit refuses what a larger one writes', async () => {
    const doc = parse(bigTable(100));
    await assert.rejects(renderDocx(doc, 500), DocxTooLargeError);
    assert.ok((await renderDocx(doc, 5000)).length > 1000);
  });

  test('the CLI says so in Chinese (English with LANG=en), exits 2 and writes nothing', () => {
    fs.writeFileSync(path.join(tmp, 'big.xxgk'), bigTable(5000));
    const zh = xxgk(['render', 'big.xxgk', '-o', 'big.docx']);
    assert.equal(zh.status, 2, zh.stderr);
    assert.match(zh.stderr, /^文档过大，无法导出为 Word：段落、表格单元格和文字片段超过上限 60000 个。请导出为 HTML，或将文档拆分后分别导出。\n$/);
    assert.doesNotMatch(zh.stderr, /内部错误/);
    assert.ok(!fs.existsSync(path.join(tmp, 'big.docx')));
    const en = xxgk(['render', 'big.xxgk', '-o', 'big.docx'], { LANG: 'en_US.UTF-8' });
    assert.equal(en.status, 2, en.stderr);
    assert.match(en.stderr, /too large to export as Word/);
    assert.ok(!fs.existsSync(path.join(tmp, 'big.docx')));
    const html = xxgk(['render', 'big.xxgk', '-o', 'big.html']);
    assert.equal(html.status, 0, html.stderr);
  });
});

describe('item 6: the stop tables of the inline reader', () => {
  const search = (stops: readonly number[], at: number) => {
    const k = stops.findIndex((p) => p >= at);
    return k < 0 ? stops.length : k;
  };

  test('seek finds the first stop at or after a position, whatever index it starts from', () => {
    check(
      fc.tuple(fc.uniqueArray(fc.nat(500), { maxLength: 60 }), fc.integer({ min: -5, max: 510 }), fc.nat(70)),
      ([raw, at, from]) => {
        const stops = [...raw].sort((a, b) => a - b);
        assert.equal(seek(Int32Array.from(stops), at, from), search(stops, at), JSON.stringify([stops, at, from]));
      },
      2000,
    );
  });

  test('stopsOf lists the positions of the characters asked for, in order', () => {
    check(
      fc.tuple(inlineText, fc.nat(), fc.nat()),
      ([text, a, b]) => {
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        const expected = Array.from({ length: to - from }, (_, i) => from + i).filter((p) => '[]()\\\n'.includes(text[p]));
        assert.deepEqual([...stopsOf(text, from, to, '[]()\\\n')], expected);
      },
      2000,
    );
  });

  test('a line of 1,000,000 `[` read opener by opener: each lookup reads a few entries near the last, not a search of the table', () => {
    // A line of `[` is a million openers looked up in order; a binary search each was 20 reads scattered over 4 MB.
    const n = 1_000_000;
    const positions = Int32Array.from({ length: n }, (_, i) => i);
    let reads = 0;
    const counted = new Proxy(positions, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    }) as ArrayLike<number>;
    let last = 0;
    for (let i = 0; i < n; i++) last = seek(counted, i, last);
    assert.equal(last, n - 1);
    // A binary search of the whole table is 20 reads a lookup.
    assert.ok(reads <= 6 * n, `${reads} reads for ${n} lookups of the next stop`);
  });
});

describe('siblings: no document-sized array is spread into a call (past about 120,000 elements the stack overflows)', () => {
  test('append and maxOf take a million elements', () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => i);
    assert.equal(append([-1], million).length, 1_000_001);
    assert.equal(maxOf(million, (x) => x, -5), 999_999);
    assert.equal(maxOf([], (x: number) => x, 7), 7);
  });

  const FRONT = '---\n机关: 某局\n年度: 2023\n格式: 2021\n---\n# t\n\n';
  const shapes: Record<string, string> = {
    'a table row of 250,000 cells': FRONT + '| 1 '.repeat(250_000) + '\n',
    '250,000 paragraphs': FRONT + '段落。\n\n'.repeat(250_000),
    'a legacy 附表 of 150,000 channel parts over a total of 0': '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n| 总数 | 0 |\n| 其中： |\n' + '| 1.政府网站 | 1 |\n'.repeat(150_000) + ':::\n',
  };
  for (const [name, text] of Object.entries(shapes)) {
    test(`${name}: checked, and rendered with every finding placed (each threw a stack overflow)`, HANG, () => {
      const { document, diagnostics } = checkText(text);
      assert.ok(renderHtml(document, { standalone: true, sourceLines: true, diagnostics }).length > text.length / 4);
    });
  }

  test('the 附表 of 150,000 parts: every part over the total found, the first on its own cell', () => {
    const text = shapes['a legacy 附表 of 150,000 channel parts over a total of 0'];
    const exceeding = evaluateLegacyTable(parse(text).tables[0]).filter((e) => e.relation === 'part-exceeds');
    assert.equal(exceeding.length, 150_000);
    assert.equal(exceeding[0].cell.span.start, text.indexOf('| 1 |') + 2);
  });
});

describe('item 6, sibling: diagnostics placed on blocks and cells in O(n log n) (preview and --problems)', () => {
  /** A 依申请 table of `n` unknown rows and `n` paragraphs, each with a problem of its own. */
  function manyProblems(n: number): string {
    let r = '---\n机关: 某局\n年度: 2023\n---\n# t\n\n## 三、收到和处理政府信息公开申请情况\n\n::: 依申请\n';
    for (let i = 0; i < n; i++) r += `| 乱写的行${i} | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n`;
    r += ':::\n\n';
    for (let i = 0; i < n; i++) r += `2023年收到申请 ${i}，其中 1,234件。\n\n`;
    return r;
  }

  test('3,000 unknown rows: findings stop at the per-rule limit, and each is marked on the page (4,000 of each took 22 s)', HANG, () => {
    const { document, diagnostics } = checkText(manyProblems(3000));
    // The limit, then one note that the rest are not listed.
    assert.equal(diagnostics.filter((d) => d.rule === 'unknown-row').length, MAX_FINDINGS_PER_RULE + 1);
    const page = renderHtml(document, { sourceLines: true, diagnostics });
    assert.ok((page.match(/xxgk-problem/g) ?? []).length >= MAX_FINDINGS_PER_RULE);
  });

  test('SpanIndex finds exactly the spans a pass over all of them finds, in their order', () => {
    const span = fc.tuple(fc.nat(20_000), fc.oneof(fc.nat(20), fc.nat(10_000))).map(([start, len]) => ({ start, end: start + len }));
    check(
      fc.tuple(fc.array(span, { maxLength: 60 }), fc.array(span, { maxLength: 10 })),
      ([items, queries]) => {
        const index = new SpanIndex(items, (x) => x);
        for (const q of queries) {
          assert.deepEqual(index.near(q), items.filter((x) => x.start <= q.end && x.end >= q.start));
        }
      },
      500,
    );
  });
});

describe('a diagnostic over many cells or pieces of text: its message is written on a few of them, not on each', () => {
  /** The page's body (the summary lists every message once, as it should), and how often `message` is in it. */
  function marked(text: string) {
    const { document, diagnostics } = checkText(text);
    const page = renderHtml(document, { sourceLines: true, diagnostics });
    const body = page.slice(page.indexOf('</details>'));
    const message = diagnostics.find((d) => d.rule === 'missing-section')!.message;
    return { page, plain: renderHtml(document, { sourceLines: true }), times: body.split(escapeForAttribute(message)).length - 1 };
  }
  const escapeForAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  test('a line of 10,000 `|` (a row of 10,000 cells under six missing-section errors): 22 MB of preview before', HANG, () => {
    const { page, plain, times } = marked('|'.repeat(10_000));
    // title and data-message, on MESSAGE_PLACES cells
    assert.ok(times <= 2 * MESSAGE_PLACES, `${times} times`);
    assert.ok(times > 0);
    assert.ok(page.length < 3 * plain.length, `${page.length} characters against ${plain.length} without diagnostics`);
  });

  test('`**重点**内容` 8,000 times on one line: each piece of text was marked with every message (41 s over LSP)', HANG, () => {
    const { page, plain, times } = marked('**重点**内容'.repeat(8000));
    assert.ok(times <= 2 * MESSAGE_PLACES && times > 0, `${times} times`);
    // Each of the 16,000 pieces is still marked (a span and its level): 5 times the plain page here, 83 before.
    assert.ok(page.length < 10 * plain.length, `${page.length} characters against ${plain.length} without diagnostics`);
  });

  test('a diagnostic on one cell still carries its message there', () => {
    const text = '| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 乙 | 2 |\n| 合计 | 4 |\n';
    const { document, diagnostics } = checkText(text);
    const sum = diagnostics.find((d) => d.rule === 'table-sum')!;
    const page = renderHtml(document, { diagnostics });
    assert.ok(page.includes(`data-message="${escapeForAttribute(sum.message)}"`));
  });
});

describe('the preview draws at most PREVIEW_CELLS_PER_ROW cells of a row; an export draws them all', () => {
  test('a line of 1,000,000 `|`: a page of some kilobytes with the count of the cells left out (53 MB in 4.8 s before)', HANG, () => {
    const { document, diagnostics } = checkText('|'.repeat(1_000_000));
    const page = renderHtml(document, { sourceLines: true, diagnostics, maxCellsPerRow: PREVIEW_CELLS_PER_ROW });
    assert.ok(page.length < 200_000, `${page.length} characters`);
    assert.equal(page.match(/<t[hd][ >]/g)?.length, PREVIEW_CELLS_PER_ROW + 1);
    assert.match(page, /<td class="xxgk-omitted">……本行另有 999799 格，预览中未显示<\/td>/);
  });

  test('rows within the bound, and every export, are drawn whole', () => {
    const row = Array.from({ length: 300 }, (_, k) => `格${k}`).join(' | ');
    const text = `| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| ${row} |\n`;
    const doc = parse(text);
    assert.ok(!renderHtml(doc, { maxCellsPerRow: PREVIEW_CELLS_PER_ROW }).includes('格299'));
    assert.ok(renderHtml(doc, { maxCellsPerRow: PREVIEW_CELLS_PER_ROW }).includes('格199'));
    const exported = renderHtml(doc, { standalone: true });
    assert.ok(exported.includes('格299') && !exported.includes('class="xxgk-omitted"'));
    assert.equal(renderHtml(parse('| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n'), { maxCellsPerRow: 2 }), renderHtml(parse('| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n')));
  });
});

describe('empty containers repeated: the official skeleton is drawn once per kind, not once per container', () => {
  const repeated = (n: number) => `---\n机关: 某局\n年度: 2023\n---\n# t\n\n${'::: 依申请\n'.repeat(n)}`;

  test('1,250 unclosed `::: 依申请` lines (10 KB) render to one skeleton, not 25 MB of tables', async () => {
    const doc = parse(repeated(1250));
    const html = renderHtml(doc, { standalone: true });
    assert.equal((html.match(/本年新收政府信息公开申请数量/g) ?? []).length, 1);
    assert.ok(html.length < 1_000_000, `${html.length} characters`);
    const word = await renderDocx(doc);
    assert.ok(word.length > 0);
  });

  test('a repeated empty container and one of separator rows only: no Word table without rows; the preview still marks the container', async () => {
    // Word reports a <w:tbl> without a <w:tr> as unreadable content. The page keeps its (empty) table: the preview
    // marks a container's problems (never closed) on it.
    for (const text of [repeated(3), `${repeated(1)}:::\n\n::: 依申请\n|---|---|\n:::\n`, '# t\n\n|---|---|\n']) {
      const doc = parse(text);
      const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file('word/document.xml')!.async('string');
      const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
      for (const t of tables) assert.match(t, /<w:tr[ >]/, `a Word table without rows from ${JSON.stringify(text)}`);
      assert.equal(tables.length, text.includes('依申请') ? 1 : 0, JSON.stringify(text));
    }
    const { document, diagnostics } = checkText(repeated(3));
    const page = renderHtml(document, { diagnostics, sourceLines: true });
    const unclosed = diagnostics.filter((d) => d.rule === 'syntax');
    assert.equal(unclosed.length, 3);
    assert.equal((page.match(/<table class="xxgk-table xxgk-plain xxgk-problem xxgk-error"/g) ?? []).length, 2, 'the second and third containers marked');
  });

  test('an empty container alone still shows the official table as a guide, and a filled one is always drawn', () => {
    assert.match(renderHtml(parse(repeated(1))), /本年新收政府信息公开申请数量/);
    const filled = `${repeated(1)}| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n:::\n\n::: 依申请\n| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n:::\n`;
    assert.equal((renderHtml(parse(filled)).match(/本年新收政府信息公开申请数量/g) ?? []).length, 2);
  });
});

test('many containers after a code fence: the page keeps the code block and one skeleton (30,000 containers took 2.7 s in buildModel)', HANG, () => {
  const html = renderHtml(parse(`---\n机关: 某局\n年度: 2023\n---\n# t\n\n\`\`\`\ncode\n\`\`\`\n\n${'::: 依申请\n'.repeat(10_000)}`));
  assert.match(html, /<pre/);
  assert.equal((html.match(/本年新收政府信息公开申请数量/g) ?? []).length, 1);
});
