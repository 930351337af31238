/**
 * Fuzzing the core: documents generated from the grammar, the same documents mutated, text with no grammar at all,
 * and big (64 KB) documents. For every one: no exception, every span inside the text, fixes that change only what
 * they claim, no slow rule, and a deterministic parse. See README.md in this folder for seeds and replaying.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { CodeActionParams, Range } from 'vscode-languageserver';
import { checkDocument, parse } from '../../server/src/core/index';
import { nextYearReport } from '../../server/src/core/next-year';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { codeActions } from '../../server/src/lsp/providers/code-actions';
import { completions } from '../../server/src/lsp/providers/completion';
import { foldingRanges } from '../../server/src/lsp/providers/folding';
import { hover } from '../../server/src/lsp/providers/hover';
import { documentSymbols } from '../../server/src/lsp/providers/symbols';
import {
  bigDocument, choicesArb, deepYamlArb, document, documentArb, longNumberArb, longRunArb, loneCr, loneCrArb, mutate, mutatedArb, randomTextArb,
} from './arbitraries';
import { check, counted } from './config';
import { checkInvariants } from './invariants';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PATHOLOGICAL, PATHOLOGICAL_FUZZ_LENGTH } = require('../../bench/lib/pathological.cjs') as { PATHOLOGICAL: Record<string, (n: number) => string>; PATHOLOGICAL_FUZZ_LENGTH: number };

/**
 * A test that runs this long is hung (a quadratic reading of these sizes takes minutes), not slow: time itself is
 * measured in the bench, as ratios (tests never assert on time: the machines are shared and noisy).
 */
const HANG_MS = 120_000;

after(() => console.log(`fuzz/core: ${counted.cases} generated cases`));

describe('fuzz: the core on generated, mutated and random documents', () => {
  it('generated documents: no exception, spans inside, fixes claim their spans, deterministic parse and check', () => {
    check(documentArb, (text) => void checkInvariants(text, { determinism: true }), 1200);
  });

  it('mutated documents (inserted, deleted, swapped characters; truncated lines; open containers; huge and full-width figures; control characters; lone surrogates; random bytes)', () => {
    check(mutatedArb, (text) => void checkInvariants(text), 5000);
  });

  it('text without any grammar: arbitrary code points, UTF-16 units, bytes decoded as UTF-8 and UTF-16, token soup', () => {
    check(randomTextArb, (text) => void checkInvariants(text, { determinism: true }), 8000);
  });

  it('next year’s report is made from any document without an exception', () => {
    check(
      mutatedArb,
      (text) => {
        const next = nextYearReport(text);
        assert.equal(typeof next.text, 'string');
      },
      800,
    );
  });
});

/**
 * What an attack's input may cost: bounded findings, no more than a few per line, none with a message longer than
 * 2,000 characters (a message quoting a megabyte of the text is itself a denial of service in an editor's problem
 * list). Time is the bench's (bench/lib/stress-cases.cjs); the callers' test timeout only stops a hang.
 */
function checkBounded(text: string) {
  const diagnostics = checkInvariants(text);
  const lines = parse(text).lineStarts.length;
  assert.ok(diagnostics.length <= 40 + 10 * lines, `${diagnostics.length} findings for ${lines} lines`);
  for (const d of diagnostics) assert.ok(d.message.length <= 2_000, `${d.rule}: a message of ${d.message.length} characters`);
  return diagnostics;
}

describe('fuzz: the shapes of issue 13 (deep YAML, long numbers, long runs of one character, lone CR)', () => {
  it('front matter nested up to 5,000 deep, in every line ending: no exception, a front-matter finding, bounded', { timeout: HANG_MS }, () => {
    check(
      deepYamlArb,
      (text) => {
        const diagnostics = checkBounded(text);
        assert.ok(diagnostics.some((d) => d.rule === 'front-matter'), 'no front-matter finding for deep YAML');
      },
      60,
    );
  });

  it('numbers of up to 200,000 digits in cells of every kind of table and in prose: no exception, bounded', { timeout: HANG_MS }, () => {
    check(longNumberArb, (text) => void checkBounded(text), 60);
  });

  it('runs of up to 300,000 of one character in headings, containers, rows, prose, YAML and comments: bounded', { timeout: HANG_MS }, () => {
    check(longRunArb, (text) => void checkBounded(text), 80);
  });

  it('lone CR line endings: the same findings, at the same places, as LF', () => {
    const findings = (text: string) =>
      checkDocument(parse(text)).map((d) => `${d.rule} ${d.severity} ${d.span.start}-${d.span.end} ${d.message.replace(/\r/g, '\n')}`);
    check(loneCrArb, ({ lf, cr }) => assert.deepEqual(findings(cr), findings(lf)), 600);
  });

  it('mixed CR, LF and CRLF line endings: no exception, spans inside, fixes claim their spans', () => {
    check(choicesArb().map((c) => loneCr(c, document(c))), (text) => void checkInvariants(text), 600);
  });
});

