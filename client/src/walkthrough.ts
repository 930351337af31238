import * as vscode from 'vscode';

/**
 * The Get Started walkthrough's first step: the example report with its planted errors, opened as a new untitled
 * document (the user's folders are not touched; saving it is the user's choice).
 */
async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', '2023-errors.xxgk'));
  const document = await vscode.workspace.openTextDocument({ language: 'xxgk', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('xxgk.openExample', () => openExample(context)));
}
