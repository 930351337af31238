/**
 * Issue 13, the core's part: texts that made `parse()` throw, exhausted memory or took quadratic time, CR-only line
 * endings, and values that passed silently. Time is not asserted here: each shape is measured in bench/ as a ratio
 * (bench/lib/stress-cases.cjs); a test only has a generous timeout, so that a hang fails it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, decimal, parse } from '../server/src/core/index';
import { formatText } from '../server/src/cli/format-text';
import { displayWidth, formatTables, MAX_ALIGNED_WIDTH } from '../server/src/core/format/tables';
import { reportIdentity } from '../server/src/core/identity';
import { containerKind, headingOf } from '../server/src/core/parser/document';
import { MAX_FRONT_MATTER_DEPTH, yamlDepthBound } from '../server/src/core/parser/frontmatter';
import { extractFigures } from '../server/src/core/prose/figures';
import { covered, diagnostics } from './helpers';

/** Time is measured in bench/ (bench/lib/stress-cases.cjs); the timeout only stops a hang. */
const HANG = { timeout: 120_000 };

/** `checkText` on a hostile text: no exception, every finding's span inside the text, every message short. */
function checksSoundly(text: string): void {
  const { diagnostics: found } = checkText(text);
  for (const d of found) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.rule}: ${JSON.stringify(d.span)}`);
    assert.ok(d.message.length < 400, d.message.slice(0, 500));
  }
}

describe('item 1: front matter nested thousands deep', () => {
  const deep = '---\nx:\n  ' + '- '.repeat(2500) + 'a\n机关: 某局\n---\n# t\n';

  it('parse() does not throw, and check reports one clear front-matter error', () => {
    const doc = parse(deep);
    assert.equal(doc.frontMatter?.entries.length, 0);
    const fm = diagnostics(deep, 'front-matter');
    assert.equal(fm.length, 1, fm.map((d) => d.message).join(' / '));
    assert.match(fm[0].message, /前置元数据嵌套过深（超过 64 层）/);
    assert.equal(covered(deep, fm[0]), deep.slice(4, deep.indexOf('---', 4)));
  });

  it('other deep shapes: flow brackets, nested maps, a deep value of a known key, mixed', () => {
    const shapes = [
      '---\n机关: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n---\n',
      '---\n机关: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000) + '\n---\n',
      '---\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n年度: 2023\n---\n',
      '---\n年度:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + '- ').join('\n') + '1\n---\n',
      '---\nx: ' + '- ['.repeat(3000) + '\n---\n',
    ];
    for (const text of shapes) {
      const { diagnostics: all } = checkText(text);
      const fm = all.filter((d) => d.rule === 'front-matter');
      assert.ok(fm.some((d) => d.message.includes('嵌套过深')), fm.map((d) => d.message).join(' / '));
    }
  });

  it('the bound is not hit by real front matter, lists and flow values included', () => {
    const real = '机关: 滨江市市场监督管理局\n年度: 2023\n格式: "2021"\n发布日期: 2024-01-26\n备注:\n  - a: [1, 2, {b: 3}]\n    c: |\n      多行\n        文字\n';
    assert.ok(yamlDepthBound(real) <= 8, String(yamlDepthBound(real)));
    assert.equal(diagnostics(`---\n${real}---\n`, 'front-matter').filter((d) => d.message.includes('嵌套')).length, 0);
    const at = (depth: number) => '---\nx: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n---\n';
    const deepOnes = (text: string) => diagnostics(text, 'front-matter').filter((d) => d.message.includes('嵌套过深')).length;
    assert.equal(deepOnes(at(MAX_FRONT_MATTER_DEPTH - 4)), 0);
    assert.equal(deepOnes(at(MAX_FRONT_MATTER_DEPTH + 4)), 1);
  });
});

describe('item 1, at the boundary: parse() keeps its contract whatever fails inside it', () => {
  it('a text that is not a string (a client sent null): an empty document and a syntax finding, no throw', () => {
    const doc = parse(null as unknown as string);
    assert.equal(doc.text, '');
    assert.equal(doc.syntaxProblems[0]?.kind, 'unreadable');
    const found = checkText(null as unknown as string).diagnostics.filter((d) => d.rule === 'syntax');
    assert.match(found[0].message, /^无法解析此文档（.+），已按空文档处理；请报告此问题。$/);
  });
});

describe('item 1, siblings: what the YAML library does with shapes short of the depth bound', () => {
  it('nested explicit keys (? ? ? …), which the library stringifies 4× per level, are refused before it runs', HANG, () => {
    const text = '---\n机关: 某局\nx: ' + '? '.repeat(46) + 'a\n---\n';
    const fm = diagnostics(text, 'front-matter');
    assert.deepEqual(fm.map((d) => d.message.includes('嵌套过深')), [true]);
  });

  it('a line of 300 `]`: at most 10 YAML errors, each message short', () => {
    const fm = diagnostics('---\n机关: ' + ']'.repeat(300) + '\n---\n', 'front-matter');
    assert.ok(fm.length <= 12, String(fm.length));
    const header = diagnostics('---\n机关: ' + '|'.repeat(100_000) + '\n---\n', 'front-matter');
    for (const d of header) assert.ok(d.message.length < 400, d.message.slice(0, 500));
  });
});

describe('bounded messages: a label, heading or key a megabyte long is quoted at most 40 characters long', () => {
  const long = '甲'.repeat(100_000);
  const cases: Record<string, [string, string]> = {
    'unknown front-matter key': [`---\n${long}: 1\n---\n`, 'front-matter'],
    'unknown row': [`::: 依申请\n| 本年新收${long} | 1 |\n:::\n`, 'unknown-row'],
    'blank cells of a row typed with 400 pipes': ['::: 依申请\n| 一、本年新收政府信息公开申请数量 ' + '|'.repeat(400) + ' 1 |\n:::\n', 'empty-cell'],
  };
  for (const [name, [text, rule]] of Object.entries(cases)) {
    it(name, () => {
      const found = diagnostics(text).filter((d) => d.message.length > 400);
      assert.deepEqual(found.map((d) => `${d.rule}: ${d.message.slice(0, 80)}`), []);
      assert.ok(diagnostics(text, rule).length > 0, `no ${rule} finding`);
    });
  }
});

describe('item 2: a decimal of 200,000 digits', () => {
  const digits = (n: number) => '1'.repeat(n);
  const plain = (n: number) => `| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 合计 | 0.${digits(n)} |\n`;

  it('a plain table: one cell-value error with a short message', HANG, () => {
    const text = plain(200_000);
    const found = diagnostics(text, 'cell-value');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /位数过多/);
    assert.ok(found[0].message.length < 200, found[0].message.slice(0, 300));
    assert.equal(covered(text, found[0]), `0.${digits(200_000)}`);
    checksSoundly(text);
  });

  it('a money cell of 主动公开 and a 依申请 cell: cell-value, no sum is computed with it', () => {
    const proactive = `---\n格式: 2021\n年度: 2023\n---\n::: 主动公开\n| 第二十条第（八）项 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | 0.${digits(100_000)} |\n:::\n`;
    const found = diagnostics(proactive, 'cell-value');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /位数过多/);
    const integer = `| 项目 | 数量 |\n|---|---|\n| 甲 | ${digits(100_000)} |\n| 合计 | 1 |\n`;
    assert.equal(diagnostics(integer, 'cell-value').length, 1);
    assert.equal(diagnostics(integer, 'table-sum').length, 0);
  });

  it('the limits: 40 digits before the point and 20 after are read; one more is not', () => {
    const ok = `${'9'.repeat(decimal.MAX_INTEGER_DIGITS)}.${'5'.repeat(decimal.MAX_SCALE)}`;
    assert.deepEqual(decimal.parseDecimal(ok)?.scale, decimal.MAX_SCALE);
    assert.equal(decimal.parseDecimal(`1.${'0'.repeat(decimal.MAX_SCALE + 1)}`), undefined);
    assert.equal(decimal.parseDecimal('1'.repeat(decimal.MAX_INTEGER_DIGITS + 1)), undefined);
    assert.equal(decimal.parseDecimal(`-${'1'.repeat(decimal.MAX_INTEGER_DIGITS)}`)?.units, -BigInt('1'.repeat(decimal.MAX_INTEGER_DIGITS)));
    // Arithmetic across the widest scales stays exact.
    const a = decimal.parseDecimal(`0.${'0'.repeat(decimal.MAX_SCALE - 1)}1`)!;
    assert.equal(decimal.format(decimal.add(a, decimal.fromInt(1))), `1.${'0'.repeat(decimal.MAX_SCALE - 1)}1`);
    assert.equal(diagnostics(`| 项目 | 数量 |\n|---|---|\n| 甲 | ${ok} |\n`, 'cell-value').length, 0);
  });

  it('a prose figure of 200,000 digits is not a figure, and a paragraph with it is checked', HANG, () => {
    assert.deepEqual(extractFigures(`共0.${digits(200_000)}条`), []);
    assert.deepEqual(extractFigures(`共${digits(200_000)}条`), []);
    checksSoundly(`全年公开${digits(200_000)}条，其中工作动态1条。\n`);
  });
});

describe('item 3: rows written with the full-width ｜', () => {
  const rows = (n: number, pipe: string) => '::: 依申请\n' + `${pipe} a ${pipe} 1 ${pipe} 1 ${pipe}\n`.repeat(n) + ':::\n';

  it('10,000 rows: the same cells as with |', HANG, () => {
    const wide = parse(rows(10_000, '｜'));
    const ascii = parse(rows(10_000, '|'));
    assert.equal(wide.tables[0].rows.length, 10_000);
    const cells = (doc: typeof wide) => doc.tables[0].rows.map((r) => r.cells.map((c) => [c.text, c.state, c.span, c.outerSpan, c.value && decimal.format(c.value)]));
    assert.deepEqual(cells(wide), cells(ascii));
    checksSoundly(rows(30_000, '｜'));
  });

  it('mixed pipes, an escaped pipe and a trailing cell split as before', () => {
    const doc = parse('::: 依申请\n｜ a | 1 ｜ 2 \\| x ｜ 3\n:::\n');
    assert.deepEqual(doc.tables[0].rows[0].cells.map((c) => c.text), ['a', '1', '2 \\| x', '3']);
  });
});

describe('item 5: heading and container lines with long runs of spaces', () => {
  it('# a + 100,000 spaces + b, :::a + spaces + b, and their siblings are checked', HANG, () => {
    for (const text of [
      '# a' + ' '.repeat(100_000) + 'b\n',
      ':::a' + ' '.repeat(100_000) + 'b\n',
      '## a' + ' '.repeat(100_000) + '#\n',
      '<!-- xxgk-disable ' + ' <!-- xxgk-disable'.repeat(10_000),
      '# ' + '\t '.repeat(50_000) + '#'.repeat(50_000) + 'x\n',
    ]) {
      checksSoundly(text);
    }
    assert.equal(parse('## a' + ' '.repeat(100_000) + '#\n').headings[0].text, 'a');
    assert.equal(parse('# ' + '\t '.repeat(50_000) + '#'.repeat(50_000) + 'x\n').headings[0].text, '#'.repeat(50_000) + 'x');
  });

  it('a 1 MB heading line of spaces is read (it took 14 s)', HANG, () => {
    const text = '# a' + ' '.repeat(1_000_000) + 'b\n';
    const doc = parse(text);
    assert.equal(doc.headings[0].text, 'a' + ' '.repeat(1_000_000) + 'b');
  });

  // The expressions the hand-written readers replace: same answers on every short line.
  const HEADING = /^(#{1,6})(?!#)[ \t]*(.*?)[ \t]*(?:[ \t]#+[ \t]*)?$/;
  const CONTAINER = /^:::[ \t]*(\S.*?)?[ \t]*$/;
  const alphabet = fc.constantFrom('#', ' ', '\t', 'a', ':', '依', '\u3000', '\u2028', '-');
  const line = fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join(''));

  it('headingOf reads every line as the old expression did', () => {
    fc.assert(
      fc.property(line, (s) => {
        const trimmed = ('#' + s).trim();
        if (!trimmed.startsWith('#')) return;
        const m = HEADING.exec(trimmed);
        assert.deepEqual(headingOf(trimmed), m ? { level: m[1].length, text: m[2] } : undefined, JSON.stringify(trimmed));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it('containerKind reads every line as the old expression did', () => {
    fc.assert(
      fc.property(line, (s) => {
        const trimmed = (':::' + s).trim();
        if (!trimmed.startsWith(':::')) return;
        const m = CONTAINER.exec(trimmed);
        assert.equal(containerKind(trimmed), m ? (m[1] ?? '') : undefined, JSON.stringify(trimmed));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it('a container kind of 100,000 spaces: the message quotes 40 characters, and the CLI prints it on one line', HANG, () => {
    const kind = 'a' + ' '.repeat(100_000) + 'b';
    const [d] = diagnostics(`:::${kind}\n:::\n`, 'syntax');
    assert.ok(d.message.length < 200, d.message.slice(0, 300));
    // The CLI's text output joins the lines of a message; its expression once rescanned runs of spaces (50 s).
    const message = (n: number) => `x${' '.repeat(n)}y${' '.repeat(n)}\n  z`;
    const print = (n: number) => formatText([{ file: 'f.xxgk', findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'r', message: message(n) }] }], false);
    assert.equal(print(3).split('\n')[0], `f.xxgk:1:1 error r x${' '.repeat(3)}y z`);
    assert.equal(print(100_000).split('\n')[0], `f.xxgk:1:1 error r x${' '.repeat(100_000)}y z`);
  });

  it('suppression directives read as before', () => {
    const doc = parse('<!-- note --> <!-- xxgk-disable table-sum，cell-value -->\n<!-- xxgk-enable\n-->\n<!--xxgk-disable-next-line empty-cell-->\n');
    assert.deepEqual(doc.directives.map((d) => [d.kind, d.rules]), [['disable', ['table-sum', 'cell-value']], ['disable-next-line', ['empty-cell']]]);
  });
});

describe('item 9: lone CR line endings', () => {
  it('front matter with CR-only line endings reads as with LF', () => {
    for (const eol of ['\r', '\r\n', '\n']) {
      const text = ['---', '机关: 某局', '年度: 2023', '格式: 2021', '---', '# 某局2023年政府信息公开工作年度报告', ''].join(eol);
      const doc = parse(text);
      assert.deepEqual(doc.frontMatter?.errors, [], JSON.stringify(eol));
      assert.deepEqual(doc.frontMatter?.entries.map((e) => [e.key, e.value]), [['机关', '某局'], ['年度', 2023], ['格式', 2021]]);
      assert.equal(doc.year, 2023);
      assert.equal(doc.title?.text, '某局2023年政府信息公开工作年度报告');
      assert.deepEqual(diagnostics(text, 'front-matter'), [], JSON.stringify(eol));
      assert.deepEqual(reportIdentity(text), { agency: '某局', year: 2023 }, JSON.stringify(eol));
    }
  });

  it('the issue’s text: no YAML error and no “[object Object]”', () => {
    const text = '---\r机关: 某局\r年度: 2023\r---\r';
    assert.deepEqual(diagnostics(text, 'front-matter'), []);
  });

  it('spans of front-matter values with CR line endings point at the value', () => {
    const text = '---\r机关: 某局\r年度: 20x3\r---\r';
    const [d] = diagnostics(text, 'front-matter');
    assert.equal(covered(text, d), '20x3');
  });

  it('a list or mapping value is quoted as such, not as “[object Object]”', () => {
    const [d] = diagnostics('---\n机关: {名称: 某局}\n---\n', 'front-matter');
    assert.match(d.message, /“\{"名称":"某局"\}”/);
  });
});

describe('item 14: values that passed silently', () => {
  it('prose 1，234件 is read as 1,234件 (so its sum is checked) and warned about', () => {
    // Read as 234, the parts (200 + 34) matched and nothing was said; 1,234 is reported.
    const wide = '全年主动公开政府信息1，234条，其中工作动态200条，其他信息34条。\n';
    const ascii = wide.replace('，234', ',234');
    const sumsOf = (s: string) => diagnostics(s, 'prose-sum').filter((d) => d.severity === 'error').map((d) => d.message);
    assert.equal(sumsOf(ascii).length, 1);
    assert.deepEqual(sumsOf(wide), sumsOf(ascii));
    const warnings = diagnostics(wide, 'prose-sum').filter((d) => d.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.equal(covered(wide, warnings[0]), '1，234');
    assert.match(warnings[0].message, /全角逗号/);
    assert.deepEqual(warnings[0].fix?.edits.map((e) => e.newText), ['1,234']);
    // A list of figures (1，2，3件) and a year before a comma are not thousands.
    assert.deepEqual(extractFigures('分别为1，23件').map((f) => f.value.units), [23n]);
    assert.deepEqual(extractFigures('2023，123件').map((f) => f.value.units), [123n]);
    assert.deepEqual(extractFigures('１，２３４件').map((f) => [f.value.units, f.wideSeparator]), [[1234n, true]]);
  });

  it('a cell -0 is a cell-value error with a fix to 0', () => {
    const table = (v: string) => `---\n格式: 2021\n年度: 2023\n---\n::: 主动公开\n| 第二十条第（五）项 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | ${v} |\n:::\n`;
    for (const v of ['-0', '－０', '-0.00']) {
      const found = diagnostics(table(v), 'cell-value');
      assert.equal(found.length, 1, v);
      assert.match(found[0].message, /带负号的零/);
      assert.deepEqual(found[0].fix?.edits.map((e) => e.newText), ['0']);
    }
    assert.equal(diagnostics(table('0'), 'cell-value').length, 0);
    assert.equal(diagnostics(table('-'), 'cell-value').length, 0);
  });

  it('年度: 0x7E7 (and 1e3-style numbers) are not read as years', () => {
    for (const v of ['0x7E7', '0o3747', '2.023e3', '+2023', '02023']) {
      const text = `---\n机关: 某局\n年度: ${v}\n---\n# 某局政府信息公开工作年度报告\n`;
      const doc = parse(text);
      assert.equal(doc.year, undefined, v);
      const found = diagnostics(text, 'front-matter');
      assert.equal(found.length, 1, v);
      assert.equal(found[0].message, `“年度”的值“${v}”无效；应为4 位年份（2008 年《条例》施行后），例如 2023。`);
    }
    assert.equal(parse('---\n年度: 2023\n---\n').year, 2023);
    assert.equal(parse('---\n年度: "2023"\n---\n').year, 2023);
  });
});

