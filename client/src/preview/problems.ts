import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../../../server/src/core/index';

const SEVERITY: Record<number, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The diagnostics VS Code shows for the document (from the language server), in the core's form for the renderer. */
export function problemsOf(document: vscode.TextDocument): Diagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'xxgk')
    .map((d) => ({
      rule: String(typeof d.code === 'object' ? d.code.value : d.code ?? ''),
      severity: SEVERITY[d.severity],
      message: d.message,
      span: { start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) },
    }));
}
