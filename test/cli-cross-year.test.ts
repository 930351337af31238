import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import { report2021 } from './helpers';

it('xxgk check pairs each report with last year’s report of the same agency (cross-year)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cross-'));
  // Last year: 2 applications carried into the next year; this year declares 3 carried over.
  fs.writeFileSync(path.join(dir, '2022.xxgk'), report2021().replace('年度: 2023', '年度: 2022').replace(/2023年/g, '2022年').replace('发布日期: 2024-01-20', '发布日期: 2023-01-20'));
  const thisYear = report2021()
    .replace('| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
    .replace('| 一、本年新收政府信息公开申请数量 | 20 | 3 | 0 | 0 | 1 | 0 | 24 |', '| 一、本年新收政府信息公开申请数量 | 19 | 3 | 0 | 0 | 1 | 0 | 23 |')
    .replace('共收到政府信息公开申请24件，上年结转2件', '共收到政府信息公开申请23件，上年结转3件');
  fs.writeFileSync(path.join(dir, '2023.xxgk'), thisYear);
  fs.writeFileSync(path.join(dir, 'other-agency-2022.xxgk'), report2021().replace('测试市测试局', '另一个局').replace('年度: 2023', '年度: 2022'));
  const result = spawnSync(process.execPath, ['bin/xxgk.js', 'check', '--format', 'json', dir], { encoding: 'utf8' });
  const rows = JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string; kind?: string }>;
  const findings = rows.filter((r) => !r.kind);
  const cross = findings.filter((f) => f.rule === 'cross-year' && f.message.includes('上年结转'));
  assert.ok(findings.some((f) => f.rule === 'cross-year' && f.message.includes('现行有效件数')));
  assert.deepEqual(cross.map((f) => path.basename(f.file)), ['2023.xxgk', '2023.xxgk']);
  assert.match(cross[0].message, /上年结转 3 与 2022 年报告的“结转下年度继续办理”2 不一致/);
  assert.equal(result.status, 1);
});

it('xxgk check gives the repetition rate of each report checked with last year’s, in text, JSON and SARIF', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rate-'));
  const lastYear = report2021().replace('年度: 2023', '年度: 2022').replace(/2023年/g, '2022年').replace('发布日期: 2024-01-20', '发布日期: 2023-01-20');
  fs.writeFileSync(path.join(dir, '2022.xxgk'), lastYear);
  // This year: last year's text with the years changed, so nearly all of it repeats.
  fs.writeFileSync(path.join(dir, '2023.xxgk'), report2021());
  fs.writeFileSync(path.join(dir, 'other-agency-2023.xxgk'), report2021().replace('测试市测试局', '另一个局'));
  const run = (format: string) => spawnSync(process.execPath, ['bin/xxgk.js', 'check', '--format', format, '--lang', 'zh', dir], { encoding: 'utf8' });

  const rows = JSON.parse(run('json').stdout) as Array<{ file: string; kind?: string; rate?: number; previous?: string; rule?: string }>;
  const rates = rows.filter((r) => r.kind === 'repetition');
  assert.deepEqual(rates.map((r) => [path.basename(r.file), path.basename(r.previous!)]), [['2023.xxgk', '2022.xxgk']], 'only the report whose previous year was checked with it');
  assert.ok(rates[0].rate! > 0.5 && rates[0].rate! <= 1, `rate ${rates[0].rate}`);
  // The rate is the one the repetition rule judged: above half, the rule warns on the same report.
  assert.ok(rows.some((r) => r.rule === 'repetition' && path.basename(r.file) === '2023.xxgk'));

  const percent = `${Math.round(rates[0].rate! * 100)}%`;
  const text = run('text').stdout;
  assert.match(text, new RegExp(`2023\\.xxgk 与上一年度年报 .*2022\\.xxgk 的重复率 ${percent}`));

  const sarif = JSON.parse(run('sarif').stdout).runs[0];
  assert.deepEqual(sarif.properties.repetition.map((r: { file: string; rate: number }) => [path.basename(r.file), r.rate]), [['2023.xxgk', rates[0].rate]]);
});

it('last year’s report saved in GBK is paired, by `xxgk check` and by the language server’s workspace (read as UTF-8, it had no agency and was never paired)', async () => {
  const iconv = await import('iconv-lite');
  const { pathToFileURL } = await import('node:url');
  const { parse } = await import('../server/src/core/index');
  const { Workspace } = await import('../server/src/lsp/workspace');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cross-gbk-'));
  // Long enough that the first 8 KB the CLI reads for the agency end inside a line.
  const lastYear = report2021().replace('年度: 2023', '年度: 2022').replace(/2023年/g, '2022年').replace('发布日期: 2024-01-20', '发布日期: 2023-01-20');
  fs.writeFileSync(path.join(dir, '2022.xxgk'), iconv.encode(lastYear + `\n${'本局持续推进政务公开标准化规范化建设。'.repeat(400)}\n`, 'gbk'));
  const thisYear = report2021()
    .replace('| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |')
    .replace('| 一、本年新收政府信息公开申请数量 | 20 | 3 | 0 | 0 | 1 | 0 | 24 |', '| 一、本年新收政府信息公开申请数量 | 19 | 3 | 0 | 0 | 1 | 0 | 23 |')
    .replace('共收到政府信息公开申请24件，上年结转2件', '共收到政府信息公开申请23件，上年结转3件');
  fs.writeFileSync(path.join(dir, '2023.xxgk'), thisYear);
  try {
    const result = spawnSync(process.execPath, ['bin/xxgk.js', 'check', '--format', 'json', dir], { encoding: 'utf8' });
    const rows = JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string; kind?: string }>;
    assert.ok(rows.some((r) => r.rule === 'cross-year' && /上年结转 3 与 2022 年报告的“结转下年度继续办理”2 不一致/.test(r.message)), result.stdout);

    const workspace = new Workspace(() => undefined);
    const lastUri = pathToFileURL(path.join(dir, '2022.xxgk')).toString();
    workspace.update(lastUri);
    const found = workspace.previousYear(parse(thisYear), pathToFileURL(path.join(dir, '2023.xxgk')).toString());
    assert.equal(found?.year, 2022);
    assert.match(found.text, /本局持续推进政务公开标准化规范化建设/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
