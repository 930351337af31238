/**
 * The command as a reviewer scripts it: --fix and --fix-dry-run, standard input, .xxgkignore, --quiet,
 * --max-warnings, and GBK/GB18030 files. Runs the built bin/xxgk.js (npm test builds it first) in a temporary folder.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyPatch } from 'diff';
import * as iconv from 'iconv-lite';
import { report2021 } from './helpers';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'xxgk.js');

const CLEAN = report2021();
/** A wrong total (an error with a safe fix). */
const WRONG_TOTAL = CLEAN.replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');
/** A row label with a typo that is still recognised (a warning with a safe fix). */
const LABEL_TYPO = CLEAN.replace('只计这一情形', '只计这一情况');

let tmp = '';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function xxgk(args: readonly string[], options: { cwd?: string; input?: string | Buffer; lang?: string } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: options.lang ?? 'zh_CN.UTF-8' };
  delete env.FORCE_COLOR;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? tmp, env, encoding: 'utf8', input: options.input ?? '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(relative: string, content: string | Uint8Array): string {
  const full = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return relative;
}

const read = (relative: string) => fs.readFileSync(path.join(tmp, relative));
const findings = (run: Run) => JSON.parse(run.stdout) as Array<{ file: string; rule: string; severity: string; message: string }>;

