import * as vscode from 'vscode';
import { renderStyles } from '../../../server/src/core/render/index';
import { nonce } from './nonce';


/**
 * The webview page: a strict CSP (scripts only from the extension's media, with a nonce; no network), the
 * renderer's stylesheet, and an empty container the script fills. Inline styles are allowed for the renderer's
 * column widths, as in VS Code's own Markdown preview; nothing in the page comes unescaped from the document.
 */
export function previewShell(webview: vscode.Webview, extensionUri: vscode.Uri, initialBody: string): string {
  const n = nonce();
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const toggle = vscode.l10n.t('As printed');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${renderStyles()}</style>
<link rel="stylesheet" href="${media('preview.css').toString()}">
</head>
<body>
<div class="xxgk-toolbar"><button type="button" id="xxgk-print-toggle" aria-pressed="false">${toggle}</button></div>
<main id="xxgk-preview">${initialBody}</main>
<script nonce="${n}" src="${media('preview.js').toString()}"></script>
</body>
</html>`;
}
