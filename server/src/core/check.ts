import type { XxgkDocument } from './ast';
import { effectiveSeverity, ruleSetting, type XxgkConfig } from './config';
import { t } from './i18n';
import { parse } from './parser/document';
import { RULES } from './rules/index';
import { formatSpec } from './formats/registry';
import { ruleApplies, type Diagnostic, type Finding, type Fix, type Rule, type RuleContext } from './rules/types';
import { suppressionFilter } from './suppression';
import { lineBreakOf } from './text/lines';

export interface CheckOptions {
  readonly config?: XxgkConfig;
  readonly context?: RuleContext;
  /** Rules to run; all of RULES by default. */
  readonly rules?: readonly Rule[];
}

/** Runs every enabled rule that applies to the document's format; drops what suppression comments silence. */
export function checkDocument(doc: XxgkDocument, options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suppressed = suppressionFilter(doc);
  const context = options.context ?? {};
  const lineBreak = lineBreakOf(doc.text);
  for (const rule of options.rules ?? RULES) {
    if (!ruleApplies(rule, formatSpec(doc.format))) continue;
    const configured = effectiveSeverity(options.config, rule);
    if (configured === 'off') continue;
    const explicit = ruleSetting(options.config, rule);
    const overridden = typeof explicit === 'string';
    let count = 0;
    const report = (f: Finding) => {
      const span = clampSpan(f.span, doc.text.length);
      if (suppressed(rule, span.start)) return;
      if (count === MAX_FINDINGS_PER_RULE) {
        out.push({ rule: rule.id, severity: 'info', span, message: t('规则 {0} 发现的问题超过 {1} 处，其余未列出；请先处理已列出的问题。', rule.id, MAX_FINDINGS_PER_RULE) });
        throw ENOUGH;
      }
      count++;
      const message = f.message.length > MAX_MESSAGE ? clipMiddle(f.message) : f.message;
      // One object literal, not a spread of the finding: findings differ in shape (fix, related, data or not), and
      // a spread over them took V8's slow path on every diagnostic.
      out.push({
        span,
        message,
        rule: rule.id,
        severity: overridden ? configured : (f.severity ?? configured),
        fix: f.fix && lineBreak !== '\n' ? withLineBreak(f.fix, lineBreak) : f.fix,
        related: f.related,
        data: f.data,
      });
    };
    try {
      rule.check(doc, report, context);
    } catch (err) {
      if (err === ENOUGH) continue;
      // A rule bug must not take the others down with it, nor lose the author's other diagnostics.
      out.push({
        rule: rule.id,
        severity: 'error',
        span: { start: 0, end: 0 },
        message: t('内部错误：规则 {0} 检查失败（{1}），请报告此问题。', rule.id, err instanceof Error ? err.message : String(err)),
      });
    }
  }
  // Rule ids are ASCII kebab-case: compared by code unit, which orders them as localeCompare does, without ICU.
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** The fix with every line break of its new text written as the document writes them. */
function withLineBreak(fix: Fix, lineBreak: string): Fix {
  if (!fix.edits.some((e) => /[\r\n]/.test(e.newText))) return fix;
  return { ...fix, edits: fix.edits.map((e) => ({ span: e.span, newText: e.newText.replace(/\r\n|\r|\n/g, lineBreak) })) };
}

/**
 * The most findings one rule reports in one document. A real report has a few dozen; a pasted megabyte of open
 * containers or unknown rows had 70,000 of one rule, which no one reads and whose objects cost more time than the
 * check itself (most of it garbage collection). Past the limit one note says so and the rule stops (ENOUGH is thrown
 * from `report`, which ends the rule's loops where they are).
 */
export const MAX_FINDINGS_PER_RULE = 1000;
// One Error made once: thrown as a signal, so no stack is captured per rule.
const ENOUGH = new Error('enough findings');

/**
 * The longest message a diagnostic carries. Rules quote labels and headings at most 40 characters long; this bounds
 * what they do not (a list of 9,000 parts): the start and the end (the advice) are kept, the middle is cut.
 */
const MAX_MESSAGE = 2000;
function clipMiddle(message: string): string {
  return `${message.slice(0, MAX_MESSAGE - 600)} … ${message.slice(message.length - 500)}`;
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return start === span.start && end === span.end ? span : { start, end };
}

/** Parses and checks a text in one call. */
export function checkText(text: string, options: CheckOptions = {}): { document: XxgkDocument; diagnostics: Diagnostic[] } {
  const document = parse(text, { format: options.config?.format });
  return { document, diagnostics: checkDocument(document, options) };
}
