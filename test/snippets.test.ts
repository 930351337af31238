/**
 * Snippets are generated from the format data; these tests keep the committed file from drifting and check that
 * a report expanded from the snippets is structurally what the checker expects.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSnippets, escapeSnippet, initials, snippetsText, SNIPPETS_PATH } from '../scripts/gen-snippets';
import { checkText } from '../server/src/core/index';
import { reportDefaults, reportSnippet } from '../server/src/core/report-skeleton';

/** Structural rules a skeleton must never trip; prose rules may (the guidance text is meant to be replaced). */
const STRUCTURAL = ['table-sum', 'missing-row', 'missing-section', 'missing-table', 'cell-count', 'syntax', 'front-matter'];

/** Expands a snippet body as VS Code would with every tab stop left at its default; mirrors take the default. */
function expand(body: readonly string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  const unescape = (s: string) => s.replace(/\\([\\$}])/g, '$1');
  for (const m of text.matchAll(/\$\{(\d+):((?:\\.|[^\\}])*)\}/g)) defaults.set(m[1], unescape(m[2]));
  for (const m of text.matchAll(/\$\{(\d+)\|([^,|]*)/g)) defaults.set(m[1], m[2]);
  return text.replace(
    /\\([\\$}])|\$\{(\d+):(?:\\.|[^\\}])*\}|\$\{(\d+)\|[^|]*\|\}|\$\{(\d+)\}|\$(\d+)/g,
    (_all, esc: string | undefined, ph: string | undefined, choice: string | undefined, mirror: string | undefined, bare: string | undefined) =>
      esc ?? defaults.get((ph ?? choice ?? mirror ?? bare)!) ?? '',
  );
}

function structural(text: string): string[] {
  return checkText(text)
    .diagnostics.filter((d) => STRUCTURAL.includes(d.rule))
    .map((d) => `${d.rule}: ${d.message}`);
}

describe('snippets', () => {
  test('the committed snippets file is what scripts/gen-snippets.ts generates (run it after changing the formats)', () => {
    assert.equal(readFileSync(SNIPPETS_PATH, 'utf8'), snippetsText());
  });

  test('escaping and pinyin prefixes', () => {
    assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    assert.equal(expand(['${1:x\\}y}', '$1\\$0']), 'x}y\nx}y$0');
    assert.equal(initials('政府信息公开行政复议、行政诉讼情况'), 'zfxxgkxzfyxzssqk');
    const all = buildSnippets();
    assert.deepEqual(all['章节：总体情况（2021）'].prefix, ['总体情况', 'ztqk']);
    assert.equal(all['年报（2021 格式）'], undefined, 'the whole report comes from the language server, with a dated default');
  });

  const report = (format: '2021' | '2019') => reportSnippet(format, reportDefaults(format, new Date(2027, 0, 15))).split('\n');

  test('a new report defaults to last year until June, to this year from July; the 2019 format to 2020', () => {
    assert.deepEqual(reportDefaults('2021', new Date(2027, 0, 15)), { year: 2026, published: '2027-01-20' });
    assert.deepEqual(reportDefaults('2021', new Date(2026, 5, 30)), { year: 2025, published: '2026-01-20' });
    assert.deepEqual(reportDefaults('2021', new Date(2026, 10, 23)), { year: 2026, published: '2027-01-20' });
    assert.deepEqual(reportDefaults('2019', new Date(2031, 0, 1)), { year: 2020, published: '2021-01-20' });
  });

  for (const format of ['2021', '2019'] as const) {
    test(`a ${format} report expanded with defaults passes the structural rules`, () => {
      const text = expand(report(format));
      assert.match(text, /^# 某某市某某局20\d\d年政府信息公开工作年度报告$/m);
      const { document } = checkText(text);
      assert.equal(document.format, format);
      assert.deepEqual(structural(text), []);
    });
  }

  test('every table snippet is the very table of the whole report of its format(s), so the report test covers it', () => {
    const all = buildSnippets();
    let tables = 0;
    for (const [name, snippet] of Object.entries(all)) {
      const m = /^表：(主动公开|依申请|复议诉讼)（(.*)）$/.exec(name);
      if (!m) continue;
      tables++;
      for (const format of m[2].split('、')) {
        assert.ok(expand(report(format as '2021' | '2019')).includes(expand(snippet.body).trimEnd()), `${name} / ${format}`);
      }
    }
    assert.equal(tables, 5); // 主动公开 and 依申请 differ between 2019 and 2021; 复议诉讼 is shared
  });

  test('the legacy 附表 skeleton sums and parses', () => {
    const table = expand(buildSnippets()['表：附表（legacy）'].body);
    const text = `---\n机关: 某某局\n年度: 2012\n格式: legacy\n---\n\n# 某某局2012年政府信息公开工作年度报告\n\n## 一、概述\n\n正文。\n\n## 二、主动公开政府信息情况\n\n正文。\n\n## 三、依申请公开政府信息情况\n\n正文。\n\n## 四、存在的主要问题及改进措施\n\n正文。\n\n## 五、其他需要报告的事项\n\n${table}\n`;
    assert.deepEqual(structural(text), []);
    assert.equal(checkText(text).document.tables.length, 1);
  });
});
