import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { checkText, parse } from '../server/src/core/index';
import { tableSpec } from '../server/src/core/formats/index';
import { tableText } from '../server/src/core/skeleton';
import { nextYearReport } from '../server/src/core/next-year';
import { rowsById } from '../server/src/core/tables/grid';
import { report2021 } from './helpers';

describe('next year report', () => {
  it('advances the year, clears figures and carries 结转 into 上年结转', () => {
    const source = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
    const next = nextYearReport(source);
    assert.equal(next.year, 2024);
    const doc = parse(next.text);
    assert.equal(doc.year, 2024);
    assert.match(doc.title!.text, /2024年政府信息公开工作年度报告/);
    assert.match(next.text, /统计期限为2024年1月1日至2024年12月31日/);
    const old = rowsById(parse(source).tables.find((t) => t.kind === '依申请')!);
    const rows = rowsById(doc.tables.find((t) => t.kind === '依申请')!);
    assert.deepEqual(rows.get('carried')!.values.map((c) => c.text), old.get('next')!.values.map((c) => c.text));
    for (const [id, row] of rows) if (id !== 'carried') assert.ok(row.values.every((c) => c.text === ''), id);
    assert.equal(doc.tables.length, 3);
    assert.equal(doc.sections.length, 6);
    // Same structure: every line that is not a figure, a year or the date is unchanged.
    assert.equal(next.text.split('\n').length, source.split('\n').length);
  });

  it('leaves older years alone and clears the publication date', () => {
    const source = report2021().replace('2023年，本局认真贯彻', '2023年，本局按2019年修订的条例认真贯彻');
    const next = nextYearReport(source);
    assert.match(next.text, /2024年，本局按2019年修订的条例/);
    assert.match(next.text, /发布日期: \n/);
  });

  it('leaves a law’s revision and entry into force alone, even in the year before (a 2020 report’s 2019年修订 became 2020年修订)', () => {
    const source = report2021()
      .replace('年度: 2023', '年度: 2020')
      .replace('2023年，本局认真贯彻', '2020年，新修订的《中华人民共和国政府信息公开条例》（2019年修订）于2019年5月15日起施行，2019年的工作基础上，本局2020年修订完善主动公开目录，认真贯彻');
    const next = nextYearReport(source);
    assert.match(next.text, /2021年，新修订的《中华人民共和国政府信息公开条例》（2019年修订）于2019年5月15日起施行，2020年的工作基础上，本局2021年修订完善主动公开目录/);
  });

  it('lays the tables out in the new format when it changes (2020 → 2021), 上年结转 filled: the old layout was checked against the new format', () => {
    const tables = (['主动公开', '依申请', '复议诉讼'] as const).map((kind) => tableText(tableSpec('2019', kind)!, '1'));
    // A note and a suppression inside a table are kept, before it (they were dropped with the old layout).
    tables[1] = tables[1].replace('::: 依申请\n', '::: 依申请\n<!-- 数据来源：登记台账 -->\n');
    const source = `---\n机关: 测试局\n年度: 2020\n格式: 2019\n---\n# 测试局2020年政府信息公开工作年度报告\n\n${tables.join('\n\n')}\n`;
    const next = nextYearReport(source);
    assert.equal(next.formatChanged, true);
    assert.equal(next.tablesRelaid, true);
    assert.match(next.text, /<!-- 数据来源：登记台账 -->\n::: 依申请\n/);
    const doc = parse(next.text);
    assert.equal(doc.format, '2021');
    const requests = rowsById(doc.tables.find((t) => t.kind === '依申请')!);
    assert.ok(requests.has('otherHandling.noSupplement'), [...requests.keys()].join(' '));
    assert.deepEqual(requests.get('carried')!.values.map((c) => c.text), ['1', '1', '1', '1', '1', '1', '1']);
    const structural = checkText(next.text).diagnostics.filter((d) => ['missing-row', 'unknown-row', 'cell-count', 'table-format'].includes(d.rule));
    assert.deepEqual(structural, []);
    // A table written in two containers (split where a page broke) is laid out once.
    const split = tables[1].replace('| （七）总计 |', ':::\n\n::: 依申请\n| （七）总计 |');
    const once = nextYearReport(source.replace(tables[1], split));
    assert.equal(parse(once.text).tables.filter((t) => t.kind === '依申请').length, 1);
    assert.deepEqual(checkText(once.text).diagnostics.filter((d) => ['missing-row', 'unknown-row'].includes(d.rule)), []);
  });

  it('switches the declared format when the new year needs another', () => {
    const next = nextYearReport('---\n机关: 测试局\n年度: 2020\n格式: 2019\n---\n# 测试局2020年报告\n');
    assert.equal(next.formatChanged, true);
    assert.match(next.text, /格式: 2021/);
  });
});

describe('next year report from a legacy one', () => {
  it('a 2018 report (legacy 附表) becomes a 2019 one without tables laid out: the editor is told to check them', () => {
    const next = nextYearReport(fs.readFileSync('test/corpus/reports/08-平潭综合实验区-2018.xxgk', 'utf8'));
    assert.equal(next.formatChanged, true);
    assert.equal(next.tablesRelaid, false);
  });
});