/** Every LSP range lies inside the document (line < line count, character ≤ that line's length). */
function assertRange(doc: ReturnType<typeof parse>, range: Range, what: string): void {
  const lines = doc.lineStarts.length;
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines, `${what}: line ${p.line} of ${lines}`);
    const lineEnd = p.line + 1 < lines ? doc.lineStarts[p.line + 1] - 1 : doc.text.length;
    assert.ok(p.character >= 0 && doc.lineStarts[p.line] + p.character <= lineEnd + 1, `${what}: character ${p.character} on line ${p.line}`);
  }
}

describe('fuzz: the language server’s providers on mutated documents', () => {
  it('hover, completion, symbols, folding and code actions at random places never throw and answer in range', () => {
    const arb = fc.tuple(
      choicesArb().map((c) => mutate(c, document(c), 3)),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
    );
    check(
      arb,
      ([text, places]) => {
        const doc = parse(text);
        const uri = 'file:///fuzz.xxgk';
        const diagnostics = checkDocument(doc);
        for (const place of places) {
          const offset = Math.floor(place * text.length);
          const h = hover(doc, offset);
          if (h?.range) assertRange(doc, h.range, 'hover');
          const list = completions(doc, offset);
          for (const item of list.items) {
            const edit = item.textEdit;
            if (edit && 'range' in edit) assertRange(doc, edit.range, `completion ${item.label}`);
          }
          const at = toLspDiagnostic(doc, diagnostics[Math.floor(place * diagnostics.length)] ?? diagnostics[0] ?? { rule: 'x', severity: 'error', span: { start: offset, end: offset }, message: 'x' }, uri);
          const params: CodeActionParams = { textDocument: { uri }, range: at.range, context: { diagnostics: [at] } };
          for (const action of codeActions(doc, diagnostics, params)) {
            for (const e of action.edit?.changes?.[uri] ?? []) assertRange(doc, e.range, `code action ${action.title}`);
          }
        }
        const visit = (symbols: ReturnType<typeof documentSymbols>) => {
          for (const s of symbols) {
            assertRange(doc, s.range, `symbol ${s.name}`);
            assertRange(doc, s.selectionRange, `symbol ${s.name}`);
            visit(s.children ?? []);
          }
        };
        visit(documentSymbols(doc));
        for (const f of foldingRanges(doc)) assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineStarts.length, `folding ${JSON.stringify(f)}`);
      },
      1200,
    );
  });
});

describe('fuzz: big documents, each rule timed on its own', () => {
  it('64 KB documents made of generated and mutated reports: no exception, spans inside', { timeout: HANG_MS }, () => {
    check(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => void checkInvariants(bigDocument(seed)), 12);
  });

  const K = PATHOLOGICAL_FUZZ_LENGTH;
  const fill = (s: string, n = K) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  // Their time is measured in the bench (bench/lib/stress-cases.cjs, at 10 KB, 100 KB and 1 MB, as ratios); here the
  // test's timeout only stops a hang.
  for (const [name, make] of Object.entries(PATHOLOGICAL)) {
    it(`64 KB of ${name}: no exception, spans inside, findings bounded`, { timeout: HANG_MS }, () => {
      checkBounded(make(K));
    });
  }

  const M = 1024 * 1024;
  const ONE_MB_LINES: Record<string, string> = {
    prose: fill('全年主动公开政府信息52条，其中：工作动态40条，通知公告12条。', M),
    digits: fill('1234567890', M),
    'a table row': '| 行政许可 ' + fill('| 1 ', M),
    'a heading': '## ' + fill('总体情况', M),
    'a container line': '::: ' + fill('依申请', M),
    'a YAML value': '---\n机关: ' + fill('局', M) + '\n---',
    'a suppression comment': '<!-- xxgk-disable ' + fill('table-sum ', M) + '-->',
    'random UTF-16 units': Array.from({ length: M }, (_, i) => String.fromCharCode((i * 2654435761) % 65536)).join('').replace(/[\n\r]/g, ' '),
  };
  for (const [name, text] of Object.entries(ONE_MB_LINES)) {
    it(`a 1 MB single line (${name}): no exception, spans inside`, { timeout: HANG_MS }, () => {
      checkInvariants(text);
    });
  }
});
