/**
 * The user's files and the machine (issue 13, items 15 and 16): folder scans of the `xxgk` command and of the
 * language server do not follow symbolic links out of the folder, do not loop, and stop at their file cap while
 * walking; a configuration file that is not valid configuration is described, never quoted.
 *
 * The command runs as built (bin/xxgk.js → dist/cli.js: run `npm run build` first); the language server's
 * workspace scan and `.xxgkrc.json` lookup run in a child process (test/robust-files-driver.ts), so that a scan
 * that never ends is stopped by a time limit and a heap limit instead of stalling the test runner.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { report2021 } from './helpers';
import { messageText, TestClient } from './lsp/client';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'xxgk.js');
const DRIVER = path.join(__dirname, 'robust-files-driver.ts');
/** Generous: a bounded scan of these folders takes well under a second; an unbounded one never ends. */
const TIME_LIMIT_MS = 30_000;

/** What must never appear in any output: the content of the file a configuration link points at. */
const SECRET = 'root:*:202:SECRET-7f3a:/var/root:/bin/sh';
const SECRET_PARTS = [/root/, /SECRET/, /7f3a/, /hunter2/, /password/, /apiToken/];

let tmp = '';

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function xxgk(args: readonly string[], cwd = tmp): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
  delete env.FORCE_COLOR;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { cwd, env, encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function checkedFiles(run: Run): string[] {
  assert.equal(run.signal, null, `killed (${run.signal}) after ${TIME_LIMIT_MS} ms: the scan did not end`);
  const findings = JSON.parse(run.stdout) as Array<{ file: string }>;
  return findings.map((f) => f.file);
}

function driver(job: { folders?: string[]; maxFiles?: number; rcFor?: string[] }): { uris: string[]; rc: Array<{ error?: string; file?: string; config?: unknown }> } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', DRIVER, JSON.stringify({ folders: [], ...job })], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
  });
  assert.equal(r.signal, null, `workspace scan killed (${r.signal}) after ${TIME_LIMIT_MS} ms; stderr: ${r.stderr}`);
  assert.equal(r.status, 0, `workspace driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function write(relative: string, content: string): string {
  const full = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

function link(relative: string, target: string): void {
  const full = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.symlinkSync(target, full);
}

const NOT_A_REPORT = '这不是一份年报，只是一段话。\n';
const report = (agency: string, year: number) => report2021().replace('机关: 测试市测试局', `机关: ${agency}`).replace(/年度: \d+/, `年度: ${year}`);

function assertNoSecret(...texts: string[]): void {
  for (const text of texts) for (const part of SECRET_PARTS) assert.doesNotMatch(text, part, `the configuration file's content is quoted:\n${text}`);
}

function hasMkfifo(): boolean {
  return spawnSync('mkfifo', ['--version']).status === 0;
}

