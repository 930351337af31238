/**
 * Importing a report from plain text (issue 11, first slice): fixtures in the shapes real pastes have, each with
 * its expected `.xxgk`; a round trip of every example and corpus report through the text a browser or Word copy
 * gives; and the `xxgk import` command.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkDocument, parse } from '../server/src/core/index';
import { LAYOUT_WORDS } from '../server/src/core/import/cell-kinds';
import { importText } from '../server/src/core/import/index';
import { labelKey } from '../server/src/core/text/normalize';
import { renderHtml } from '../server/src/core/render/html';
import { compareOfficialRoundTrip, LAYOUT_CHANGED, ROUND_TRIP_KNOWN, copyAsPlainText, copyHtmlAsPlainText, reportFiles, ruleCounts, runXxgk, tableCells, type CopyShape } from './import-helpers';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(__dirname, 'fixtures', 'import');
const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('import from plain text: fixtures in real shapes', () => {
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

  it('there are fixtures of every shape', () => {
    assert.deepEqual(fixtures, ['web-2021-spaced.txt', 'web-legacy-lines.txt', 'word-2019-dense.txt', 'word-2021-tabs.txt']);
  });

  for (const f of fixtures) {
    it(`${f} imports to its expected .xxgk`, () => {
      const expected = read(path.join(FIXTURES, f.replace(/\.txt$/, '.xxgk')));
      assert.equal(importText(read(path.join(FIXTURES, f))).text, expected);
    });
  }

  const notesOf = (f: string) => importText(read(path.join(FIXTURES, f))).notes.map((n) => `${n.line} ${n.message}`);

  it('a web page with cells spaced by blank lines: the two-level header, interleaved group labels, the 15-figure 复议诉讼 row', () => {
    const result = importText(read(path.join(FIXTURES, 'web-2021-spaced.txt')));
    assert.deepEqual(result.frontMatter, { agency: '青山县统计局', year: 2023, format: '2021', published: '2024-01-19' });
    const doc = parse(result.text);
    const requests = doc.tables.find((t) => t.kind === '依申请')!;
    // The blank 总计 of 3.其他 stays blank; the wrong （七）总计 stays wrong; the mistyped label stays as typed.
    const row = (id: string) => requests.rows.find((r) => r.match?.row.id === id)!;
    assert.deepEqual(row('otherHandling.misc').values.map((c) => c.text), ['0', '0', '0', '0', '0', '0', '']);
    assert.deepEqual(row('total').values.map((c) => c.text), ['4', '1', '0', '0', '0', '0', '6']);
    assert.equal(row('partial').label.text, '（二）部分公开（区分处理的，只计这一情况，不计其他情形）');
    assert.deepEqual(requests.rows.find((r) => r.kind === 'header')!.values.map((c) => c.text), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const appeals = doc.tables.find((t) => t.kind === '复议诉讼')!;
    assert.deepEqual(appeals.rows.map((r) => r.match?.row.id), ['review', 'direct', 'afterReview']);
    // The navigation line above the title is kept as text; the title is the line that names a year.
    assert.equal(doc.title?.text, '青山县统计局2023年政府信息公开工作年度报告');
    assert.match(result.text, /^首页 > 政务公开 > 政府信息公开年报$/m);
    const rules = checkDocument(doc, { context: { today: '2024-02-01' } }).map((d) => d.rule);
    assert.ok(rules.includes('table-sum') && rules.includes('empty-cell') && rules.includes('row-label'));
    assert.ok(notesOf('web-2021-spaced.txt').some((n) => /按相近的官方行/.test(n)));
  });

  it('a Word paste one cell per line: header cells and labels broken over two lines are joined, empty lines are empty cells', () => {
    const notes = notesOf('word-2019-dense.txt');
    assert.ok(notes.includes('9 表头“本年新”与下一行“制作数量”合为一格“本年新制作数量”'), notes.join('\n'));
    assert.ok(notes.includes('97 行标签“（二）部分公开（区分处理的，只计这一情形，”与下一行“不计其他情形）”合为一行'), notes.join('\n'));
    const doc = parse(importText(read(path.join(FIXTURES, 'word-2019-dense.txt'))).text);
    assert.equal(doc.format, '2019');
    const requests = doc.tables.find((t) => t.kind === '依申请')!;
    const open = requests.rows.find((r) => r.match?.row.id === 'open')!;
    assert.deepEqual(open.values.map((c) => c.text), ['5', '1', '0', '0', '0', '0', '']);
  });

  it('a legacy 附表 one cell per line: every row with its unit and figures, a blank left blank', () => {
    const doc = parse(importText(read(path.join(FIXTURES, 'web-legacy-lines.txt'))).text);
    assert.equal(doc.format, 'legacy');
    const table = doc.tables[0];
    assert.equal(table.kind, '附表');
    assert.equal(table.rows.filter((r) => r.kind === 'data').length, 7);
    const applications = table.rows.find((r) => r.label.text === '受理政府信息公开申请数')!;
    assert.equal(applications.unit, '件');
    assert.deepEqual(applications.values.map((c) => c.text), ['12', '']);
    // The office signs for the government; the agency stays the one of the title.
    assert.equal(importText(read(path.join(FIXTURES, 'web-legacy-lines.txt'))).frontMatter.agency, '东湖区人民政府');
  });

  it('a report without a title takes its year, and so its format, from the statistics period, with a note', () => {
    // The shape of the real 南薰乡 2014 report (test/corpus): no title, the period in the first paragraph.
    const result = importText('现将我乡2014年政府信息公开工作报告公开如下。本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。\n一、概述\n乡成立了政府信息公开工作领导小组。\n');
    assert.equal(result.frontMatter.year, 2014);
    assert.equal(result.frontMatter.format, 'legacy');
    assert.ok(result.notes.some((n) => n.message.includes('年度 2014 取自统计期限')), result.notes.map((n) => n.message).join('\n'));
    // A period that does not start on 1 January names no report year.
    assert.equal(importText('本报告统计期限为2015年12月1日至2016年10月30日。\n一、概述\n正文。\n').frontMatter.year, undefined);
  });

  it('a Word paste with tabs: a plain table stays a table, an unknown row is kept and noted, a missing table stays missing', () => {
    const notes = notesOf('word-2021-tabs.txt');
    assert.ok(notes.some((n) => n.startsWith('37 “9.其他不予公开情形”不是')), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith('1 没有找到“复议诉讼”表')), notes.join('\n'));
    const doc = parse(importText(read(path.join(FIXTURES, 'word-2021-tabs.txt'))).text);
    assert.equal(doc.plainTables.length, 1);
    const rules = checkDocument(doc, { context: { today: '2023-01-20' } }).map((d) => d.rule).sort();
    // The fixture's 总体情况 is one sentence and its 五 one problem: the content rules' hints are real.
    assert.deepEqual(rules, ['missing-table', 'overview-topics', 'problems-content', 'row-label', 'section-numbering', 'unknown-row']);
  });
});

/** One cell per line, a table that is not official has no known width: its cells come back as paragraphs. */
const PLAIN_TABLE_LOST: Record<string, string[]> = { '2023-errors.xxgk': ['table-sum'] };

