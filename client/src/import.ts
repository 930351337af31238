import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportReply } from '../../server/src/lsp/protocol';
import type { ServerApi } from './server-api';

/** What the import command reads: the same kinds as `xxgk import` (server/src/core/import/readers). */
export const IMPORTABLE = ['docx', 'doc', 'html', 'htm', 'pdf', 'txt'];

/** `年报.docx` → `年报.xxgk`, beside it. */
export function importTarget(source: vscode.Uri): vscode.Uri {
  const ext = path.posix.extname(source.path);
  return source.with({ path: source.path.slice(0, source.path.length - ext.length) + '.xxgk' });
}

/**
 * “导入年报”: a Word file, web page, PDF or text file (from the Explorer's context menu, or chosen in a dialog) becomes
 * a `.xxgk` beside it, opened with its preview beside it; what the import was unsure of is listed in the output
 * channel. The server does the import (the same importer as the CLI); nothing is written when it refuses the file.
 */
async function importReport(api: ServerApi, notes: vscode.OutputChannel, given?: vscode.Uri): Promise<void> {
  const source = given ?? (await chooseFile());
  if (!source) return;
  const name = path.posix.basename(source.path);
  let reply: ImportReply;
  try {
    reply = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
      async () => api.importFile(name, Buffer.from(await vscode.workspace.fs.readFile(source)).toString('base64')),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be imported: {1}', name, err instanceof Error ? err.message : String(err)));
    return;
  }
  if (!reply.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be imported: {1}', name, reply.message));
    return;
  }
  const target = importTarget(source);
  if (await exists(target)) {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', path.posix.basename(target.path)), { modal: true }, overwrite);
    if (answer !== overwrite) return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(reply.text));
  await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Active });
  await vscode.commands.executeCommand('xxgk.openPreviewToSide', target);

  notes.clear();
  notes.appendLine(vscode.l10n.t('Imported {0} → {1}', name, path.posix.basename(target.path)));
  if (reply.remark) notes.appendLine(reply.remark);
  for (const note of reply.notes) notes.appendLine(`${name}:${note.page === undefined ? note.line : vscode.l10n.t('page {0}', note.page)}: ${note.message}`);
  const summary = reply.notes.length
    ? vscode.l10n.t('Imported {0}: {1} places the import was unsure of (listed in the output). The checker’s problems are in the Problems panel.', name, reply.notes.length)
    : vscode.l10n.t('Imported {0}. The checker’s problems are in the Problems panel.', name);
  const show = vscode.l10n.t('Show notes');
  void vscode.window.showInformationMessage(summary, ...(reply.notes.length || reply.remark ? [show] : [])).then((picked) => {
    if (picked === show) notes.show(true);
  });
}

async function chooseFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Import an annual report (Word / web page / PDF / text)'),
    filters: { [vscode.l10n.t('Annual reports')]: IMPORTABLE },
  });
  return picked?.[0];
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

export function registerImport(context: vscode.ExtensionContext, api: ServerApi): void {
  const notes = vscode.window.createOutputChannel(vscode.l10n.t('xxgk Import'));
  context.subscriptions.push(notes, vscode.commands.registerCommand('xxgk.importReport', (uri?: vscode.Uri) => importReport(api, notes, uri instanceof vscode.Uri ? uri : undefined)));
}