before(() => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `npm run build` first');
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-robust-files-')));

  // Outside every scanned folder: a report that must not be found through links, and files that must not be quoted.
  write('outside/elsewhere.xxgk', report('外面的局', 2022));
  write('outside/passwd', SECRET + '\n' + 'daemon:*:1:1::/var/root:/usr/bin/false\n');
  write('outside/creds.json', JSON.stringify({ password: 'hunter2', apiToken: 'SECRET-7f3a' }));

  // A loop: sub/up → .., self → ., and a second name for a file inside.
  write('loop/a.xxgk', NOT_A_REPORT);
  write('loop/sub/b.xxgk', NOT_A_REPORT);
  link('loop/sub/up', '..');
  link('loop/self', '.');
  link('loop/alias.xxgk', 'a.xxgk');

  // Links out of the folder: to a folder, to a file, and to the root of the file system.
  write('out/c.xxgk', NOT_A_REPORT);
  link('out/elsewhere', '../outside');
  link('out/elsewhere.xxgk', '../outside/elsewhere.xxgk');
  link('out/root', '/');

  // The same for the language server, with reports it indexes (agency and year in the front matter).
  write('ws/2023.xxgk', report('滨江市市场监督管理局', 2023));
  write('ws/old/2022.xxgk', report('滨江市市场监督管理局', 2022));
  link('ws/old/up', '..');
  link('ws/again.xxgk', '2023.xxgk');
  link('ws/elsewhere', '../outside');
  link('ws/root', '/');
  for (let i = 0; i < 30; i++) write(`many/r${String(i).padStart(2, '0')}.xxgk`, report(`第${i}局`, 2023));

  // Configuration files that are links to files that are no configuration.
  write('rc-link/r.xxgk', NOT_A_REPORT);
  link('rc-link/.xxgkrc.json', '../outside/passwd');
  write('rc-json/r.xxgk', NOT_A_REPORT);
  link('rc-json/.xxgkrc.json', '../outside/creds.json');
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('item 15: folder scans and symbolic links', () => {
  test('xxgk check: a symlink loop reports each file once', () => {
    const files = checkedFiles(xxgk(['check', 'loop', '--format', 'json']));
    assert.deepEqual([...new Set(files)].sort(), ['loop/a.xxgk', 'loop/sub/b.xxgk']);
    const once = checkedFiles(xxgk(['check', 'loop/a.xxgk', '--format', 'json'])).length;
    assert.equal(files.filter((f) => f === 'loop/a.xxgk').length, once, 'loop/a.xxgk checked more than once');
  });

  test('xxgk check: a glob through a symlink loop matches each file once', () => {
    const files = checkedFiles(xxgk(['check', 'loop/**/*.xxgk', '--format', 'json']));
    assert.deepEqual([...new Set(files)].sort(), ['loop/a.xxgk', 'loop/sub/b.xxgk']);
  });

  test('xxgk check: the same file named twice, by two names, is checked once', () => {
    const once = checkedFiles(xxgk(['check', 'loop/a.xxgk', '--format', 'json'])).length;
    const files = checkedFiles(xxgk(['check', 'loop/a.xxgk', 'loop/alias.xxgk', 'loop/./a.xxgk', '--format', 'json']));
    assert.equal(files.length, once);
  });

  test('xxgk check: links out of the folder (to a folder, a file, and /) are not followed', () => {
    const run = xxgk(['check', 'out', '--format', 'json']);
    assert.deepEqual([...new Set(checkedFiles(run))], ['out/c.xxgk']);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
  });

  test('language server: the workspace scan ends, indexes each report once, and stays in the folder', () => {
    const { uris } = driver({ folders: [path.join(tmp, 'ws')] });
    assert.deepEqual(uris, [pathToFileURL(path.join(tmp, 'ws', '2023.xxgk')).toString(), pathToFileURL(path.join(tmp, 'ws', 'old', '2022.xxgk')).toString()]);
  });

  test('language server: the file cap applies while walking', () => {
    const { uris } = driver({ folders: [path.join(tmp, 'many')], maxFiles: 10 });
    assert.equal(uris.length, 10);
  });
});

describe('item 16: configuration errors never quote the file', () => {
  test('xxgk check: a discovered .xxgkrc.json that links to another file (text and SARIF)', () => {
    const text = xxgk(['check', 'rc-link']);
    assert.equal(text.status, 2);
    assert.match(text.stderr, /rc-link\/\.xxgkrc\.json/);
    assert.match(text.stderr, /不是有效的 JSON/);
    assert.match(text.stderr, /第 1 行第 1 列/);
    assertNoSecret(text.stderr, text.stdout);
    const sarif = xxgk(['check', 'rc-link', '--format', 'sarif']);
    assert.equal(sarif.status, 2);
    assertNoSecret(sarif.stderr, sarif.stdout);
  });

  test('xxgk check: --config naming a file that is no configuration', () => {
    for (const config of ['outside/passwd', 'outside/creds.json']) {
      const r = xxgk(['check', 'rc-link/r.xxgk', '--config', config]);
      assert.equal(r.status, 2, config);
      assert.match(r.stderr, /配置文件/);
      assertNoSecret(r.stderr, r.stdout);
    }
  });

  test('xxgk check: JSON of the wrong shape is described, not quoted', () => {
    const r = xxgk(['check', 'rc-json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /不是 xxgk 的配置|未知的设置项/);
    assertNoSecret(r.stderr, r.stdout);
  });

  test('xxgk check: a real configuration with a syntax error gets its line and column (a trailing comma: the comma)', () => {
    write('rc-syntax/cfg.json', '{\n  "rules": {\n    "table-sum": "warning",\n  }\n}\n');
    const r = xxgk(['check', 'rc-link/r.xxgk', '--config', 'rc-syntax/cfg.json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /第 3 行第 27 列处多了一个逗号/);
  });

  test('xxgk check: --config naming a FIFO or a folder is refused, not waited on', { skip: !hasMkfifo() && 'no mkfifo' }, () => {
    const fifo = path.join(tmp, 'fifo.json');
    if (!fs.existsSync(fifo)) spawnSync('mkfifo', [fifo]);
    for (const config of ['fifo.json', 'outside']) {
      const r = xxgk(['check', 'rc-link/r.xxgk', '--config', config]);
      assert.equal(r.signal, null, `--config ${config}: killed after ${TIME_LIMIT_MS} ms`);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /不是普通文件/);
    }
  });

  test('language server: .xxgkrc.json linking to another file, or a FIFO, is reported without its content', { skip: !hasMkfifo() && 'no mkfifo' }, () => {
    write('rc-fifo/r.xxgk', NOT_A_REPORT);
    const fifo = path.join(tmp, 'rc-fifo', '.xxgkrc.json');
    if (!fs.existsSync(fifo)) spawnSync('mkfifo', [fifo]);
    const { rc } = driver({ rcFor: [path.join(tmp, 'rc-link'), path.join(tmp, 'rc-json'), path.join(tmp, 'rc-fifo')] });
    for (const r of rc) {
      assert.ok(r.error, JSON.stringify(r));
      assert.match(r.error, /\.xxgkrc\.json/);
      assertNoSecret(r.error);
    }
    assert.match(rc[0].error!, /第 1 行第 1 列/);
    assert.match(rc[2].error!, /不是普通文件/);
  });

  test('language server: the config diagnostic does not quote the linked file', async () => {
    const client = new TestClient();
    try {
      await client.initialize({}, { workspaceFolders: [{ uri: pathToFileURL(path.join(tmp, 'rc-link')).toString(), name: 'w' }] });
      const uri = pathToFileURL(path.join(tmp, 'rc-link', 'r.xxgk')).toString();
      await client.open(uri, report2021());
      const config = (await client.diagnostics(uri)).filter((d) => d.code === 'config');
      assert.equal(config.length, 1);
      assertNoSecret(messageText(config[0]));
    } finally {
      await client.stop();
    }
  });
});