const reports = reportFiles(ROOT);

describe('import from plain text: round trip of every example and corpus report', () => {
  const tally = { exact: 0, total: 0 };
  after(() => {
    console.log(`round trip (3 text shapes × ${reports.length} reports): ${tally.exact} of ${tally.total} table cells came back exact`);
  });

  for (const file of reports) {
    const name = path.basename(file);
    for (const shape of ['tabs', 'lines', 'spaced'] as CopyShape[]) {
      it(`${name}, copied as ${shape}`, () => {
        const original = parse(read(file));
        const imported = parse(importText(copyAsPlainText(original, shape)).text);

        const before = tableCells(original);
        const after = tableCells(imported);
        let exact = 0;
        for (const [key, text] of before) if (after.get(key) === text) exact++;
        tally.exact += exact;
        tally.total += before.size;
        assert.deepEqual(after, before, 'every figure and blank in its place');

        assert.deepEqual(imported.sections.map((s) => s.heading.text), original.sections.map((s) => s.heading.text));
        assert.equal(imported.format, original.format);

        const want = ruleCounts(original);
        const got = ruleCounts(imported);
        const allowed = new Set([...Object.keys(ROUND_TRIP_KNOWN[name] ?? {}), ...(shape === 'tabs' ? [] : (PLAIN_TABLE_LOST[name] ?? []))]);
        for (const rule of new Set([...Object.keys(want), ...Object.keys(got)])) {
          if (allowed.has(rule)) continue;
          assert.equal(got[rule] ?? 0, want[rule] ?? 0, `diagnostics of rule ${rule}`);
        }
      });
    }
  }
});

describe('import from plain text: round trip through the rendered page (official layout)', () => {
  const tally = { exact: 0, total: 0 };
  after(() => {
    console.log(`round trip (rendered HTML, 2 copy shapes × ${reports.length} reports): ${tally.exact} of ${tally.total} table cells came back exact`);
  });

  for (const file of reports) {
    const name = path.basename(file);
    for (const shape of ['tabs', 'lines'] as const) {
      it(`${name}, rendered and copied as ${shape}`, () => {
        const original = parse(read(file));
        const text = copyHtmlAsPlainText(renderHtml(original, { standalone: true }), shape);
        compareOfficialRoundTrip(original, parse(importText(text).text), tally, name in LAYOUT_CHANGED, Object.keys(ROUND_TRIP_KNOWN[name] ?? {}));
      });
    }
  }
});

