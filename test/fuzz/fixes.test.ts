/**
 * Text is never lost: quick fixes and the formatter change only what they claim, applying every table-sum fix
 * (round after round) settles and puts back a single wrong total, and formatting keeps every non-whitespace character in order and is
 * idempotent.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, parse, type Diagnostic, type Edit } from '../../server/src/core/index';
import { evaluateDocument } from '../../server/src/core/tables/evaluate';
import { restatedCells } from '../../server/src/core/prose/table-statements';
import { add, equals, format, parseDecimal } from '../../server/src/core/text/decimal';
import { report2021 } from '../helpers';
import { choicesArb, document, mutatedArb, report } from './arbitraries';
import { check, counted } from './config';
import { applyEdits, assertFixes, assertFormatting, assertOnlyEditedSpansChanged } from './invariants';

after(() => console.log(`fuzz/fixes: ${counted.cases} generated cases`));

const example = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'examples', name), 'utf8');
const EXAMPLES = ['2023-errors.xxgk', '2023-clean.xxgk', '2012-legacy.xxgk'];

/** One round of “fix every wrong total”, as the language server’s fix-all action does it (one edit per cell). */
function fixAllSums(text: string): { text: string; sums: Diagnostic[]; edits: Edit[] } {
  const sums = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
  const seen = new Set<string>();
  const edits = sums
    .flatMap((d) => d.fix?.edits ?? [])
    .filter((e) => {
      const key = `${e.span.start}:${e.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { text: applyEdits(text, edits), sums, edits };
}

/**
 * Fixes every wrong total, round after round, until no fix is offered; fails if that takes more than `rounds` rounds.
 * What is left has no fix: a total that a sum which holds confirms (a part is what is wrong), or a guess.
 */
function fixSumsUntilSettled(text: string, rounds = 6): { text: string; left: Diagnostic[] } {
  for (let round = 0; round < rounds; round++) {
    const { text: next, sums, edits } = fixAllSums(text);
    if (!edits.length) return { text, left: sums };
    assertOnlyEditedSpansChanged(text, next, edits, `table-sum fix-all round ${round + 1}`);
    text = next;
  }
  const left = checkText(text).diagnostics.filter((d) => d.rule === 'table-sum');
  assert.deepEqual(left.filter((d) => d.fix).map((d) => d.message), [], `table-sum fixes still offered after ${rounds} rounds`);
  return { text, left };
}

describe('fuzz: quick fixes change only what they claim', () => {
  for (const name of EXAMPLES) {
    it(`every fix on examples/${name}: edits inside, not overlapping, the text outside them unchanged, a cell fix replaces one cell`, () => {
      const text = example(name);
      const { document: doc, diagnostics } = checkText(text);
      assertFixes(text, diagnostics, doc);
      if (name === '2023-errors.xxgk') assert.ok(diagnostics.filter((d) => d.fix).length >= 5, 'the errors example has fixes to check');
    });
  }

  it('every fix on examples/2023-errors.xxgk, applied alone, clears its own finding and adds no syntax problem', () => {
    const text = example('2023-errors.xxgk');
    const { diagnostics } = checkText(text);
    for (const d of diagnostics.filter((x) => x.fix && x.rule !== 'table-sum' && x.rule !== 'missing-row' && x.rule !== 'missing-section' && x.rule !== 'missing-table')) {
      const fixed = applyEdits(text, d.fix!.edits);
      const after = checkText(fixed).diagnostics;
      const same = after.find((x) => x.rule === d.rule && x.message === d.message);
      assert.ok(!same, `${d.rule} fix “${d.fix!.title}” leaves its finding: ${d.message}`);
      assert.equal(after.filter((x) => x.rule === 'syntax').length, diagnostics.filter((x) => x.rule === 'syntax').length, `${d.rule} fix adds a syntax problem`);
    }
  });
  // Every fix of every generated, mutated and random document is checked the same way in core.test.ts
  // (checkInvariants → assertFixes), over some 15 000 documents.
});

describe('fuzz: applying every table-sum fix settles, and puts back a single wrong total', () => {
  it('examples/2023-errors.xxgk: the totals fixed, those another sum confirms left for a person', () => {
    const { text, left } = fixSumsUntilSettled(example('2023-errors.xxgk'));
    assert.notEqual(text, example('2023-errors.xxgk'));
    // R3 holds with （七）总计 · 自然人 as written, the 总计 column with 5.属于三类内部事务信息's 2: a part is wrong.
    assert.ok(left.some((d) => /总计 · 自然人 为 156/.test(d.message)) && left.some((d) => /属于三类内部事务信息 · 总计 为 2/.test(d.message)));
  });

  it('generated reports (2021, 2019, legacy) whose tables have random wrong totals: the fixes settle', () => {
    check(
      choicesArb().map((c) => report(c, { wrongTotals: true, messy: false })),
      (text) => void fixSumsUntilSettled(text),
      700,
    );
  });

  it('a generated report with one total made wrong is fixed back to exactly what it was', () => {
    check(
      fc.tuple(choicesArb().map((c) => report(c, { wrongTotals: false, messy: false })), fc.nat(), fc.constantFrom('1', '2', '10', '-1')),
      ([clean, pick, delta]) => {
        // A generated report may hold a sum that does not add up already (a 附表 part in another unit is no part).
        const evaluations = evaluateDocument(parse(clean));
        if (evaluations.some((e) => !e.ok)) return;
        const totals = evaluations.filter((e) => e.fixable && e.actual.units + BigInt(delta) >= 0n);
        if (!totals.length) return;
        const cell = totals[pick % totals.length].cell;
        const wrong = `${clean.slice(0, cell.span.start)}${format(add(cell.value!, parseDecimal(delta)!))}${clean.slice(cell.span.end)}`;
        // The generated prose may state the wrong figure (新收2件): then prose and total agree against the parts, and
        // which is wrong is for a person to say (no fix, by design).
        if (restatedCells(parse(wrong)).has(cell.span.start)) return;
        const { text, left } = fixSumsUntilSettled(wrong);
        assert.deepEqual(left.map((d) => d.message), [], `${cell.text} → wrong, then fixed`);
        // Only that cell was touched, and it holds its figure again (written as the fix writes a figure: 1.0 is 1).
        const before = clean.slice(0, cell.span.start);
        const after = clean.slice(cell.span.end);
        assert.ok(text.startsWith(before) && text.endsWith(after), 'only the wrong cell changed');
        assert.ok(equals(parseDecimal(text.slice(before.length, text.length - after.length))!, cell.value!), `${cell.text} fixed to ${text.slice(before.length, text.length - after.length)}`);
      },
      500,
    );
  });
});

/** Applies fix-all rounds; fails if a round brings back a text seen before (the fixes undo one another). */
function assertFixesSettle(text: string, rounds = 6): void {
  const seen = new Set<string>([text]);
  for (let round = 0; round < rounds; round++) {
    const { text: next, sums, edits } = fixAllSums(text);
    // Done when nothing is left, or nothing is left that a fix can settle.
    if (!sums.length || !edits.length) return;
    assert.ok(!seen.has(next), `round ${round + 1} of fix-all brings back an earlier text: ${sums.map((d) => `${d.message} → ${d.fix?.edits[0]?.newText}`).join(' / ')}`);
    seen.add(next);
    text = next;
  }
}

describe('fuzz: table-sum fixes do not undo one another', () => {
  it('generated reports with wrong totals and blank, invalid, full-width or huge cells: fix-all never brings back an earlier text', () => {
    check(choicesArb().map((c) => report(c, { wrongTotals: true, messy: true })), (text) => assertFixesSettle(text), 400);
  });

  it('regression: a blank part (四、结转下年度继续办理 · 自然人 left empty) no longer makes the fixes of R1 and R3 flip its 总计 between 0 and 2', () => {
    // R1 counts the blank as 0 and wants 总计 = 0; R3 (一 + 二 = 总计 + 四) wants 24 + 2 − 24 = 2. Each fix brought
    // back the other finding. Found in generated reports with blank or invalid cells (messy: true).
    assertFixesSettle(report2021().replace('| 四、结转下年度继续办理 | 2 |', '| 四、结转下年度继续办理 |  |'));
  });
});

describe('fuzz: the formatter', () => {
  for (const name of EXAMPLES) {
    it(`examples/${name}: whitespace only, every other character kept in order, idempotent`, () => {
      const text = example(name);
      assertFormatting(text);
    });
  }

  it('generated documents: whitespace only, every other character kept in order, idempotent', () => {
    check(choicesArb().map((c) => document(c)), (text) => void assertFormatting(text), 1500);
  });

  it('mutated documents: whitespace only, every other character kept in order, idempotent', () => {
    check(mutatedArb, (text) => void assertFormatting(text), 2000);
  });

  // Minimal cases the properties above found (see README.md): the formatter rebuilt a row's trailing pipe from
  // /\|[ \t]*$/, while the row splitter drops a last cell that trims to nothing (any Unicode space, a CR), so it
  // wrote `||` for `|` and dropped the last pipe of `| 合计 | 1 |　`.
  const MINIMAL: Record<string, string> = {
    'a lone pipe': '|',
    'a pipe and a space': '| ',
    'a row ending in an ideographic space after its last pipe': '| 合计 | 1 |\u3000',
    'a row ending in a no-break space after its last pipe': '| 合计 | 1 |\u00a0\n',
    'a row ending in CR CR LF': '| 合计 | 1 |\r\r\n| 工作动态 | 1 |\r\r\n',
  };
  for (const [name, text] of Object.entries(MINIMAL)) {
    it(`regression: ${name} (${JSON.stringify(text)}) keeps its pipes`, () => {
      assertFormatting(text);
    });
  }

  it('formatting keeps every table cell: same rows, same cell texts, before and after', () => {
    check(
      choicesArb().map((c) => document(c)),
      (text) => {
        const cells = (t: string) => {
          const doc = parse(t);
          return [...doc.tables, ...doc.plainTables].map((table) => table.rows.map((r) => [r.kind, ...r.cells.map((c) => c.text)]));
        };
        assert.deepEqual(cells(assertFormatting(text)), cells(text));
      },
      500,
    );
  });
});