before(() => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-scripting-'));
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('--fix and --fix-dry-run', () => {
  test('--fix-dry-run prints a unified diff that gives what --fix writes, and writes nothing; exit 1 while there is something to fix', () => {
    const example = fs.readFileSync(path.join(ROOT, 'examples', '2023-errors.xxgk'), 'utf8');
    const file = write('fix/errors.xxgk', example);
    const dry = xxgk(['check', '--fix-dry-run', file]);
    assert.equal(dry.status, 1, dry.stderr);
    assert.match(dry.stdout, /^--- a\/fix\/errors\.xxgk\n\+\+\+ b\/fix\/errors\.xxgk\n@@ /);
    assert.match(dry.stderr, /可自动修正 \d+ 处（1 个文件）/);
    assert.equal(read(file).toString('utf8'), example, 'a dry run writes nothing');

    const fixed = xxgk(['check', '--fix', file, '--format', 'json']);
    assert.match(fixed.stderr, /已自动修正 \d+ 处（1 个文件）/);
    const written = read(file).toString('utf8');
    assert.notEqual(written, example);
    assert.equal(applyPatch(example, dry.stdout), written, 'the dry run’s diff is exactly the fix');
    // What is left is reported as usual, from the fixed file: totals that another sum confirms are not rewritten
    // (R3 holds with （七）总计 and 四 as they are: a part is what is wrong), so their findings stay.
    assert.ok(written.includes('| （七）总计 | 156 | 21 | 0 | 1 | 5 | 1 | 184 |') && written.includes('| 四、结转下年度继续办理 | 8 | 2 | 0 | 0 | 0 | 0 | 9 |'));
    assert.ok(findings(fixed).some((f) => f.rule === 'table-sum' && /总计 · 自然人 为 156，但各项之和为 157/.test(f.message)));

    const again = xxgk(['check', '--fix-dry-run', file]);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /没有可自动修正的问题/);
    assert.equal(again.status, 0);
  });

  test('--fix makes a report clean and exits 0; line endings and the BOM are kept', () => {
    const crlf = write('fix/crlf.xxgk', '\uFEFF' + LABEL_TYPO.replace(/\n/g, '\r\n'));
    const r = xxgk(['check', '--fix', crlf]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(read(crlf).toString('utf8'), '\uFEFF' + CLEAN.replace(/\n/g, '\r\n'));
  });

  test('--fix and --fix-dry-run together are a usage error', () => {
    const r = xxgk(['check', '--fix', '--fix-dry-run', write('fix/both.xxgk', CLEAN)]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--fix-dry-run 不能与 --fix 同时使用/);
  });

  test('a GBK file is fixed and written back in GBK', () => {
    const gbk = write('fix/gbk.xxgk', iconv.encode(WRONG_TOTAL, 'gb18030'));
    const r = xxgk(['check', '--fix', gbk, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(read(gbk), iconv.encode(CLEAN, 'gb18030'));
  });
});

describe('standard input', () => {
  test('`-` checks standard input; --stdin-filename names it and finds its .xxgkrc.json', () => {
    write('stdin/office/.xxgkrc.json', JSON.stringify({ rules: { 'table-sum': 'warning' } }));
    const plain = xxgk(['check', '-', '--format', 'json'], { input: WRONG_TOTAL });
    assert.equal(plain.status, 1);
    assert.deepEqual([...new Set(findings(plain).map((f) => `${f.file} ${f.rule} ${f.severity}`))], ['- table-sum error']);

    const named = xxgk(['check', '-', '--stdin-filename', 'stdin/office/2023.xxgk', '--format', 'json'], { input: WRONG_TOTAL });
    assert.equal(named.status, 0, named.stderr);
    assert.deepEqual([...new Set(findings(named).map((f) => `${f.file} ${f.rule} ${f.severity}`))], ['stdin/office/2023.xxgk table-sum warning']);
  });

  test('`--fix -` is a filter: the fixed report on standard output', () => {
    const r = xxgk(['check', '--fix', '-'], { input: WRONG_TOTAL });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, CLEAN);
    assert.match(r.stderr, /已自动修正 1 处/);
  });

  test('standard input with files: both checked', () => {
    const other = write('stdin/other.xxgk', CLEAN);
    const r = xxgk(['check', other, '-', '--format', 'json'], { input: WRONG_TOTAL });
    assert.equal(r.status, 1);
    assert.deepEqual([...new Set(findings(r).map((f) => f.file))], ['-']);
    assert.match(xxgk(['check', other, '-'], { input: WRONG_TOTAL }).stdout, /检查了 2 个文件/);
  });

  test('GBK on standard input is read too', () => {
    const r = xxgk(['check', '-', '--format', 'json'], { input: iconv.encode(CLEAN, 'gb18030') });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(findings(r).map((f) => `${f.rule} ${f.severity}`), ['file info']);
  });
});

describe('.xxgkignore', () => {
  test('folder walks leave out what .xxgkignore lists (gitignore syntax, nested files, negation); a file named explicitly is still checked', () => {
    write('ign/.xxgkignore', '# drafts are not published\ndrafts/\n*.old.xxgk\n');
    write('ign/a.xxgk', CLEAN);
    write('ign/drafts/b.xxgk', CLEAN);
    write('ign/c.old.xxgk', CLEAN);
    write('ign/sub/.xxgkignore', '!keep.old.xxgk\nlocal.xxgk\n');
    write('ign/sub/keep.old.xxgk', CLEAN);
    write('ign/sub/local.xxgk', CLEAN);
    write('ign/sub/d.xxgk', CLEAN);
    const checked = (args: string[], cwd?: string) => {
      const r = xxgk([...args, '--format', 'sarif'], { cwd });
      assert.equal(r.status, 0, r.stderr);
      return r;
    };
    const count = (args: string[], cwd?: string) => Number(/检查了 (\d+) 个文件/.exec(xxgk(args, { cwd }).stdout)?.[1]);
    checked(['check', 'ign']);
    assert.equal(count(['check', 'ign']), 3, 'a, sub/keep.old, sub/d');
    assert.equal(count(['check', 'ign/**/*.xxgk']), 3, 'globs too');
    // The project's .xxgkignore applies when a folder below it is checked from the project's folder.
    assert.equal(count(['check', 'sub'], path.join(tmp, 'ign')), 2);
    assert.equal(count(['check', 'ign/drafts/b.xxgk', 'ign/sub/local.xxgk']), 2, 'files named explicitly');
  });
});

describe('--quiet and --max-warnings', () => {
  test('--quiet shows errors only', () => {
    const warn = write('q/warn.xxgk', LABEL_TYPO);
    const err = write('q/err.xxgk', WRONG_TOTAL);
    const loud = findings(xxgk(['check', warn, err, '--format', 'json']));
    assert.ok(loud.some((f) => f.severity === 'warning'));
    const quiet = xxgk(['check', warn, err, '--quiet', '--format', 'json']);
    assert.equal(quiet.status, 1);
    assert.deepEqual([...new Set(findings(quiet).map((f) => f.severity))], ['error']);
    assert.doesNotMatch(xxgk(['check', warn, '-q']).stdout, /warning/);
  });

  test('--max-warnings N: exit 1 with more warnings than N, 0 otherwise; counted even with --quiet', () => {
    const warn = write('mw/warn.xxgk', LABEL_TYPO);
    assert.equal(xxgk(['check', warn]).status, 0);
    assert.equal(xxgk(['check', warn, '--max-warnings', '1']).status, 0);
    const over = xxgk(['check', warn, '--max-warnings', '0']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /警告共 1 个，超过 --max-warnings 允许的 0 个/);
    assert.equal(xxgk(['check', warn, '--max-warnings', '0', '--quiet']).status, 1);
    assert.match(xxgk(['check', warn, '--max-warnings', '0'], { lang: 'en_US.UTF-8' }).stderr, /^1 warnings, more than the 0 --max-warnings allows/m);
    assert.equal(xxgk(['check', warn, '--max-warnings', '-1']).status, 2);
  });
});

describe('GBK/GB18030 files', () => {
  test('decoded with a note that they were converted; positions as in the UTF-8 file', () => {
    const utf8 = write('enc/utf8.xxgk', WRONG_TOTAL);
    const gbk = write('enc/gbk.xxgk', iconv.encode(WRONG_TOTAL, 'gb18030'));
    const fromUtf8 = findings(xxgk(['check', utf8, '--format', 'json']));
    const r = xxgk(['check', gbk, '--format', 'json']);
    assert.equal(r.status, 1);
    const [note, ...rest] = findings(r);
    assert.equal(note.rule, 'file');
    assert.equal(note.severity, 'info');
    assert.match(note.message, /GBK\/GB18030 编码，已转换为 UTF-8 读取/);
    const strip = (list: Array<{ file: string }>) => list.map(({ file: _file, ...f }) => f);
    assert.deepEqual(strip(rest), strip(fromUtf8));
  });

  test('Latin-1 text is not taken for GBK', () => {
    const latin1 = write('enc/latin1.xxgk', Buffer.from('# Caf\xe9 r\xe9sum\xe9 na\xefve\n', 'latin1'));
    const [f] = findings(xxgk(['check', latin1, '--format', 'json']));
    assert.equal(f.rule, 'file');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /不是有效的 UTF-8/);
  });
});