describe('import from plain text: nothing is dropped', () => {
  // Pieces of real tables shuffled into nonsense: whatever the import makes of them, every piece of text is in the
  // result (the layout words of the official header excepted, which the container implies) and the result parses.
  const pieces = ['行政复议', '0', '', '\t', '总计', '其他', '三、本年度办理结果', '（一）予以公开', '指标名称', '计量单位', '2016', '历年累计', '条', '本年新', '制作数量', '\n', '1.属于国家秘密', '规章', '信息内容', '12', '一、总体情况', '申请人情况'];
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const layout = new Set([...LAYOUT_WORDS].map(labelKey));
  it('on 400 shuffled texts', () => {
    for (let i = 0; i < 400; i++) {
      let source = '';
      for (let n = Math.floor(random() * 150); n > 0; n--) source += pieces[Math.floor(random() * pieces.length)] + (random() < 0.7 ? '\n' : '');
      const out = importText(source).text;
      assert.deepEqual(parse(out).syntaxProblems, [], source);
      for (const cell of source.split(/[\n\t]/).map((c) => c.trim())) {
        if (cell && !layout.has(labelKey(cell))) assert.ok(out.includes(cell), `“${cell}” dropped from:\n${source}`);
      }
    }
  });
});

describe('xxgk import', () => {
  let tmp = '';
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
    fs.copyFileSync(path.join(FIXTURES, 'word-2021-tabs.txt'), path.join(tmp, '年报.txt'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const xxgk = (args: readonly string[]) => runXxgk(ROOT, tmp, args);

  it('writes the .xxgk beside the text, prints the notes with their lines, and refuses to overwrite', () => {
    const first = xxgk(['import', '年报.txt']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /已生成 年报\.xxgk（5 条提示）/);
    assert.match(first.stdout, /^年报\.txt:37: “9\.其他不予公开情形”不是/m);
    assert.equal(read(path.join(tmp, '年报.xxgk')), read(path.join(FIXTURES, 'word-2021-tabs.xxgk')));
    const again = xxgk(['import', '年报.txt']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /输出文件已存在：年报\.xxgk（如要覆盖，请加 --force）/);
    assert.equal(xxgk(['import', '年报.txt', '--force']).status, 0);
  });

  it('-o, --out-dir and stdout', () => {
    fs.mkdirSync(path.join(tmp, 'out'), { recursive: true });
    assert.equal(xxgk(['import', '年报.txt', '--out-dir', 'out']).status, 0);
    assert.ok(fs.existsSync(path.join(tmp, 'out', '年报.xxgk')));
    assert.equal(xxgk(['import', '年报.txt', '-o', 'other.xxgk']).status, 0);
    const piped = xxgk(['import', '年报.txt', '-o', '-']);
    assert.equal(piped.status, 0);
    assert.equal(piped.stdout, read(path.join(FIXTURES, 'word-2021-tabs.xxgk')));
    assert.match(piped.stderr, /年报\.txt:1: 没有找到“复议诉讼”表/);
  });

  it('usage and input problems exit 2 and write nothing', () => {
    const both = xxgk(['import', '年报.txt', '-o', 'a.xxgk', '--out-dir', 'out']);
    assert.equal(both.status, 2);
    fs.writeFileSync(path.join(tmp, 'b.txt'), '二、主动公开政府信息情况\n');
    assert.equal(xxgk(['import', '年报.txt', 'b.txt', '-o', 'x.xxgk']).status, 2);
    fs.writeFileSync(path.join(tmp, 'report.docx'), 'PK');
    const docx = xxgk(['import', 'report.docx']);
    assert.equal(docx.status, 2);
    assert.match(docx.stderr, /扩展名是 \.docx，但内容是纯文本/);
    assert.equal(xxgk(['import', 'missing.txt']).status, 2);
    fs.writeFileSync(path.join(tmp, 'latin1.txt'), Buffer.from([0x41, 0xe9, 0x74, 0xe9, 0x0a]));
    assert.equal(xxgk(['import', 'latin1.txt']).status, 2);
    assert.ok(!fs.existsSync(path.join(tmp, 'a.xxgk')) && !fs.existsSync(path.join(tmp, 'x.xxgk')) && !fs.existsSync(path.join(tmp, 'latin1.xxgk')));
  });

  it('a GBK text is converted, with a note that it was', () => {
    fs.writeFileSync(path.join(tmp, 'gbk.txt'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x0a])); // 年报 in GBK
    const gbk = xxgk(['import', 'gbk.txt', '-o', '-']);
    assert.equal(gbk.status, 0, gbk.stderr);
    assert.match(gbk.stdout, /年报/);
    assert.match(gbk.stderr, /gbk\.txt: 文件是 GBK\/GB18030 编码，已转换为 UTF-8 读取/);
  });

  it('a UTF-16 text (Notepad’s “Unicode”), with its BOM or without, either order: converted as the UTF-8 one is, with a note (refused before)', () => {
    const utf8 = fs.readFileSync(path.join(tmp, '年报.txt'), 'utf8');
    const le = Buffer.from(utf8, 'utf16le');
    const files = { 'le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'be-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]).swap16(), 'le.txt': le, 'be.txt': Buffer.from(le).swap16() };
    for (const [name, bytes] of Object.entries(files)) {
      fs.writeFileSync(path.join(tmp, name), bytes);
      const run = xxgk(['import', name, '-o', '-']);
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      assert.equal(run.stdout, read(path.join(FIXTURES, 'word-2021-tabs.xxgk')), name);
      assert.match(run.stderr, /文件是 UTF-16(?:LE|BE) 编码，已转换为 UTF-8 导入/, name);
    }
  });
});
