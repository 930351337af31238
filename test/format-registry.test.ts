/**
 * The format registry is the one place formats are defined: a format registered here, in the test, with no other
 * file changed, is parsed, checked (rows, sums, sections), completed, rendered and named in messages.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  allFormats, BUILT_IN_FORMATS, checkDocument, formatForYear, formatIds, formatSpec, parse, registerFormat, RULES, ruleApplies,
  type FormatSpec, type RowSpec, type TableSpec,
} from '../server/src/core/index';
import { renderHtml } from '../server/src/core/render/html';
import { completions } from '../server/src/lsp/providers/completion';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/lsp/settings';

const base = formatSpec('2021');
const probeRow: RowSpec = { id: 'probe', label: '（六之一）试点处理', name: '试点处理', parent: 'results' };

/** The 2021 format with one more row in 依申请 (counted in （七）总计) and section 五 renamed. */
function probeFormat(): FormatSpec {
  const tables = base.tables.map((table): TableSpec => {
    if (table.kind !== '依申请') return table;
    const at = table.rows.findIndex((r) => r.id === 'total');
    return {
      ...table,
      rows: [...table.rows.slice(0, at), probeRow, ...table.rows.slice(at)],
      relations: table.relations.map((r) => (r.kind === 'column' && r.id === 'R2' ? { ...r, parts: [...r.parts, 'probe'] } : r)),
    };
  });
  return {
    ...base,
    id: 'probe',
    label: () => '试点格式',
    usage: () => '仅供测试',
    years: undefined,
    source: '测试用格式',
    sections: base.sections.map((s) => (s.id === 'problems' ? { ...s, name: '存在的主要问题及整改情况', variants: [] } : s)),
    tables,
  };
}

const clean = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
const totalLine = '| （七）总计 | 156 | 21 | 0 | 1 | 5 | 1 | 184 |';
const probeLine = '| （六之一）试点处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
/** The clean example in the probe format: its extra row filled in, section 五 under its new name. */
function probeReport(options: { row?: boolean; renamed?: boolean } = {}): string {
  let text = clean.replace('格式: 2021', '格式: probe');
  if (options.row ?? true) text = text.replace(totalLine, `${probeLine}\n${totalLine}`);
  if (options.renamed ?? true) text = text.replace('## 五、存在的主要问题及改进情况', '## 五、存在的主要问题及整改情况');
  return text;
}
const diagnosticsOf = (text: string) => checkDocument(parse(text), { context: { today: '2024-02-01' } });

