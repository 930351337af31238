/**
 * Every user-visible string exists in both languages: no Chinese text in the command, the language server or a rule's
 * description that does not go through t() (and so has no English entry), commander's own words in the user's
 * language, and the rule descriptions SARIF carries. Complements test/l10n.test.ts (every t() key has its English).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fg from 'fast-glob';
import ts from 'typescript';
import { readBundle } from '../scripts/l10n-extract';
import { RULES, setLocale } from '../server/src/core/index';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'xxgk.js');
/** Chinese characters and full-width punctuation (what must not be in English output). */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
/**
 * Chinese characters, for the source scan: a lone 、 between a section's numeral and its name is part of the
 * official heading, not a message.
 */
const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * Chinese literals that are the report's own language, not messages: what completion inserts into the document (the
 * front matter's keys, a legacy table's skeleton) and the text it matches typing against. They stay Chinese in English.
 */
const REPORT_TEXT: Record<string, RegExp> = {
  'server/src/lsp/providers/completion.ts': /^(::: 附表\n|机关|年度|格式|发布日期|层级|年报)/,
};

/** Chinese string literals in a source file that are not the key of a t() call. */
function untranslatedLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (literal && IDEOGRAPH.test(node.text)) {
      const parent = node.parent;
      const isKey = ts.isCallExpression(parent) && parent.arguments[0] === node && ts.isIdentifier(parent.expression) && parent.expression.text === 't';
      if (!isKey && !REPORT_TEXT[file]?.test(node.text)) {
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${node.getText(source).slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no user-visible Chinese without its English', () => {
  test('the command and the language server pass every Chinese text through t()', () => {
    const files = fg.sync(['server/src/cli/**/*.ts', 'server/src/lsp/**/*.ts'], { cwd: ROOT });
    assert.ok(files.length > 20);
    assert.deepEqual(files.flatMap(untranslatedLiterals), [], 'wrap these in t() and translate them in l10n/bundle.l10n.en.json');
  });

  test('the scan sees a literal outside t() (it would fail on one)', () => {
    const probe = 'server/src/cli/__probe__.ts';
    fs.writeFileSync(path.join(ROOT, probe), "import { t } from '../core/i18n';\nexport const a = t('已翻译');\nexport const b = '未翻译';\n");
    try {
      assert.deepEqual(untranslatedLiterals(probe).map((s) => s.split(' ')[0]), [`${probe}:3`]);
    } finally {
      fs.rmSync(path.join(ROOT, probe));
    }
  });

  test('every rule description (SARIF, the settings schema) has its English', () => {
    const bundle = readBundle();
    try {
      setLocale('zh-cn');
      const chinese = RULES.map((r) => r.description);
      setLocale('en', bundle);
      const english = RULES.map((r) => r.description);
      RULES.forEach((r, i) => {
        assert.match(chinese[i], CJK, r.id);
        assert.notEqual(english[i], chinese[i], `${r.id}: no English description`);
        assert.match(english[i], /^["A-Z]/, `${r.id}: ${english[i]}`);
      });
    } finally {
      setLocale('zh-cn');
    }
  });
});

describe('the command in both languages', () => {
  const env = (lang: string): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: lang };
    delete e.LC_ALL;
    delete e.LC_MESSAGES;
    return e;
  };
  const run = (lang: string, args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(lang), encoding: 'utf8', input });

  before(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  const helps = [['--help'], ['check', '--help'], ['render', '--help'], ['import', '--help'], ['help', 'check']];
  for (const args of helps) {
    test(`xxgk ${args.join(' ')}: no Chinese under LANG=en, Chinese headings under zh`, () => {
      const english = run('en_US.UTF-8', args);
      assert.equal(english.status, 0, english.stderr);
      const bad = english.stdout.split('\n').filter((line) => CJK.test(line));
      assert.deepEqual(bad, [], 'Chinese left in the English help');
      assert.match(english.stdout, /^Usage: xxgk/);
      assert.match(english.stdout, /\nOptions:\n/);

      const chinese = run('zh_CN.UTF-8', args);
      assert.equal(chinese.status, 0, chinese.stderr);
      assert.match(chinese.stdout, /^用法：/);
      assert.match(chinese.stdout, /\n选项：\n/);
      assert.doesNotMatch(chinese.stdout, /Usage:|Options:|Commands:|Arguments:|\(default:|\(choices:|display help/);
    });
  }

  test('the option --lang en gives English help in a Chinese environment', () => {
    const r = run('zh_CN.UTF-8', ['check', '--lang', 'en', '--help']);
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stdout, CJK);
  });

  const usageErrors = [
    ['check', '--fxi', 'a.xxgk'],
    ['check', '-f', 'xml', 'a.xxgk'],
    ['check'],
    ['check', '-f'],
    ['check', '--max-warnings', 'many', 'a.xxgk'],
    ['check', '--fix', '--fix-dry-run', 'a.xxgk'],
    ['render', 'a.xxgk'],
    ['nosuch'],
  ];
  for (const args of usageErrors) {
    test(`xxgk ${args.join(' ')}: the usage error in each language, exit 2`, () => {
      const english = run('en_US.UTF-8', args);
      assert.equal(english.status, 2);
      assert.match(english.stderr, /^error: /);
      assert.doesNotMatch(english.stderr, CJK);
      const chinese = run('zh_CN.UTF-8', args);
      assert.equal(chinese.status, 2);
      assert.match(chinese.stderr, /^错误：/);
      assert.doesNotMatch(chinese.stderr, /error:|unknown|missing|invalid|Allowed|Did you mean|cannot be used/);
    });
  }

  test('SARIF rule descriptions in each language', () => {
    const sarif = (lang: string) => {
      const r = run(lang, ['check', 'examples/2023-clean.xxgk', '--format', 'sarif']);
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout).runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    };
    const english = sarif('en_US.UTF-8');
    const chinese = sarif('zh_CN.UTF-8');
    assert.ok(english.length >= RULES.length);
    english.forEach((rule, i) => {
      assert.match(chinese[i].shortDescription.text, CJK, rule.id);
      assert.notEqual(rule.shortDescription.text, chinese[i].shortDescription.text, `${rule.id}: the same in both languages`);
    });
  });
});

after(() => setLocale('zh-cn'));
