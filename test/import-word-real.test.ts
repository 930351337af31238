/**
 * A real report as a Word file in the shape real ones have (issue 11): headings by direct formatting with their
 * numbering typed, body text in split runs and typed indents, the official tables with their merged cells as Word
 * writes them (test/word-real-shape.ts). Filled with the text and figures of a corpus report, the import must give
 * that report back: the same diagnostics as the corpus file, and every table figure in its row and column.
 *
 * Source of the content: test/corpus/reports/14-沭阳县发展和改革局-2023.xxgk (沭阳县发展和改革局2023年政府信息公开
 * 年度报告, http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml; see its comment).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { checkText, parse } from '../server/src/core/index';
import { importFile } from '../server/src/core/import/file';
import { realShapeWord } from './word-real-shape';

const CORPUS = path.join(__dirname, 'corpus', 'reports');
const REPORTS = ['14-沭阳县发展和改革局-2023.xxgk', '13-平潭综合实验区-2023.xxgk'];

/** Diagnostics as a reviewer compares them: rule and severity, counted (lines differ with the layout). */
const findings = (text: string) =>
  checkText(text, { context: { today: '2026-06-01' } })
    .diagnostics.map((d) => `${d.rule} ${d.severity}`)
    .sort();

/**
 * Every figure of every official table, by table kind, row label and column (data rows: the header lines are the
 * layout's, and the 复议诉讼 table read from its official three-line header is written without one).
 */
const figuresOf = (text: string) =>
  parse(text).tables.flatMap((t) =>
    t.rows.filter((r) => r.kind === 'data').flatMap((r) => r.values.map((v, k) => `${t.kind} | ${r.label.text} | ${k} | ${v.text}`)),
  );

describe('a real report as a Word file in the real shape', () => {
  for (const name of REPORTS) {
    const hand = fs.readFileSync(path.join(CORPUS, name), 'utf8');

    it(`${name}: the fixture has the real shape (vMerge, gridSpan, no heading styles)`, async () => {
      const xml = await (await JSZip.loadAsync(await realShapeWord(hand))).file('word/document.xml')!.async('string');
      assert.ok(xml.includes('<w:vMerge w:val="restart"/>') && xml.includes('<w:vMerge w:val="continue"/>'), 'merged down, as Word writes it');
      assert.ok(xml.includes('<w:gridSpan w:val="3"/>') && xml.includes('<w:gridSpan w:val="10"/>'), 'merged across');
      assert.ok(!xml.includes('w:pStyle'), 'no heading styles');
    });

    it(`${name}: imports with every table figure in place and the corpus file's diagnostics`, async () => {
      const outcome = await importFile(name.replace(/\.xxgk$/, '.docx'), await realShapeWord(hand));
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
      const imported = outcome.result.text;
      assert.deepEqual(figuresOf(imported), figuresOf(hand));
      assert.deepEqual(findings(imported), findings(hand));
      // The title (broken over two lines by a line break, as it is here, and joined again), the sections and
      // sub-sections.
      const headings = (text: string) => parse(text).headings.map((h) => `${h.level} ${h.text}`);
      assert.deepEqual(headings(imported), headings(hand), 'the title and every heading found, with its own numbering');
    });
  }
});
