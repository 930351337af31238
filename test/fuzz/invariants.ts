/**
 * What must hold for every document, however broken: the core does not throw, every span it hands out lies inside
 * the text, fixes and the formatter change only what they claim, no rule is slow, and parsing is deterministic.
 */
import assert from 'node:assert/strict';
import {
  checkDocument, formatSpec, parse, ruleApplies, RULES, type Diagnostic, type Edit, type Finding, type Span, type XxgkDocument,
} from '../../server/src/core/index';
import { formatTables } from '../../server/src/core/format/tables';

export function assertSpan(span: Span | undefined, length: number, what: string): void {
  assert.ok(span, `${what}: no span`);
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
  assert.ok(ok, `${what}: span ${JSON.stringify(span)} outside 0..${length}`);
}

/** Edits of one fix (or of the formatter): inside the text, and not overlapping one another. */
export function assertEdits(edits: readonly Edit[], length: number, what: string): void {
  edits.forEach((e, k) => {
    assertSpan(e.span, length, `${what} edit ${k}`);
    assert.equal(typeof e.newText, 'string', `${what} edit ${k}: newText`);
  });
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1].span;
    const b = sorted[k].span;
    // Two inserts at one offset are fine (they are applied in order); anything else overlapping is ambiguous.
    const bothInserts = a.start === a.end && b.start === b.end;
    assert.ok(a.end <= b.start || bothInserts, `${what}: edits overlap ${JSON.stringify(a)} ${JSON.stringify(b)}`);
  }
}

/** Applies non-overlapping offset edits (inserts at one offset in the given order). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const order = edits.map((e, k) => ({ e, k })).sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || a.k - b.k);
  let out = '';
  let at = 0;
  for (const { e } of order) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/**
 * The text outside the edited spans is unchanged: walking the original and the result together, every gap
 * between edits appears verbatim, in order, at the right place.
 */
export function assertOnlyEditedSpansChanged(before: string, after: string, edits: readonly Edit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let i = 0; // in before
  let j = 0; // in after
  for (const e of sorted) {
    const gap = before.slice(i, e.span.start);
    assert.equal(after.slice(j, j + gap.length), gap, `${what}: text before offset ${e.span.start} changed`);
    j += gap.length + e.newText.length;
    assert.equal(after.slice(j - e.newText.length, j), e.newText, `${what}: edit at ${e.span.start} not applied as claimed`);
    i = e.span.end;
  }
  assert.equal(after.slice(j), before.slice(i), `${what}: text after the last edit changed`);
}

export interface RuleFindings {
  readonly rule: string;
  readonly findings: Finding[];
}

