/**
 * End-to-end tests of the `xxgk` command: they run the built bin/xxgk.js (npm test builds it first) on files
 * made in a temporary folder. Assertions are about the command's contract (exit codes, output shapes, file
 * selection, configuration), not about what the core's rules find in a given report.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { report2021 } from './helpers';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'xxgk.js');
const PACKAGE_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const REPORT_2021 = [
  '---',
  '机关: 测试局',
  '年度: 2023',
  '格式: 2021',
  '发布日期: 2024-01-20',
  '---',
  '# 测试局2023年政府信息公开工作年度报告',
  '## 一、总体情况',
  '2023年，测试局认真贯彻落实《中华人民共和国政府信息公开条例》。',
  '',
].join('\n');
const NOT_A_REPORT = '这不是一份年报，只是一段话。\n第二行。\n';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

let tmp = '';

/** Runs the command in `cwd` (the temporary folder by default), with colour off and a Chinese locale. */
function xxgk(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, LANG: 'zh_CN.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined };
  for (const [k, v] of Object.entries(options.env ?? {})) env[k] = v;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? tmp, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: readonly string[], options?: Parameters<typeof xxgk>[1]): { run: Run; findings: JsonFinding[] } {
  const run = xxgk([...args, '--format', 'json'], options);
  return { run, findings: JSON.parse(run.stdout) as JsonFinding[] };
}

/** Writes a file under the temporary folder, creating folders; returns its path relative to that folder. */
function write(relative: string, content: string | Uint8Array): string {
  const full = path.join(tmp, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return relative;
}

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+[(:]\d+/m, `stack trace in output:\n${text}`);
}

/** Every rule id the command knows, read from its own SARIF output. */
function ruleIds(): string[] {
  const sarif = JSON.parse(xxgk(['check', write('ids.xxgk', REPORT_2021), '--format', 'sarif']).stdout);
  return sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
}

/** Core rules only (not the CLI's own `file` / `internal`), so that a config naming them is valid. */
function coreRuleIds(): string[] {
  return ruleIds().filter((id) => id !== 'file' && id !== 'internal');
}

function allRulesOffBut(...keep: string[]): string {
  const rules = Object.fromEntries(coreRuleIds().map((id) => [id, keep.includes(id)]));
  return JSON.stringify({ rules });
}

before(() => {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `npm run build` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));
});

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('usage', () => {
  test('--version prints the package version', () => {
    const r = xxgk(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), PACKAGE_VERSION);
  });

  test('--help exits 0 and names the check command', () => {
    const r = xxgk(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /check/);
    assert.equal(xxgk(['check', '--help']).status, 0);
  });

  test('usage errors exit 2 without a stack trace', () => {
    for (const args of [[], ['check'], ['frobnicate'], ['check', '--format', 'xml', 'x.xxgk'], ['check', '--lang', 'fr', 'x.xxgk'], ['check', '-j', '0', 'x.xxgk']]) {
      const r = xxgk(args);
      assert.equal(r.status, 2, `xxgk ${args.join(' ')}`);
      assertNoStackTrace(r.stderr);
    }
  });

  test('--lang en is accepted', () => {
    const r = xxgk(['check', write('lang.xxgk', ''), '--lang', 'en']);
    assert.equal(r.status, 1);
  });
});

