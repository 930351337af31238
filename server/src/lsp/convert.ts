import {
  DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit,
} from 'vscode-languageserver';
import { positionAt, type Diagnostic, type Edit, type Span, type XxgkDocument } from '../core/index';

export function toRange(doc: XxgkDocument, span: Span): Range {
  return { start: positionAt(doc.lineStarts, span.start), end: positionAt(doc.lineStarts, span.end) };
}

export function toTextEdit(doc: XxgkDocument, edit: Edit): TextEdit {
  return { range: toRange(doc, edit.span), newText: edit.newText };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export const RULES_DOC = 'https://github.com/xxgk/xxgk/blob/main/docs/rules.md';

export function toLspDiagnostic(doc: XxgkDocument, d: Diagnostic, uri: string): LspDiagnostic {
  return {
    range: toRange(doc, d.span),
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: `${RULES_DOC}#${d.rule}` },
    source: 'xxgk',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: toRange(doc, r.span) }, message: r.message })),
    // Kept so that code actions can find the core's own fix without re-checking.
    data: d.fix ? { rule: d.rule, fix: d.fix.title } : { rule: d.rule },
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
