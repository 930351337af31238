import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sameFile } from '../../server/src/cli/same-file';
import type { ServerApi } from './server-api';

/** `2023年报.xxgk` → `2024年报.xxgk`; a name without the year gets the year in front. */
export function nextYearFileName(file: string, year: number | undefined): string {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (year !== undefined && base.includes(String(year - 1))) return path.join(dir, base.replace(String(year - 1), String(year)));
  return path.join(dir, `${year ?? 'next'}-${base}`);
}

/** The report in the active editor; says what to do when there is none. */
function activeReport(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'xxgk') return document;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (.xxgk) first.'));
  return undefined;
}

async function newNextYearReport(api: ServerApi): Promise<void> {
  const source = activeReport();
  if (!source) return;
  let next;
  try {
    next = await api.nextYearReport(source);
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The next year’s report could not be made: {0}', err instanceof Error ? err.message : String(err)));
    return;
  }
  if (next.year === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The report states no year (front matter 年度 or a title with 20XX年); the next year cannot be determined.'));
    return;
  }
  let target: vscode.Uri | undefined;
  if (source.uri.scheme === 'file') {
    const candidate = vscode.Uri.file(nextYearFileName(source.uri.fsPath, next.year));
    if (sameFile(source.uri.fsPath, candidate.fsPath)) {
      // The next year's name is this report under another name (a hard link or symlink): never written over.
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is this report under another name (a link to it); it is not overwritten.', path.basename(candidate.fsPath)));
      return;
    }
    const exists = await vscode.workspace.fs.stat(candidate).then(() => true, () => false);
    if (exists) {
      const overwrite = vscode.l10n.t('Overwrite');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Overwrite it?', path.basename(candidate.fsPath)),
        { modal: true },
        overwrite,
      );
      if (answer !== overwrite) return;
    }
    target = candidate;
  }
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(next.text));
    await vscode.window.showTextDocument(target);
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'xxgk', content: next.text });
    await vscode.window.showTextDocument(doc);
  }
  if (next.formatChanged) {
    void vscode.window.showInformationMessage(
      next.tablesRelaid
        ? vscode.l10n.t('The {0} report uses another format: its tables are laid out in the new one, with 上年结转 filled in.', next.year)
        : vscode.l10n.t('The {0} report uses another format; check the tables against the new format.', next.year),
    );
  }
}

/** Last year's report on the left, this one on the right, in VS Code's diff editor (the repetition rule's companion). */
async function compareWithPreviousYear(api: ServerApi): Promise<void> {
  const document = activeReport();
  if (!document) return;
  const previous = await api.previousYear(document).catch(() => null);
  if (!previous?.uri) {
    void vscode.window.showInformationMessage(
      previous?.year === undefined
        ? vscode.l10n.t('The report states no year (front matter 年度 or a title with 20XX年); the next year cannot be determined.')
        : vscode.l10n.t('No {0} report of the same agency (front matter 机关) was found in the workspace.', previous.year),
    );
    return;
  }
  const name = path.basename(document.uri.path);
  await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(previous.uri), document.uri, vscode.l10n.t('{0} report ↔ {1}', previous.year ?? '', name));
}

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, api: ServerApi): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.newNextYearReport', () => newNextYearReport(api)),
    vscode.commands.registerCommand('xxgk.compareWithPreviousYear', () => compareWithPreviousYear(api)),
    vscode.commands.registerCommand('xxgk.restartServer', async () => {
      await client()?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('The xxgk language server has been restarted.'));
    }),
  );
}
