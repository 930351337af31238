/**
 * Real published reports as their pages print them (issue 11): each file in test/fixtures/import/real is imported and
 * compared with the .xxgk a faithful hand conversion gives (its source and how it was made in the comments of both
 * files), and the imported report gets the same diagnostics as the same report written by hand in the corpus.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../server/src/core/index';
import { importText } from '../server/src/core/import/index';
import { importFile } from '../server/src/core/import/file';

const REAL = path.join(__dirname, 'fixtures', 'import', 'real');
const CORPUS = path.join(__dirname, 'corpus', 'reports');
/** The hand-written corpus report of the same published report, for each real fixture that has one. */
const SAME_REPORT: Record<string, string> = { '上海市人民政府办公厅-2019.html': '09-上海市人民政府办公厅-2019.xxgk' };
const pages = fs.readdirSync(REAL).filter((f) => /\.html?$/.test(f)).sort();
/** The expected file carries a comment on how it was made; the import does not write it. */
const withoutNote = (text: string) => text.replace(/\n<!-- 预期的导入结果[\s\S]*?-->\n/, '');
/** Diagnostics as a reviewer compares them: rule and severity, counted (lines differ with the layout). */
const findings = (text: string) =>
  checkText(text, { context: { today: '2026-06-01' } })
    .diagnostics.map((d) => `${d.rule} ${d.severity}`)
    .sort();

describe('real published pages', () => {
  it('there are real pages to import', () => {
    assert.ok(pages.length >= 1, `${pages.length} pages`);
  });

  for (const page of pages) {
    const expectedFile = path.join(REAL, page.replace(/\.html?$/, '.xxgk'));

    it(`${page}: imports to the faithful hand conversion`, async () => {
      const outcome = await importFile(page, fs.readFileSync(path.join(REAL, page)));
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
      assert.equal(outcome.result.text, withoutNote(fs.readFileSync(expectedFile, 'utf8')));
    });

    const hand = SAME_REPORT[page];
    if (hand) {
      it(`${page}: the same diagnostics as the report written by hand (${hand})`, () => {
        const imported = withoutNote(fs.readFileSync(expectedFile, 'utf8'));
        assert.deepEqual(findings(imported), findings(fs.readFileSync(path.join(CORPUS, hand), 'utf8')));
      });
    }
  }
});

/**
 * Published documents whose import went into the corpus word for word: there a comment on the source follows the front
 * matter, which is all that the import does not write.
 */
const IMPORTED_INTO_CORPUS: Record<string, string> = { '淮安市人民政府-2024.pdf': '24-淮安市人民政府-2024.xxgk' };
const withoutSource = (text: string) => text.replace(/<!-- 来源:[\s\S]*?-->\n\n/, '');

describe('real published documents (PDF)', () => {
  for (const [file, report] of Object.entries(IMPORTED_INTO_CORPUS)) {
    it(`${file}: imports to the corpus report ${report}, word for word, with what it did said`, async () => {
      const outcome = await importFile(file, fs.readFileSync(path.join(REAL, file)));
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
      const corpus = fs.readFileSync(path.join(CORPUS, report), 'utf8');
      assert.notEqual(withoutSource(corpus), corpus, 'the corpus report names its source');
      assert.equal(outcome.result.text, withoutSource(corpus));
      // Page numbers left out, the agency taken from the title, table 四 read as one row of 15 cells: each said.
      assert.equal(outcome.result.notes.length, 3, JSON.stringify(outcome.result.notes));
    });
  }
});

describe('the publication date a page prints by the title', () => {
  const page = (dateLine: string, end = '') =>
    `某某镇人民政府2024年政府信息公开工作年度报告\n${dateLine}\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n一、总体情况\n2024年，我镇做好政务公开工作。${end}`;

  for (const line of ['发布日期：2025-01-16', '发布时间:2025-01-16 10:01', '公开日期 ：2025年1月16日', '作者: 来源: 发布时间:2025-01-16 10:37']) {
    it(`“${line}” is the 发布日期, and the line stays in the text`, () => {
      const { text } = importText(page(line));
      assert.match(text, /^---\n[\s\S]*\n发布日期: 2025-01-16\n[\s\S]*---\n/);
      assert.ok(text.includes(line.trim()), 'nothing is dropped');
    });
  }

  it('it wins over a date signed at the end (when the report was written, not published)', () => {
    const { text } = importText(page('发布日期：2025-02-06', '\n某某镇人民政府\n2025年1月20日'));
    assert.match(text, /\n发布日期: 2025-02-06\n/);
  });

  it('a date that does not exist, or a labelled date deep in the text, is not taken', () => {
    assert.doesNotMatch(importText(page('发布日期：2025-02-30')).text, /\n发布日期: /);
    const deep = `某某镇人民政府2024年政府信息公开工作年度报告\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n一、总体情况\n我镇工作。\n二、主动公开政府信息情况\n《实施方案》发布时间：2024-05-06。`;
    assert.doesNotMatch(importText(deep).text, /\n发布日期: /);
  });
});
