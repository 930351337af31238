import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import { computeLineStarts, fixAll, lineContentEnd, offsetAt, ruleById, t, type Diagnostic, type Edit, type XxgkConfig, type XxgkDocument } from '../../core/index';
import { sameRange, toLspDiagnostic, toRange, toTextEdit } from '../convert';

export const FILL_TABLE_KIND = `${CodeActionKind.Source}.xxgk.fillTable`;
export const FIX_SUMS_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

/**
 * Quick fixes come from the core's own fixes on its diagnostics; the source actions gather them:
 * fill the table under the cursor with its missing rows, and fix every wrong total (`config`: the document's, as
 * the totals are checked again after each round of fixes).
 */
export function codeActions(doc: XxgkDocument, diagnostics: readonly Diagnostic[], params: CodeActionParams, config?: XxgkConfig): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const requested of params.context.diagnostics) {
      const match = diagnostics.find(
        (d) => d.fix && d.rule === requested.code && sameRange(toRange(doc, d.span), requested.range),
      );
      if (!match?.fix) continue;
      actions.push({
        title: match.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(doc, match, uri)],
        isPreferred: match.rule === 'table-sum' || match.rule === 'cell-value' || match.rule === 'row-label',
        edit: { changes: { [uri]: mergeEdits(doc, match.fix.edits) } },
      });
    }
  }

  const cursor = offsetAt(doc.lineStarts, doc.text, params.range.start);
  const table = doc.tables.find((t) => t.spec && t.span.start <= cursor && cursor <= t.span.end);
  if (table && wants(FILL_TABLE_KIND)) {
    const missing = diagnostics.filter((d) => d.rule === 'missing-row' && d.fix && d.span.start === table.kindSpan.start);
    if (missing.length) {
      actions.push({
        title: t('补齐“{0}”表缺少的 {1} 行', table.spec!.title, missing.length),
        kind: FILL_TABLE_KIND,
        edit: { changes: { [uri]: mergeEdits(doc, missing.flatMap((d) => d.fix!.edits)) } },
      });
    }
  }
  if (wants(FIX_SUMS_KIND) && diagnostics.some((d) => d.rule === 'table-sum' && d.fix?.safe)) {
    // As `xxgk check --fix` does, round by round: every fix of one round was computed from the figures before it, so
    // a total fixed from a part that another fix changes in the same round came out wrong (8 + 1 with a total of 10).
    const fixed = totalsFixed(doc, config);
    if (fixed.applied) {
      actions.push({
        title: t('按分项之和修正全部 {0} 处合计', fixed.applied),
        kind: FIX_SUMS_KIND,
        edit: { changes: { [uri]: changedLines(doc, fixed.text) } },
      });
    }
  }
  return actions;
}

/**
 * The document with its totals fixed, once per parsed document (one per text and configuration): the editor asks for
 * code actions at every move of the cursor, and each asking ran up to MAX_FIX_ROUNDS checks again.
 */
const fixedTotals = new WeakMap<XxgkDocument, { readonly text: string; readonly applied: number }>();
function totalsFixed(doc: XxgkDocument, config: XxgkConfig | undefined): { readonly text: string; readonly applied: number } {
  let fixed = fixedTotals.get(doc);
  if (!fixed) {
    const { text, applied } = fixAll(doc.text, { config, rules: [ruleById('table-sum')!] });
    fixedTotals.set(doc, (fixed = { text, applied }));
  }
  return fixed;
}

/** Edits from the document to `after`: each line that differs, replaced (or the whole text, if lines came or went). */
function changedLines(doc: XxgkDocument, after: string): TextEdit[] {
  const afterStarts = computeLineStarts(after);
  const before = doc.lineStarts;
  const content = (text: string, starts: readonly number[], k: number) => ({ start: starts[k], end: lineContentEnd(starts, text, k) });
  if (afterStarts.length !== before.length) return [toTextEdit(doc, { span: { start: 0, end: doc.text.length }, newText: after })];
  const edits: TextEdit[] = [];
  for (let k = 0; k < before.length; k++) {
    const old = content(doc.text, before, k);
    const now = content(after, afterStarts, k);
    const text = after.slice(now.start, now.end);
    if (doc.text.slice(old.start, old.end) !== text) edits.push(toTextEdit(doc, { span: old, newText: text }));
  }
  return edits;
}

/** Inserts at the same offset are joined in order, so that LSP clients apply them as one edit. */
function mergeEdits(doc: XxgkDocument, edits: readonly Edit[]): TextEdit[] {
  const merged: Edit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    const sameInsert = last && last.span.start === last.span.end && e.span.start === e.span.end && last.span.start === e.span.start;
    if (sameInsert) merged[merged.length - 1] = { span: last.span, newText: last.newText + e.newText };
    else merged.push(e);
  }
  return merged.sort((a, b) => a.span.start - b.span.start).map((e) => toTextEdit(doc, e));
}
