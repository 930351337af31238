import * as vscode from 'vscode';
import { parse } from '../../server/src/core/parser/document';

const SOURCE_LABEL = {
  'front-matter': 'front matter',
  config: 'settings',
  year: 'report year',
  default: 'default',
} as const;

/** A language status item naming the format the open report is checked against, and why. */
export function registerFormatStatus(context: vscode.ExtensionContext): void {
  const item = vscode.languages.createLanguageStatusItem('xxgk.format', { language: 'xxgk' });
  item.name = vscode.l10n.t('Report format');
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'xxgk') return;
    // Only the front matter and title decide the format: parse the head, not the whole report, on each switch.
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 40), 0));
    const doc = parse(head);
    item.text = vscode.l10n.t('Format {0}', doc.format);
    item.detail = vscode.l10n.t('from the {0}', vscode.l10n.t(SOURCE_LABEL[doc.formatSource]));
  };
  update();
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
