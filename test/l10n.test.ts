/**
 * The English message bundle (l10n/bundle.l10n.en.json): it covers exactly the keys of the core and the CLI
 * (scripts/l10n-extract.ts), keeps every placeholder, and is what `setLocale('en', …)` and `xxgk --lang en` show.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { extractKeys, placeholders, readBundle } from '../scripts/l10n-extract';
import { loadEnglishBundle } from '../server/src/cli/locale';
import { checkText, setLocale } from '../server/src/core/index';

const ROOT = path.join(__dirname, '..');
const EXAMPLE = 'examples/2023-errors.xxgk';
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * `t(…)` calls whose key cannot be extracted, known and tracked: a message built elsewhere and passed through `t`.
 * Any other non-literal `t(…)` fails the test below; remove an entry here once its call takes a literal.
 */
const KNOWN_NON_LITERAL = new Set<string>();

const extraction = extractKeys(ROOT);
const bundle = readBundle();

describe('English bundle: keys', () => {
  test('extraction finds the keys of the core and of the CLI', () => {
    assert.ok(extraction.keys.length > 50, `only ${extraction.keys.length} keys extracted`);
    assert.ok(extraction.uses.some((u) => u.file.startsWith('server/src/core/')));
    assert.ok(extraction.uses.some((u) => u.file.startsWith('server/src/cli/')));
  });

  test('every t(…) call has a string literal as its key', () => {
    const unknown = extraction.warnings.map((w) => `${w.file}: ${w.text}`).filter((w) => !KNOWN_NON_LITERAL.has(w));
    assert.deepEqual(unknown, [], 'non-literal t(…) keys cannot be translated: pass the Chinese template itself to t');
  });

  test('every extracted key has an English entry', () => {
    const missing = extraction.uses
      .filter((u) => !Object.prototype.hasOwnProperty.call(bundle, u.key))
      .map((u) => `${u.file}:${u.line} ${JSON.stringify(u.key)}`);
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.en.json (npx tsx scripts/l10n-extract.ts --check)');
  });

  test('no stale entries remain', () => {
    const keys = new Set(extraction.keys);
    assert.deepEqual(Object.keys(bundle).filter((k) => !keys.has(k)), [], 'no t(…) call uses these keys any more');
  });

  test('the CLI and the language server find the bundle from the source tree', () => {
    assert.deepEqual(loadEnglishBundle(), bundle);
  });
});

describe('English bundle: entries', () => {
  test('every entry keeps exactly the placeholders of its key', () => {
    const wrong = Object.entries(bundle)
      .filter(([key, english]) => placeholders(key).join() !== placeholders(english).join())
      .map(([key, english]) => `${key} → ${english}`);
    assert.deepEqual(wrong, []);
  });

  test('every entry is a non-empty English text, without Chinese sentence punctuation', () => {
    const wrong = Object.entries(bundle).filter(([, english]) => typeof english !== 'string' || !english.trim() || /[；。，：？！]/.test(english));
    assert.deepEqual(wrong, []);
    // Fragments that are official names (一 + 二) may stay Chinese; whole messages must not.
    const untranslated = Object.entries(bundle).filter(([key, english]) => key === english && key.length > 8);
    assert.deepEqual(untranslated, []);
  });
});

describe('English messages from the core', () => {
  after(() => setLocale('zh-cn'));

  test(`checkText on ${EXAMPLE} reports in English`, () => {
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    try {
      setLocale('en', bundle);
      const english = checkText(text).diagnostics;
      setLocale('zh-cn');
      const chinese = checkText(text).diagnostics;
      assert.ok(english.length >= 20);
      assert.equal(english.length, chinese.length);
      english.forEach((d, k) => {
        assert.match(d.message, ASCII_LETTER, `${d.rule}: ${d.message}`);
        assert.notEqual(d.message, chinese[k].message, `${d.rule} is not translated: ${d.message}`);
        if (d.fix) assert.match(d.fix.title, ASCII_LETTER, `${d.rule} fix: ${d.fix.title}`);
      });
      // Back in Chinese: the messages are the Chinese templates again.
      for (const d of chinese) assert.match(d.message, CJK, `${d.rule}: ${d.message}`);
    } finally {
      setLocale('zh-cn');
    }
  });
});

describe('English messages from the CLI', () => {
  test(`xxgk check --lang en ${EXAMPLE} --format json`, () => {
    // npm test builds first; build here when run on its own from a fresh checkout.
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    // A Chinese environment, so that English comes from --lang alone.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const run = (lang: string) => {
      const r = spawnSync(process.execPath, ['bin/xxgk.js', 'check', '--lang', lang, EXAMPLE, '--format', 'json'], { cwd: ROOT, env, encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      return JSON.parse(r.stdout) as Array<{ line: number; column: number; rule: string; message: string }>;
    };
    const english = run('en');
    const chinese = run('zh');
    assert.ok(english.length >= 20);
    assert.deepEqual(english.map((f) => `${f.line}:${f.column} ${f.rule}`), chinese.map((f) => `${f.line}:${f.column} ${f.rule}`));
    english.forEach((f, k) => {
      assert.match(f.message, ASCII_LETTER, `${f.rule}: ${f.message}`);
      assert.notEqual(f.message, chinese[k].message, `${f.rule} is not translated: ${f.message}`);
      assert.match(chinese[k].message, CJK);
    });
  });
});

describe('Chinese messages: placeholders filled without l10n', () => {
  test('t fills {0}, {1}… exactly as @vscode/l10n does, odd templates included', async () => {
    const l10n = await import('@vscode/l10n');
    const { t } = await import('../server/src/core/i18n');
    setLocale('zh-cn');
    const templates = ['“{0}”为 {1}', '{0}{0}{1}', '{}{0}', '{{0}}', '{0', '}{0}{', '{length}', '{a}{1}', '没有参数', 'x{0}y', '{0}{2}'];
    for (const template of templates) {
      for (const args of [[], ['甲'], ['甲', 0], ['$&', 12, '丙']] as Array<Array<string | number>>) {
        assert.equal(t(template, ...args), l10n.t(template, ...args), `${template} with ${JSON.stringify(args)}`);
      }
    }
  });
});