describe('exit codes', () => {
  test('0 when every rule is off, 1 when an error is found', () => {
    write('exit/.xxgkrc.json', allRulesOffBut());
    write('exit/report.xxgk', NOT_A_REPORT);
    assert.equal(xxgk(['check', 'exit/report.xxgk']).status, 0);
    assert.equal(xxgk(['check', write('exit-empty.xxgk', '')]).status, 1);
  });

  test('1 exactly when some finding is an error', () => {
    const { run, findings } = json(['check', write('exit-any.xxgk', NOT_A_REPORT)]);
    assert.ok(findings.length > 0, 'a text that is no report should get findings');
    assert.equal(run.status, findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  test('a missing file is a clear message and exit 2; the other files are still checked', () => {
    const present = write('missing/present.xxgk', '');
    const r = xxgk(['check', 'missing/absent.xxgk', present]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /找不到.*missing\/absent\.xxgk/);
    assertNoStackTrace(r.stderr);
    assert.match(r.stdout, /missing\/present\.xxgk:1:1 error file /);
    assert.match(r.stdout, /检查了 1 个文件/);
  });

  test('a glob matching nothing is a clear message and exit 2', () => {
    const r = xxgk(['check', 'nowhere/**/*.xxgk']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /没有文件匹配：nowhere\/\*\*\/\*\.xxgk/);
    assertNoStackTrace(r.stderr);
  });

  test('a file over 20 MB is skipped unread with exit 2', () => {
    const big = path.join(tmp, 'big', 'huge.xxgk');
    fs.mkdirSync(path.dirname(big), { recursive: true });
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 21 * 1024 * 1024); // sparse: cheap to make
    const small = write('big/small.xxgk', '');
    const r = xxgk(['check', 'big/huge.xxgk', small]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /过大.*big\/huge\.xxgk/);
    assert.match(r.stdout, /big\/small\.xxgk:1:1 error file/);
    fs.rmSync(big);
  });
});

describe('bad input', () => {
  test('an empty file is a finding of rule `file`', () => {
    const file = write('bad/empty.xxgk', '');
    const { run, findings } = json(['check', file]);
    assert.equal(run.status, 1);
    assert.deepEqual(findings, [
      { file: 'bad/empty.xxgk', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'file', message: '文件为空，不是一份年报' },
    ]);
  });

  test('a UTF-16 file (BOM FF FE) is named as such', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\n机关: 测试局\n', 'utf16le')]);
    const { run, findings } = json(['check', write('bad/utf16.xxgk', utf16)]);
    assert.equal(run.status, 1);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'file');
    assert.match(findings[0].message, /UTF-16/);
    assertNoStackTrace(run.stderr);
  });

  test('bytes FF FE 00 … do not crash the checker', () => {
    const { run, findings } = json(['check', write('bad/fffe00.xxgk', Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]))]);
    assert.equal(run.status, 1);
    assert.equal(findings[0].rule, 'file');
  });

  test('a GBK file is pointed at its first non-UTF-8 line and named GBK', () => {
    const gbk = Buffer.concat([Buffer.from('---\n年度: 2023\n'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('\n')]); // 中文 in GBK
    const { run, findings } = json(['check', write('bad/gbk.xxgk', gbk)]);
    assert.equal(run.status, 1);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'file');
    assert.equal(findings[0].line, 3);
    assert.equal(findings[0].column, 1);
    assert.match(findings[0].message, /GBK/);
  });

  test('a binary file (NUL bytes) is a finding, not a crash', () => {
    const { run, findings } = json(['check', write('bad/binary.xxgk', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))]);
    assert.equal(run.status, 1);
    assert.equal(findings[0].rule, 'file');
  });

  test('a UTF-8 BOM is ignored: positions are the same as without it', () => {
    const plain = json(['check', write('bom/plain.xxgk', NOT_A_REPORT)]).findings;
    const withBom = json(['check', write('bom/bom.xxgk', '\uFEFF' + NOT_A_REPORT)]).findings;
    const strip = (fs: JsonFinding[]) => fs.map(({ file: _file, ...rest }) => rest);
    assert.deepEqual(strip(withBom), strip(plain));
  });
});

