/** `xxgk check --format csv`: one row per report for reviewers who work in a spreadsheet (issue 11). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(__dirname, '..');
const xxgk = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'xxgk.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });

/** RFC 4180 reader, enough for the test: quoted fields with doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
    else cell += c;
  }
  return rows;
}

describe('xxgk check --format csv', () => {
  it('one row per report: file, 机关, 年度, 格式, errors and warnings as the JSON output counts them, the first problems', () => {
    const csv = xxgk(['check', 'examples', '--format', 'csv']);
    assert.equal(csv.status, 1, csv.stderr);
    assert.ok(csv.stdout.startsWith('\ufeff'), 'a byte order mark for Excel and WPS');
    const [header, ...rows] = readCsv(csv.stdout.slice(1));
    assert.deepEqual(header, ['文件', '机关', '年度', '格式', '错误', '警告', '主要问题', '与上年重复率']);
    const json = JSON.parse(xxgk(['check', 'examples', '--format', 'json']).stdout) as Array<{ file: string; severity: string; rule: string; line: number }>;
    const files = [...new Set(fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.xxgk')).map((f) => `examples/${f}`))].sort();
    assert.deepEqual(rows.map((r) => r[0]).sort(), files);
    for (const r of rows) {
      const mine = json.filter((d) => d.file === r[0]);
      assert.equal(Number(r[4]), mine.filter((d) => d.severity === 'error').length, `${r[0]}: errors`);
      assert.equal(Number(r[5]), mine.filter((d) => d.severity === 'warning').length, `${r[0]}: warnings`);
    }
    const errors = rows.find((r) => r[0] === 'examples/2023-errors.xxgk')!;
    assert.deepEqual(errors.slice(1, 4), ['滨江市市场监督管理局', '2023', '2021']);
    const firstError = json.find((d) => d.file === errors[0] && d.severity === 'error')!;
    assert.ok(errors[6].startsWith(`${firstError.line}: ${firstError.rule} `), errors[6]);
    assert.equal(errors[6].split('\n').length, 3, 'the first three problems, one a line');
  });

  it('a field a spreadsheet would run as a formula is defused; an unreadable file is a row with its problem', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-csv-'));
    fs.writeFileSync(path.join(tmp, 'a.xxgk'), '---\n机关: "=HYPERLINK(1)"\n年度: 2023\n---\n# =1+1\n');
    fs.writeFileSync(path.join(tmp, 'b.xxgk'), Buffer.from([0xff, 0xfe, 0x00, 0x00]));
    const csv = xxgk(['check', '.', '--format', 'csv'], tmp);
    const [, ...rows] = readCsv(csv.stdout.slice(1));
    assert.equal(rows.find((r) => r[0] === 'a.xxgk')![1], "'=HYPERLINK(1)");
    assert.ok(rows.find((r) => r[0] === 'b.xxgk'), 'the unreadable file has its row');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
