import * as path from 'node:path';
import * as vscode from 'vscode';
import { findBrowser, PdfPrintError, printHtmlToPdf } from '../../server/src/cli/browser-pdf';
import { sameFile } from '../../server/src/cli/same-file';
import type { ServerApi } from './server-api';

type Kind = 'html' | 'docx' | 'pdf';

const FILTERS: Record<Kind, Record<string, string[]>> = {
  html: { HTML: ['html'] },
  docx: { Word: ['docx'] },
  pdf: { PDF: ['pdf'] },
};

/** The browser named in the settings, or one found on the machine; said plainly when there is none. */
function browserForPdf(): string | undefined {
  const setting = vscode.workspace.getConfiguration('xxgk').get<string>('export.browser');
  const browser = findBrowser(setting);
  if (!browser) {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window.showErrorMessage(vscode.l10n.t('No Chromium, Chrome or Edge was found to print the PDF. Install one, or set “xxgk.export.browser” to the browser’s program. You can also export HTML or Word and print that to PDF.'), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'xxgk.export.browser');
    });
  }
  return browser;
}

function pdfFailure(err: unknown): string {
  if (!(err instanceof PdfPrintError)) return vscode.l10n.t('The report could not be exported: {0}', err instanceof Error ? err.message : String(err));
  if (err.reason === 'timeout') return vscode.l10n.t('{0} did not finish printing the PDF in time and was stopped.', err.browser);
  if (err.reason === 'not-found') return vscode.l10n.t('The browser {0} was not found; check the setting “xxgk.export.browser”.', err.browser);
  return vscode.l10n.t('{0} printed no PDF ({1}).', err.browser, err.detail);
}

/**
 * Export the active report as a self-contained HTML page, a Word document or a PDF. Writes only where the user chose, and
 * asks before replacing an existing file.
 */
async function exportReport(api: ServerApi, kind: Kind, uri?: vscode.Uri): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'xxgk') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (.xxgk) first.'));
    return;
  }
  // Before asking where to save: without a browser there is nothing to save.
  const browser = kind === 'pdf' ? browserForPdf() : undefined;
  if (kind === 'pdf' && !browser) return;
  const base = document.uri.scheme === 'file' ? document.uri.fsPath.replace(/\.xxgk(\.md)?$/, '') : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'report');
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${base}.${kind}`), filters: FILTERS[kind], saveLabel: vscode.l10n.t('Export') });
  if (!target) return;
  // Never over the report itself, whatever the name (a hard link or symlink to it included).
  if (document.uri.scheme === 'file' && target.scheme === 'file' && sameFile(document.uri.fsPath, target.fsPath)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is the report itself; choose another file to export to.', path.basename(target.fsPath)));
    return;
  }
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists) {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', path.basename(target.fsPath)), { modal: true }, overwrite);
    if (answer !== overwrite) return;
  }
  // Rendered by the language server, from its own parse and settings (the configured format included).
  let result;
  try {
    result = await api.render(document, kind === 'docx' ? 'docx' : 'html');
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be exported: {0}', err instanceof Error ? err.message : String(err)));
    return;
  }
  if (!result) return;
  if (result.kind === 'too-large') {
    // Said plainly, nothing written.
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is too large to export as Word (more than {0} paragraphs, table cells and runs of text). Export it as HTML, or split it and export the parts.', result.limit));
    return;
  }
  let bytes: Uint8Array;
  if (result.kind === 'docx') bytes = Buffer.from(result.base64, 'base64');
  else if (kind === 'pdf') {
    const html = result.html;
    try {
      bytes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Printing the report to PDF…') }, () => printHtmlToPdf(html, { browser: browser! }));
    } catch (err) {
      void vscode.window.showErrorMessage(pdfFailure(err));
      return;
    }
  } else bytes = new TextEncoder().encode(result.html);
  await vscode.workspace.fs.writeFile(target, bytes);
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', target.fsPath), open);
  if (choice === open) await vscode.env.openExternal(target);
}

export function registerExport(context: vscode.ExtensionContext, api: ServerApi): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.exportHtml', (uri?: vscode.Uri) => exportReport(api, 'html', uri)),
    vscode.commands.registerCommand('xxgk.exportWord', (uri?: vscode.Uri) => exportReport(api, 'docx', uri)),
    vscode.commands.registerCommand('xxgk.exportPdf', (uri?: vscode.Uri) => exportReport(api, 'pdf', uri)),
  );
}