describe('output formats', () => {
  test('json: one array of findings with 1-based positions', () => {
    const { findings } = json(['check', write('fmt/report.xxgk', REPORT_2021), write('fmt/other.xxgk', NOT_A_REPORT)]);
    assert.ok(Array.isArray(findings));
    assert.ok(findings.length > 0);
    const keys = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'];
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort(), keys);
      assert.ok(['fmt/report.xxgk', 'fmt/other.xxgk'].includes(f.file), f.file);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity), f.severity);
      for (const n of [f.line, f.column, f.endLine, f.endColumn]) assert.ok(Number.isInteger(n) && n >= 1, JSON.stringify(f));
      assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), JSON.stringify(f));
      assert.equal(typeof f.rule, 'string');
      assert.ok(f.message.length > 0);
    }
    // Sorted by file path.
    const files = findings.map((f) => f.file);
    assert.deepEqual(files, [...files].sort());
  });

  test('json: positions point into the file (line and column of a known finding)', () => {
    const text = NOT_A_REPORT;
    const { findings } = json(['check', write('fmt/pos.xxgk', text)]);
    const lines = text.split('\n');
    for (const f of findings) {
      assert.ok(f.line <= lines.length, JSON.stringify(f));
      assert.ok(f.column <= lines[f.line - 1].length + 1, JSON.stringify(f));
    }
  });

  test('text: file:line:col severity rule message, then a Chinese summary, no colour when piped', () => {
    const file = write('fmt/text.xxgk', '');
    const r = xxgk(['check', file, write('fmt/text2.xxgk', NOT_A_REPORT)]);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'fmt/text.xxgk:1:1 error file 文件为空，不是一份年报');
    const summary = lines[lines.length - 1];
    assert.match(summary, /^检查了 2 个文件：\d+ 个错误，\d+ 个警告，\d+ 个提示$/);
    for (const line of lines.slice(0, -1)) {
      if (line.startsWith(' ')) continue; // related places
      assert.match(line, /^fmt\/text2?\.xxgk:\d+:\d+ (error|warning|info|hint) [a-z][a-z0-9-]* \S/);
    }
    assert.doesNotMatch(r.stdout, /\x1b\[/);
  });

  test('text: summary counts match the json findings', () => {
    const file = write('fmt/count.xxgk', NOT_A_REPORT);
    const { findings } = json(['check', file]);
    const summary = xxgk(['check', file]).stdout.trimEnd().split('\n').pop();
    const count = (...s: string[]) => findings.filter((f) => s.includes(f.severity)).length;
    assert.equal(summary, `检查了 1 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('info', 'hint')} 个提示`);
  });

  test('text: colour with FORCE_COLOR, none with NO_COLOR', () => {
    const file = write('fmt/colour.xxgk', '');
    assert.match(xxgk(['check', file], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout, /\x1b\[31merror/);
    assert.doesNotMatch(xxgk(['check', file], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
  });

  test('text: control characters from the report and the file name are shown, not sent to the terminal (an escape set its title and cleared it)', () => {
    const file = write('fmt/esc\x1b[2J.xxgk', report2021().replace('| （一）予以公开 |', '| （一）予以公开\x1b]0;pwned\x07\x1b[31m\u009b |'));
    const out = xxgk(['check', file]).stdout;
    assert.match(out, /unknown-row/);
    assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(out, /esc␛\[2J\.xxgk:/);
    assert.match(out, /予以公开␛\]0;pwned␇␛\[31m\\u009b/);
    // import's and render's lines name the files too; a bidirectional override is shown as well.
    const page = write('fmt/\u202epage\x1b]0;x\x07.html', fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', 'web-page-gbk.html')));
    const imported = xxgk(['import', page]).stdout;
    const rendered = xxgk(['render', write('fmt/plain.xxgk', report2021()), '-o', path.join(path.dirname(page), 'out\x1b[2J.html')]).stdout;
    for (const text of [imported, rendered]) {
      assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/, text);
    }
    assert.match(imported, /\\u202epage␛\]0;x␇/);
    assert.match(rendered, /out␛\[2J\.html/);
  });

  test('sarif: a valid 2.1.0 log', () => {
    const r = xxgk(['check', write('sarif/report.xxgk', REPORT_2021), write('sarif/empty.xxgk', ''), write('sarif/other.xxgk', NOT_A_REPORT), '--format', 'sarif']);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'xxgk');
    assert.equal(driver.version, PACKAGE_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids: string[] = driver.rules.map((rule: { id: string }) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    assert.ok(ids.includes('file'));
    // The rules split from prose-table name it as their deprecated id (SARIF 2.1.0 §3.49.4).
    const split = driver.rules.filter((rule: { deprecatedIds?: string[] }) => rule.deprecatedIds?.includes('prose-table'));
    assert.deepEqual(split.map((rule: { id: string }) => rule.id).sort(), ['prose-table-count', 'prose-table-percent', 'prose-table-upheld']);
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.match(rule.helpUri, new RegExp(`^https://.+#${rule.id}$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.ok(run.results.length > 0);
    for (const res of run.results) {
      assert.equal(ids[res.ruleIndex], res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.equal(typeof res.message.text, 'string');
      const loc = res.locations[0].physicalLocation;
      assert.match(loc.artifactLocation.uri, /^sarif\/(report|empty|other)\.xxgk$/);
      const { startLine, startColumn, endLine, endColumn } = loc.region;
      for (const n of [startLine, startColumn, endLine, endColumn]) assert.ok(Number.isInteger(n) && n >= 1);
    }
    assert.ok(run.results.some((res: { ruleId: string; level: string }) => res.ruleId === 'file' && res.level === 'error'));
  });

  test('sarif: regions match the json positions', () => {
    const file = write('sarif/pos.xxgk', NOT_A_REPORT);
    const { findings } = json(['check', file]);
    const run = JSON.parse(xxgk(['check', file, '--format', 'sarif']).stdout).runs[0];
    assert.equal(run.results.length, findings.length);
    run.results.forEach((res: { ruleId: string; locations: Array<{ physicalLocation: { region: Record<string, number> } }> }, i: number) => {
      const f = findings[i];
      assert.equal(res.ruleId, f.rule);
      assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    });
  });

  test('sarif: I/O problems become tool notifications', () => {
    const r = xxgk(['check', 'sarif/absent.xxgk', write('sarif/present.xxgk', ''), '--format', 'sarif']);
    assert.equal(r.status, 2);
    const invocation = JSON.parse(r.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /absent\.xxgk/);
  });
});

describe('file selection', () => {
  before(() => {
    // Empty files each give exactly one finding, which makes the set of checked files visible in the output.
    for (const f of ['sel/a.xxgk', 'sel/b.xxgk.md', 'sel/sub/c.xxgk', 'sel/notes.txt', 'sel/readme.md', 'sel/node_modules/d.xxgk', 'sel/.hidden/e.xxgk', 'sel/sub/.f.xxgk']) {
      write(f, '');
    }
  });

  test('a folder: every .xxgk and .xxgk.md under it, not node_modules or dot-folders', () => {
    const { findings } = json(['check', 'sel']);
    assert.deepEqual(findings.map((f) => f.file), ['sel/a.xxgk', 'sel/b.xxgk.md', 'sel/sub/c.xxgk']);
  });

  test('a glob', () => {
    const { run, findings } = json(['check', 'sel/**/*.xxgk']);
    assert.equal(run.status, 1);
    assert.deepEqual(findings.map((f) => f.file), ['sel/a.xxgk', 'sel/sub/c.xxgk']);
  });

  test('a file named explicitly is checked whatever its extension; duplicates are checked once', () => {
    const { findings } = json(['check', 'sel/notes.txt', 'sel/a.xxgk', 'sel', './sel/a.xxgk']);
    assert.deepEqual(findings.map((f) => f.file), ['sel/a.xxgk', 'sel/b.xxgk.md', 'sel/notes.txt', 'sel/sub/c.xxgk']);
  });

  test('a folder given from elsewhere is shown relative to the working directory', () => {
    const { findings } = json(['check', path.join(tmp, 'sel', 'sub')], { cwd: path.join(tmp, 'sel') });
    assert.deepEqual(findings.map((f) => f.file), ['sub/c.xxgk']);
  });

  test('files checked by worker threads give the same output as one by one', () => {
    for (let i = 0; i < 60; i++) write(`many/r${String(i).padStart(2, '0')}.xxgk`, i % 7 === 0 ? '' : i % 2 ? REPORT_2021 : NOT_A_REPORT);
    const parallel = xxgk(['check', 'many', '--format', 'json', '--jobs', '2']);
    const sequential = xxgk(['check', 'many', '--format', 'json', '--jobs', '1']);
    assert.equal(parallel.status, sequential.status);
    assert.equal(parallel.stdout, sequential.stdout);
    const files = new Set((JSON.parse(parallel.stdout) as JsonFinding[]).map((f) => f.file));
    assert.ok(files.has('many/r00.xxgk') && files.has('many/r56.xxgk'));
    const text = xxgk(['check', 'many']).stdout;
    assert.match(text, /检查了 60 个文件/);
  });
});

describe('configuration', () => {
  test('--config with a rule turned off drops that rule', () => {
    const file = write('cfg/report.xxgk', NOT_A_REPORT);
    const before = json(['check', file]).findings;
    const rule = before.find((f) => f.rule !== 'file')?.rule;
    assert.ok(rule, 'a text that is no report should get some rule finding');
    write('cfg/off.json', JSON.stringify({ rules: { [rule]: false } }));
    const { findings } = json(['check', file, '--config', 'cfg/off.json']);
    assert.ok(!findings.some((f) => f.rule === rule));
    assert.equal(findings.length, before.filter((f) => f.rule !== rule).length);
  });

  test('--config can change a severity, and with it the exit code', () => {
    const file = write('cfg/sev.xxgk', NOT_A_REPORT);
    const rules = Object.fromEntries(coreRuleIds().map((id) => [id, 'hint']));
    write('cfg/hints.json', JSON.stringify({ rules }));
    const { run, findings } = json(['check', file, '-c', 'cfg/hints.json']);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.severity === 'hint'));
    assert.equal(run.status, 0);
  });

  test('one rule on, all others off', () => {
    assert.ok(coreRuleIds().includes('missing-section'));
    write('cfg/one.json', allRulesOffBut('missing-section'));
    const { run, findings } = json(['check', write('cfg/one.xxgk', REPORT_2021), '-c', 'cfg/one.json']);
    assert.ok(findings.length > 0, 'a report with only section 一 misses sections');
    assert.ok(findings.every((f) => f.rule === 'missing-section'));
    assert.equal(run.status, findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  test('.xxgkrc.json is found next to the file and in its ancestors; the nearest wins', () => {
    write('near/.xxgkrc.json', allRulesOffBut());
    write('near/report.xxgk', NOT_A_REPORT);
    write('near/deep/er/report.xxgk', NOT_A_REPORT);
    write('near/own/.xxgkrc.json', '{}');
    write('near/own/report.xxgk', NOT_A_REPORT);
    const { run, findings } = json(['check', 'near']);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((f) => f.file === 'near/own/report.xxgk'), JSON.stringify(findings.map((f) => f.file)));
    assert.equal(run.status, findings.some((f) => f.severity === 'error') ? 1 : 0);
    // Found from another working directory too.
    assert.deepEqual(json(['check', path.join(tmp, 'near', 'report.xxgk')], { cwd: os.tmpdir() }).findings, []);
  });

  test('--config replaces the discovered file', () => {
    write('replace/.xxgkrc.json', allRulesOffBut());
    write('replace/cfg.json', '{}');
    const file = write('replace/report.xxgk', NOT_A_REPORT);
    assert.equal(json(['check', file]).findings.length, 0);
    assert.ok(json(['check', file, '--config', 'replace/cfg.json']).findings.length > 0);
  });

  const invalid: Array<[string, string, RegExp]> = [
    ['bad JSON', '{"rules": {', /JSON/],
    ['not an object', '[]', /对象/],
    ['unknown key', '{"rulez": {}}', /rulez/],
    ['bad severity', '{"rules": {"file": "loud"}}', /file/],
    ['bad format', '{"format": "2020"}', /format/],
    ['unknown rule id', '{"rules": {"no-such-rule": false}}', /no-such-rule/],
  ];
  for (const [name, content, message] of invalid) {
    test(`an invalid --config (${name}) is a clear message and exit 2`, () => {
      const config = write(`invalid/${name.replace(/ /g, '-')}.json`, content);
      const r = xxgk(['check', write('invalid/report.xxgk', REPORT_2021), '--config', config]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /配置文件/);
      assert.match(r.stderr, message);
      assertNoStackTrace(r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  test('a missing --config file is exit 2', () => {
    const r = xxgk(['check', write('invalid/r2.xxgk', REPORT_2021), '--config', 'invalid/none.json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /找不到配置文件：invalid\/none\.json/);
  });

  test('an invalid discovered .xxgkrc.json: exit 2, its files unchecked, the others checked', () => {
    write('broken/bad/.xxgkrc.json', '{"rules": {"no-such-rule": true}}');
    write('broken/bad/report.xxgk', '');
    write('broken/good/report.xxgk', '');
    const { run, findings } = json(['check', 'broken']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /broken\/bad\/\.xxgkrc\.json/);
    assert.match(run.stderr, /no-such-rule/);
    assert.deepEqual(findings.map((f) => f.file), ['broken/good/report.xxgk']);
  });
});

describe('examples', () => {
  const examples = path.join(ROOT, 'examples');
  const hasExamples = fs.existsSync(examples) && fs.readdirSync(examples, { recursive: true }).some((f) => /\.xxgk(\.md)?$/.test(String(f)));
  test('every example checks without trouble', { skip: !hasExamples && 'examples/ has no reports yet' }, () => {
    const { run, findings } = json(['check', 'examples'], { cwd: ROOT });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.ok(!findings.some((f) => f.rule === 'file' || f.rule === 'internal'), JSON.stringify(findings.filter((f) => f.rule === 'file' || f.rule === 'internal')));
  });
});
