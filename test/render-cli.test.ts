/**
 * `xxgk render`: writes OUT (HTML or .docx) and nothing else, refuses to overwrite without --force (exit 2, a
 * Chinese message), renders a broken report as far as it goes. Runs the built bin/xxgk.js when there is one
 * (npm test builds first), else the CLI source through tsx.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { example, ROOT } from './render-helpers';

const BIN = path.join(ROOT, 'bin', 'xxgk.js');
const BUILT = fs.existsSync(path.join(ROOT, 'dist', 'cli.js'));
let tmp = '';

function xxgk(args: readonly string[]) {
  const command = BUILT ? [BIN, ...args] : ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'cli', 'main.ts'), ...args];
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, command, { cwd: tmp, env, encoding: 'buffer' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const files = () => fs.readdirSync(tmp).sort();

describe('xxgk render', () => {
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-render-'));
    fs.writeFileSync(path.join(tmp, 'report.xxgk'), example('2023-clean'));
    fs.writeFileSync(path.join(tmp, 'errors.xxgk'), example('2023-errors'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('--format html writes a standalone page to OUT and creates nothing else', () => {
    const r = xxgk(['render', '--format', 'html', 'report.xxgk', '-o', 'report.html']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(files(), ['errors.xxgk', 'report.html', 'report.xxgk']);
    const page = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<table class="xxgk-table xxgk-requests xxgk-official"/);
    assert.doesNotMatch(page, /class="xxgk-summary/);
  });

  test('--format docx writes a Word document (a zip package)', () => {
    const r = xxgk(['render', '--format', 'docx', 'report.xxgk', '-o', 'report.docx']);
    assert.equal(r.status, 0, r.stderr);
    const bytes = fs.readFileSync(path.join(tmp, 'report.docx'));
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.length > 5000);
  });

  test('the format follows the extension of OUT when not given', () => {
    assert.equal(xxgk(['render', 'report.xxgk', '-o', 'by-ext.docx']).status, 0);
    assert.equal(fs.readFileSync(path.join(tmp, 'by-ext.docx')).subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(xxgk(['render', 'report.xxgk', '-o', 'by-ext.htm']).status, 0);
    assert.match(fs.readFileSync(path.join(tmp, 'by-ext.htm'), 'utf8'), /^<!DOCTYPE html>/);
  });

  test('refuses to overwrite an existing OUT without --force (exit 2, Chinese message), overwrites with it', () => {
    const out = path.join(tmp, 'existing.html');
    fs.writeFileSync(out, 'keep me');
    const refused = xxgk(['render', '--format', 'html', 'report.xxgk', '-o', 'existing.html']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /输出文件已存在：existing\.html（如要覆盖，请加 --force）/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
    const forced = xxgk(['render', '--format', 'html', 'report.xxgk', '-o', 'existing.html', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^<!DOCTYPE html>/);
  });

  test('trouble exits 2 and writes nothing: missing input, missing folder, OUT is the input or a folder', () => {
    const before = files();
    const missing = xxgk(['render', 'nope.xxgk', '-o', 'nope.html']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /无法读取文件 nope\.xxgk/);
    const noDir = xxgk(['render', 'report.xxgk', '-o', path.join('no-such-dir', 'out.html')]);
    assert.equal(noDir.status, 2);
    assert.match(noDir.stderr, /所在文件夹不存在/);
    const self = xxgk(['render', '--format', 'html', 'report.xxgk', '-o', 'report.xxgk', '--force']);
    assert.equal(self.status, 2);
    assert.match(self.stderr, /输出文件不能是输入文件本身/);
    assert.equal(fs.readFileSync(path.join(tmp, 'report.xxgk'), 'utf8'), example('2023-clean'));
    fs.mkdirSync(path.join(tmp, 'a-folder'));
    const folder = xxgk(['render', 'report.xxgk', '-o', 'a-folder', '--force']);
    assert.equal(folder.status, 2);
    assert.deepEqual(files(), [...before, 'a-folder'].sort());
    fs.rmdirSync(path.join(tmp, 'a-folder'));
    assert.equal(xxgk(['render', 'report.xxgk', '-o', 'x.odt', '--format', 'odt']).status, 2, 'unknown format');
    assert.equal(xxgk(['render', 'report.xxgk']).status, 2, '-o is required');
  });

  test('a report that does not parse still renders what it can', () => {
    fs.writeFileSync(path.join(tmp, 'broken.xxgk'), '---\n机关: [\n# 标题\n\n::: 依申请\n| 本年新收 | 1 | x |\n| 乱写 |\n\n正文 **未闭合\n');
    for (const [format, out] of [['html', 'broken.html'], ['docx', 'broken.docx']]) {
      const r = xxgk(['render', '--format', format, 'broken.xxgk', '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(fs.statSync(path.join(tmp, out)).size > 0);
    }
    assert.match(fs.readFileSync(path.join(tmp, 'broken.html'), 'utf8'), /一、本年新收政府信息公开申请数量/);
  });

  test('--problems marks what the checker finds; -o - writes the page to standard output', () => {
    const r = xxgk(['render', 'errors.xxgk', '-o', '-', '--problems']);
    assert.equal(r.status, 0, r.stderr);
    const page = r.stdout.toString('utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /class="xxgk-summary"[^>]*><details><summary>\d+ 个错误，\d+ 个警告/);
    assert.match(page, /xxgk-problem xxgk-error/);
  });
});