describe('a format registered at run time', () => {
  let unregister: () => void;
  before(() => {
    unregister = registerFormat(probeFormat());
  });
  after(() => unregister());

  it('is listed, accepted in front matter and settings, and never inferred from a year', () => {
    assert.ok(formatIds().includes('probe'));
    const doc = parse(probeReport());
    assert.equal(doc.format, 'probe');
    assert.equal(doc.formatSource, 'front-matter');
    assert.deepEqual(diagnosticsOf(probeReport()).filter((d) => d.rule === 'front-matter'), []);
    assert.equal(readSettings({ format: 'probe' }).settings.format, 'probe');
    for (let year = 2008; year <= 2030; year++) assert.notEqual(formatForYear(year), 'probe');
  });

  it('is checked by every rule that fits a national format', () => {
    const applies = RULES.filter((r) => ruleApplies(r, formatSpec('probe'))).map((r) => r.id);
    const national = RULES.filter((r) => ruleApplies(r, base)).map((r) => r.id);
    assert.deepEqual(applies, national);
  });

  it('reads its extra row and checks the sums that include it', () => {
    const doc = parse(probeReport());
    const table = doc.tables.find((t) => t.kind === '依申请')!;
    assert.ok(table.rows.some((r) => r.match?.row.id === 'probe'), 'the extra row is recognised');
    const diagnostics = diagnosticsOf(probeReport());
    assert.deepEqual(diagnostics.filter((d) => d.rule === 'unknown-row' || d.rule === 'missing-row'), []);
    const sums = diagnostics.filter((d) => d.rule === 'table-sum');
    assert.ok(sums.some((d) => d.message.includes('185')), `（七）总计 184 against items adding up to 185: ${sums.map((d) => d.message).join(' / ')}`);
    // With the probe's 1 in （七）总计 and one fewer carried over, every relation holds again.
    const balanced = probeReport()
      .replace(totalLine, totalLine.replace('| 156 |', '| 157 |').replace('| 184 |', '| 185 |'))
      .replace('| 四、结转下年度继续办理 | 8 | 1 | 0 | 0 | 0 | 0 | 9 |', '| 四、结转下年度继续办理 | 7 | 1 | 0 | 0 | 0 | 0 | 8 |');
    assert.deepEqual(diagnosticsOf(balanced).filter((d) => d.rule === 'table-sum').map((d) => d.message), []);
  });

  it('asks for its extra row when it is missing', () => {
    const missing = diagnosticsOf(probeReport({ row: false })).filter((d) => d.rule === 'missing-row');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /试点处理/);
  });

  it('knows its renamed section, and names it in messages', () => {
    assert.deepEqual(diagnosticsOf(probeReport()).filter((d) => /section/.test(d.rule)), []);
    const old = diagnosticsOf(probeReport({ renamed: false })).filter((d) => /section/.test(d.rule));
    assert.ok(old.some((d) => d.message.includes('存在的主要问题及整改情况')), old.map((d) => `${d.rule}: ${d.message}`).join('\n'));
  });

  it('is offered by completion: its rows in the table, its id in front matter', () => {
    const text = probeReport({ row: false }).replace(totalLine, `| 试点\n${totalLine}`);
    const offset = text.indexOf('| 试点') + '| 试点'.length;
    const labels = completions(parse(text), offset).items.map((i) => i.label);
    assert.ok(labels.includes(probeRow.label), labels.join(', '));
    const fm = probeReport().replace('格式: probe', '格式: ');
    const values = completions(parse(fm), fm.indexOf('格式: ') + '格式: '.length).items.map((i) => i.label);
    assert.deepEqual(values, formatIds());
  });

  it('is rendered in the official layout with its extra row', () => {
    const html = renderHtml(parse(probeReport()));
    assert.ok(html.includes('（六之一）试点处理') || html.includes('试点处理'));
    assert.ok(html.includes('存在的主要问题及整改情况'));
  });

  it('is gone once unregistered: its id falls back to a default, with a front-matter error', () => {
    const remove = registerFormat({ ...probeFormat(), id: 'probe-2' });
    remove();
    assert.ok(!formatIds().includes('probe-2'));
    const doc = parse(probeReport().replace('格式: probe', '格式: probe-2'));
    assert.notEqual(doc.format, 'probe-2');
    assert.ok(diagnosticsOf(doc.text).some((d) => d.rule === 'front-matter'));
  });
});

describe('the built-in formats', () => {
  it('are registered, newest national format first', () => {
    assert.deepEqual(allFormats().slice(0, BUILT_IN_FORMATS.length).map((f) => f.id), ['2021', '2019', 'legacy']);
    assert.equal(formatForYear(2024), '2021');
    assert.equal(formatForYear(2020), '2019');
    assert.equal(formatForYear(2019), '2019');
    assert.equal(formatForYear(2018), 'legacy');
    assert.equal(formatForYear(2001), 'legacy');
  });

  it('package.json offers exactly the registered formats in xxgk.format, each described', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    const setting = pkg.contributes.configuration.properties['xxgk.format'];
    assert.deepEqual(setting.enum, ['auto', ...formatIds()]);
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
    const nls = JSON.parse(fs.readFileSync('package.nls.json', 'utf8'));
    for (const d of setting.enumDescriptions) assert.ok(nls[d.replace(/^%|%$/g, '')], `${d} is in package.nls.json`);
    assert.equal(DEFAULT_SETTINGS.format, 'auto');
  });

  it('the .xxgkrc.json schema offers exactly the registered formats', () => {
    const schema = JSON.parse(fs.readFileSync('schemas/xxgkrc.schema.json', 'utf8'));
    assert.deepEqual(schema.properties.format.enum, formatIds());
  });
});
