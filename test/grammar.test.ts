/**
 * The TextMate grammar: runs the vscode-tmgrammar-test cases in test/grammar/, and checks that the names the
 * grammar hard-codes (official sections, table kinds, front-matter keys) are the ones the core knows.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatSpec, TABLE_KINDS } from '../server/src/core/formats/index';
import { tableKindOf } from '../server/src/core/parser/document';
import { FRONT_MATTER_KEYS } from '../server/src/core/parser/frontmatter';

const ROOT = path.join(__dirname, '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'xxgk.tmLanguage.json');
const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
const repo = grammar.repository;

describe('TextMate grammar', () => {
  test('vscode-tmgrammar-test cases in test/grammar pass', () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'vscode-tmgrammar-test');
    // source.yaml (embedded in the front matter) exists only inside VS Code; the runner warns about it and goes on.
    const r = spawnSync(bin, ['-c', '-g', 'syntaxes/xxgk.tmLanguage.json', 'test/grammar/*.xxgk'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });

  test('official section names are exactly those of the 2019 and 2021 formats', () => {
    const names = [...new Set(['2021', '2019'].flatMap((f) => formatSpec(f as '2021' | '2019').sections.map((s) => s.name)))];
    assert.ok(repo['heading-2'].patterns[0].match.includes(`(${names.join('|')})`), 'heading-2 official names');
  });

  test('container kinds: the four standard kinds, and only kinds the parser accepts', () => {
    const alternation = /\(\?:\(([^()]*)\)\(\?=/.exec(repo.container.begin)![1].split('|');
    for (const kind of TABLE_KINDS) assert.ok(alternation.includes(kind), kind);
    for (const alt of alternation) {
      // `、?` in an alternative: both spellings must be known to the parser.
      const spellings = alt.includes('?') ? [alt.replace(/(.)\?/, '$1'), alt.replace(/.\?/, '')] : [alt];
      for (const s of spellings) assert.ok(tableKindOf(s), `grammar accepts ${s}, parser does not`);
    }
  });

  test('front-matter keys are those the parser knows', () => {
    assert.ok(repo['front-matter-entry'].begin.includes(`(${Object.keys(FRONT_MATTER_KEYS).join('|')})`));
  });
});
