import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import { offsetAt, t, type Diagnostic, type Edit, type XxgkDocument } from '../../core/index';
import { sameRange, toLspDiagnostic, toRange, toTextEdit } from '../convert';

export const FILL_TABLE_KIND = `${CodeActionKind.Source}.xxgk.fillTable`;
export const FIX_SUMS_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

/**
 * Quick fixes come from the core's own fixes on its diagnostics; the source actions gather them:
 * fill the table under the cursor with its missing rows, and fix every wrong total.
 */
export function codeActions(doc: XxgkDocument, diagnostics: readonly Diagnostic[], params: CodeActionParams): CodeAction[] {
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
  if (wants(FIX_SUMS_KIND)) {
    const sums = diagnostics.filter((d) => d.rule === 'table-sum' && d.fix);
    if (sums.length) {
      actions.push({
        title: t('按分项之和修正全部 {0} 处合计', sums.length),
        kind: FIX_SUMS_KIND,
        edit: { changes: { [uri]: mergeEdits(doc, uniqueBySpan(sums.flatMap((d) => d.fix!.edits))) } },
      });
    }
  }
  return actions;
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

/** A cell can be the total of two relations; it gets one edit. */
function uniqueBySpan(edits: readonly Edit[]): Edit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.span.start}:${e.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
