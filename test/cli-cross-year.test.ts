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
  const findings = JSON.parse(result.stdout) as Array<{ file: string; rule: string; message: string }>;
  const cross = findings.filter((f) => f.rule === 'cross-year' && f.message.includes('上年结转'));
  assert.ok(findings.some((f) => f.rule === 'cross-year' && f.message.includes('现行有效件数')));
  assert.deepEqual(cross.map((f) => path.basename(f.file)), ['2023.xxgk', '2023.xxgk']);
  assert.match(cross[0].message, /上年结转 3 与 2022 年报告的“结转下年度继续办理”2 不一致/);
  assert.equal(result.status, 1);
});