describe('sibling of item 2: the formatter does not allocate by a cell’s width', () => {
  it('one 100,000-character cell in a 2,000-row table: the other rows are aligned among themselves, not padded to it', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `| 工作动态${i} | 1 | 2 |`);
    rows.splice(5, 0, `| ${'甲'.repeat(100_000)} | 1 | 2 |`);
    const text = '| 类别 | 上半年 | 合计 |\n|---|---|---|\n' + rows.join('\n') + '\n';
    const edits = formatTables(parse(text));
    const written = edits.reduce((n, e) => n + e.newText.length, 0);
    assert.ok(written < 2 * text.length, `${written} characters of edits for a text of ${text.length}`);
    assert.equal(edits.find((e) => e.newText.startsWith('| 工作动态0 '))?.newText, '| 工作动态0    | 1      | 2    |');
  });

  it('columns up to the limit still line up (the longest official label is well under it)', () => {
    const label = '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
    assert.ok(label.length * 2 <= MAX_ALIGNED_WIDTH);
    const text = `| ${label} | 1 |\n| 甲 | 2 |\n`;
    const edits = formatTables(parse(text));
    let out = text;
    for (const e of [...edits].reverse()) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    const [a, b] = out.split('\n');
    const upToSecondPipe = (line: string) => displayWidth(line.slice(0, line.indexOf('|', 1)));
    assert.equal(upToSecondPipe(b), upToSecondPipe(a));
  });
});

describe('the formatter keeps what the writer put inside a cell', () => {
  it('an ideographic space indenting a label stays (it was taken for padding and dropped); only spaces and tabs are padding', () => {
    const text = '| 项目 | 数量 |\n|---|---|\n|   　　其中：部门  | 1 |\n| 合计 | 1 |\n';
    let out = text;
    for (const e of [...formatTables(parse(text))].reverse()) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    assert.equal(out.split('\n')[2], '| 　　其中：部门 | 1    |');
    // Formatting again changes nothing, and the label the checker reads is the same.
    assert.deepEqual(formatTables(parse(out)), []);
    assert.equal(parse(out).plainTables[0].rows[2].cells[0].text, '其中：部门');
  });
});