/** Runs each rule that applies to the document's format on its own, so that a throw names its rule. */
export function runRules(doc: XxgkDocument): RuleFindings[] {
  const out: RuleFindings[] = [];
  for (const rule of RULES) {
    if (!ruleApplies(rule, formatSpec(doc.format))) continue;
    const findings: Finding[] = [];
    try {
      rule.check(doc, (f) => findings.push(f), {});
    } catch (err) {
      assert.fail(`rule ${rule.id} threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    out.push({ rule: rule.id, findings });
  }
  return out;
}

/** Every span a finding carries (its own, the related places, its fix's edits) lies inside the text. */
export function assertFindings(text: string, results: readonly RuleFindings[]): void {
  for (const { rule, findings } of results) {
    for (const f of findings) {
      const what = `${rule} “${f.message}”`;
      assert.equal(typeof f.message, 'string', `${rule}: message`);
      assert.ok(f.message.length > 0, `${rule}: empty message`);
      assertSpan(f.span, text.length, what);
      for (const r of f.related ?? []) assertSpan(r.span, text.length, `${what} related “${r.message}”`);
      if (f.fix) {
        assert.ok(f.fix.edits.length > 0, `${what}: a fix without edits`);
        assertEdits(f.fix.edits, text.length, `${what} fix “${f.fix.title}”`);
      }
    }
  }
}

/** No diagnostic is the checker's own “internal error” (a rule that threw and was caught). */
export function assertNoInternalError(diagnostics: readonly Diagnostic[]): void {
  const internal = diagnostics.find((d) => /内部错误|internal error/i.test(d.message));
  assert.ok(!internal, `internal error: ${internal?.message}`);
}

/** Rules whose fixes replace the text of one table cell (a figure or a row label), and nothing else. */
const CELL_FIXES = new Set(['table-sum', 'cell-value', 'cross-year', 'row-label', 'unknown-row', 'placeholder-cell']);

function cellSpans(doc: XxgkDocument): Set<string> {
  const spans = new Set<string>();
  for (const table of [...doc.tables, ...doc.plainTables]) {
    for (const row of table.rows) for (const cell of row.cells) spans.add(`${cell.span.start}:${cell.span.end}`);
  }
  return spans;
}

/**
 * Each fix changes only what it claims: applying it leaves the text outside its spans identical; a fix of a cell
 * replaces exactly that cell's text (so no pipe, no neighbouring cell, no line is lost); no fix replaces a line
 * break; an empty-cell fix replaces only whitespace.
 */
export function assertFixes(text: string, diagnostics: readonly Diagnostic[], doc: XxgkDocument = parse(text), applyAtMost = 50): void {
  let cells: Set<string> | undefined;
  let applied = 0;
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const what = `${d.rule} fix “${d.fix.title}”`;
    assertEdits(d.fix.edits, text.length, what);
    // Applying is linear in the text: a 64 KB document with 100 000 fixes would take minutes, so only the first ones.
    if (applied++ < applyAtMost) assertOnlyEditedSpansChanged(text, applyEdits(text, d.fix.edits), d.fix.edits, what);
    for (const e of d.fix.edits) {
      const replaced = text.slice(e.span.start, e.span.end);
      assert.ok(!replaced.includes('\n'), `${what}: replaces a line break in ${JSON.stringify(replaced)}`);
      if (CELL_FIXES.has(d.rule)) {
        cells ??= cellSpans(doc);
        assert.ok(cells.has(`${e.span.start}:${e.span.end}`), `${what}: replaces ${JSON.stringify(replaced)}, which is not one cell`);
      }
      if (d.rule === 'empty-cell') assert.match(replaced, /^[ \t\u3000\r]*$/, `${what}: replaces text`);
    }
  }
}

const nonSpace = (s: string) => s.replace(/\s/g, '');

/** The formatter changes whitespace only, keeps every other character in order, and a second run changes nothing. */
export function assertFormatting(text: string, doc: XxgkDocument = parse(text)): string {
  const edits = formatTables(doc);
  assertEdits(edits, text.length, 'formatTables');
  for (const e of edits) {
    const replaced = text.slice(e.span.start, e.span.end);
    assert.equal(nonSpace(e.newText), nonSpace(replaced), `formatTables changed more than whitespace: ${JSON.stringify(replaced)} → ${JSON.stringify(e.newText)}`);
    assert.ok(!e.newText.includes('\n') && !replaced.includes('\n'), `formatTables edit spans a line break: ${JSON.stringify(replaced)}`);
  }
  const formatted = applyEdits(text, edits);
  assertOnlyEditedSpansChanged(text, formatted, edits, 'formatTables');
  assert.equal(nonSpace(formatted), nonSpace(text), 'formatting lost or reordered non-whitespace characters');
  if (edits.length) {
    const again = formatTables(parse(formatted));
    assert.deepEqual(again.map((e) => ({ ...e, was: formatted.slice(e.span.start, e.span.end) })), [], 'formatting is not idempotent');
  }
  return formatted;
}

/** A summary of the parse, to compare two parses of the same text. */
export function structureSummary(doc: XxgkDocument): string {
  return JSON.stringify(
    {
      format: doc.format,
      formatSource: doc.formatSource,
      year: doc.year,
      frontMatter: doc.frontMatter && { span: doc.frontMatter.span, entries: doc.frontMatter.entries.map((e) => [e.key, e.canonical, e.keySpan, e.valueSpan, String(e.value)]), errors: doc.frontMatter.errors.length, unclosed: doc.frontMatter.unclosed },
      title: doc.title?.span,
      headings: doc.headings.map((h) => [h.level, h.span, h.text]),
      sections: doc.sections.map((s) => [s.span, s.spec?.id, s.numbering, s.numberingStyle, s.variant]),
      tables: doc.tables.map((t) => [t.kind, t.kindText, t.span, t.closeSpan, t.sectionIndex, t.spec?.kind, t.rows.map(rowSummary)]),
      plainTables: doc.plainTables.map((t) => [t.span, t.sectionIndex, t.rows.map(rowSummary)]),
      paragraphs: doc.paragraphs.map((p) => [p.span, p.sectionIndex]),
      directives: doc.directives,
      syntaxProblems: doc.syntaxProblems,
    },
    (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

function rowSummary(r: XxgkDocument['tables'][number]['rows'][number]) {
  return [r.kind, r.span, r.match?.row.id, r.match?.how, r.unmatched?.reason, r.depth, r.parentIndex, r.unit, r.cells.map((c) => [c.span, c.state, c.value && `${c.value.units}e-${c.value.scale}`])];
}

export interface InvariantOptions {
  /** Parse and check a second time and compare. */
  readonly determinism?: boolean;
  /** Check the formatter too. */
  readonly formatting?: boolean;
}

/** Everything that must hold for any text. Returns the diagnostics, for callers that want more. */
export function checkInvariants(text: string, options: InvariantOptions = {}): Diagnostic[] {
  let doc: XxgkDocument;
  try {
    doc = parse(text);
  } catch (err) {
    assert.fail(`parse threw: ${err instanceof Error ? err.stack : String(err)}`);
  }
  assert.equal(doc.text, text, 'the parse does not hold the text it was given');
  const results = runRules(doc);
  assertFindings(text, results);

  const diagnostics = checkDocument(doc);
  assertNoInternalError(diagnostics);
  for (const d of diagnostics) assertSpan(d.span, text.length, `${d.rule} (checkDocument)`);
  assertFixes(text, diagnostics, doc);
  if (options.formatting) assertFormatting(text, doc);
  if (options.determinism) {
    const again = parse(text);
    assert.equal(structureSummary(again), structureSummary(doc), 'two parses of one text differ');
    assert.deepEqual(checkDocument(again), diagnostics, 'two checks of one text differ');
  }
  return diagnostics;
}
