import * as vscode from 'vscode';
import type { ServerApi } from './server-api';

const SOURCE_LABEL = {
  'front-matter': 'front matter',
  config: 'settings',
  year: 'report year',
  default: 'default',
} as const;

/** A language status item naming the format the open report is checked against, and why: as the server reads it. */
export function registerFormatStatus(context: vscode.ExtensionContext, api: ServerApi): void {
  const item = vscode.languages.createLanguageStatusItem('xxgk.format', { language: 'xxgk' });
  item.name = vscode.l10n.t('Report format');
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'xxgk') return;
    const ask = ++asked;
    const info = await api.documentInfo(document).catch(() => null);
    // An answer overtaken by a later question (another editor, a later edit) is dropped.
    if (!info || ask !== asked) return;
    item.text = vscode.l10n.t('Format {0}', info.format);
    item.detail = vscode.l10n.t('from the {0}', vscode.l10n.t(SOURCE_LABEL[info.formatSource]));
  };
  const later = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), delay);
  };
  later(0);
  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => later(0)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later(300);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('xxgk')) later(300);
    }),
  );
}
