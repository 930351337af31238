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

const BUDGET_MS = 100;

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
 * What an attack's input may cost: parse and check within `ms` (a quadratic reading of these sizes takes minutes),
 * and bounded findings: no more than a few per line, none with a message longer than 2,000 characters (a message
 * quoting a megabyte of the text is itself a denial of service in an editor's problem list).
 */
function checkBounded(text: string, ms = 10_000) {
  const t0 = performance.now();
  const diagnostics = checkInvariants(text);
  const took = performance.now() - t0;
  assert.ok(took < ms, `parse and check took ${took.toFixed(0)} ms for ${text.length} characters`);
  const lines = parse(text).lineStarts.length;
  assert.ok(diagnostics.length <= 40 + 10 * lines, `${diagnostics.length} findings for ${lines} lines`);
  for (const d of diagnostics) assert.ok(d.message.length <= 2_000, `${d.rule}: a message of ${d.message.length} characters`);
  return diagnostics;
}

describe('fuzz: the shapes of issue 13 (deep YAML, long numbers, long runs of one character, lone CR)', () => {
  it('front matter nested up to 5,000 deep, in every line ending: no exception, a front-matter finding, bounded', () => {
    check(
      deepYamlArb,
      (text) => {
        const diagnostics = checkBounded(text);
        assert.ok(diagnostics.some((d) => d.rule === 'front-matter'), 'no front-matter finding for deep YAML');
      },
      60,
    );
  });

  it('numbers of up to 200,000 digits in cells of every kind of table and in prose: no exception, bounded', () => {
    check(longNumberArb, (text) => void checkBounded(text), 60);
  });

  it('runs of up to 300,000 of one character in headings, containers, rows, prose, YAML and comments: linear, bounded', () => {
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
  it(`64 KB documents made of generated and mutated reports: every rule within ${BUDGET_MS} ms`, () => {
    check(fc.integer({ min: 1, max: 0x7fffffff }), (seed) => void checkInvariants(bigDocument(seed), { ruleBudgetMs: BUDGET_MS }), 12);
  });

  const K = 64 * 1024;
  const fill = (s: string, n = K) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
  const requestRow = '| 1.属于国家秘密 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n';
  /** Inputs that would make a careless regular expression or loop backtrack or go quadratic. */
  const PATHOLOGICAL: Record<string, string> = {
    'thousands separators': '共' + fill('1,234') + '条',
    'one number with 16 000 groups': '共1' + fill(',234') + '条，其中：工作动态1条，通知公告2条。',
    'Chinese numerals': fill('一十百千万') + '条',
    '其中 repeated': fill('其中'),
    'a breakdown with 9 000 parts': '共1条，其中：' + fill('工作动态1条，'),
    'breakdowns back to back': fill('共5条，其中：工作动态2条，通知公告3条。'),
    '包括 in brackets': fill('共1条（包括工作动态1条、通知公告2条）'),
    'open brackets': fill('（') + '1条',
    'dates in one sentence': '本报告中所列数据的统计期限为' + fill('2023年1月1日至2023年12月31日，'),
    '统计期限 and months': '统计期限' + fill('1月'),
    'percentages': fill('予以公开1件，占办结总数的1.0%，'),
    'request sentences': fill('本年度新收政府信息公开申请1件，'),
    'years': fill('2023年'),
    'ideographic spaces': fill('　') + '1条',
    'digits': fill('1'),
    'digits and dots': fill('1.'),
    'pipes': fill('|'),
    'a row of 16 000 cells': fill('| 1 '),
    'a plain table of 5 000 rows': '| 类别 | 上半年 | 合计 |\n|---|---|---|\n' + fill('| 工作动态 | 1 | 1 |\n'),
    'a plain table of 合计 rows': '| 类别 | 上半年 | 合计 |\n|---|---|---|\n' + fill('| 工作动态 | 1 | 1 |\n| 合计 | 1 | 1 |\n'),
    'a header of 9 000 合计 columns': '| 类别 |' + fill(' 合计 |', 30000) + '\n|---|\n| 工作动态 |' + fill(' 1 |', 30000),
    'a 依申请 table of 1 400 rows': '---\n格式: 2021\n---\n::: 依申请\n' + fill(requestRow) + ':::',
    'a 依申请 table of 3 000 unknown rows': '---\n格式: 2021\n---\n::: 依申请\n' + Array.from({ length: 3000 }, (_, i) => `| ${'本年新收予以公开不予处理'.slice(i % 7, (i % 7) + 5)}${i} | 1 | 2 | 3 | 4 | 5 | 6 | 21 |`).join('\n') + '\n:::',
    'an ambiguous label 1 400 times': '::: 依申请\n' + fill('| 其他 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n') + ':::',
    'full-width pipes and digits': '::: 依申请\n' + fill('｜ 本年新收 ｜ １ ｜ ２ ｜\n') + ':::',
    '6 500 open containers': fill('::: 依申请\n'),
    'a legacy 附表 of 其中 rows': '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n' + fill('| 其中：1.政府网站 | 1 |\n') + ':::',
    'a legacy 附表 of bare 其中 markers': '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n| 总数 | 5 |\n' + fill('| 其中： |\n| 1.政府网站 | 1 |\n') + ':::',
    'a legacy 附表 nested four deep': '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n' + Array.from({ length: 4000 }, (_, i) => `| ${['一、', '（一）', '1.', '（1）'][i % 4]}政府网站 | ${4000 - i} |`).join('\n') + '\n:::',
    '## headings': fill('## 一、总体情况\n'),
    'near-miss headings': fill('## 收到和处理政府信息公开申请的情况了\n'),
    'one long heading': '## ' + fill('收到和处理政府信息公开申请情况'),
    'YAML nested brackets': '---\na: ' + '['.repeat(20000) + '\n---\n',
    'YAML nested maps': '---\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i % 300) + 'a:').join('\n') + '\n---\n',
    'YAML alias bomb': '---\na: &a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n年度: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n',
    'a big YAML': '---\n' + fill('机关: 测试局\n') + '---\n',
    'suppression comments': fill('<!-- xxgk-disable-next-line table-sum -->\n'),
    'comment openers': fill('<!--'),
    'lone surrogates': fill('\ud800'),
    'control characters and CRs': fill('\u0000\u0001\r'),
    'table rows ended by CR': fill('| 合计 | 1 |\r'),
  };
  for (const [name, text] of Object.entries(PATHOLOGICAL)) {
    it(`64 KB of ${name}: every rule within ${BUDGET_MS} ms, spans inside`, () => {
      checkInvariants(text, { ruleBudgetMs: BUDGET_MS });
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
    it(`a 1 MB single line (${name}): no exception, spans inside`, () => {
      const t0 = performance.now();
      checkInvariants(text);
      assert.ok(performance.now() - t0 < 20_000, 'checking a 1 MB line took more than 20 s');
    });
  }
});
