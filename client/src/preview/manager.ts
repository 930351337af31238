import * as vscode from 'vscode';
import type { ServerApi } from '../server-api';
import { previewShell } from './shell';

export const PREVIEW_VIEW_TYPE = 'xxgk.preview';

const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

type FromWebview =
  | { type: 'ready' }
  | { type: 'revealLine'; line: number }
  | { type: 'openSource'; line: number; column?: string };

/** One preview panel. It follows the active report editor and re-renders as the report or its problems change. */
class Preview {
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private version = 0;
  /** Editor scrolls caused by the preview must not scroll the preview back. */
  private ignoreEditorScrollUntil = 0;
  private readonly disposables: vscode.Disposable[] = [];

  /** Renders asked of the server; an answer overtaken by a later one is dropped. */
  private asked = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly api: ServerApi,
    document: vscode.TextDocument | undefined,
    private readonly onDispose: () => void,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'preview.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
    );
    this.show(document);
  }

  get uri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  show(document: vscode.TextDocument | undefined): void {
    const changed = document?.uri.toString() !== this.document?.uri.toString();
    this.document = document;
    const name = document ? document.uri.path.split('/').pop() : '';
    this.panel.title = vscode.l10n.t('Preview {0}', name ?? '');
    if (changed || !this.panel.webview.html) {
      // The page opens at once (saying it is being rendered) and asks for its content when ready.
      const waiting = document ? `<p>${escapeText(vscode.l10n.t('Rendering…'))}</p>` : `<p>${escapeText(vscode.l10n.t('Open an annual report (.xxgk) to preview it.'))}</p>`;
      this.panel.webview.html = previewShell(this.panel.webview, this.extensionUri, waiting);
    } else this.refresh(0);
  }

  /** Debounced re-render; the page swaps its content in place, without flicker and keeping its scroll position. */
  refresh(delay = 150): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  scrollToLine(line: number): void {
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  private async update(): Promise<void> {
    const document = this.document;
    const ask = ++this.asked;
    const html = await this.render(document);
    if (ask !== this.asked || document !== this.document) return;
    void this.panel.webview.postMessage({ type: 'update', html, uri: document?.uri.toString(), version: ++this.version });
  }

  /** The report as the server renders it: its own parse, settings and published diagnostics. */
  private async render(document: vscode.TextDocument | undefined): Promise<string> {
    if (!document) return `<p>${escapeText(vscode.l10n.t('Open an annual report (.xxgk) to preview it.'))}</p>`;
    try {
      const result = await this.api.render(document, 'preview');
      return result && result.kind === 'preview' ? result.html : '';
    } catch (err) {
      // A server that is restarting, or a renderer bug, must not blank the panel silently.
      return `<p>${escapeText(vscode.l10n.t('The preview could not be rendered: {0}', err instanceof Error ? err.message : String(err)))}</p>`;
    }
  }

  private async onMessage(message: FromWebview): Promise<void> {
    const document = this.document;
    if (!document) return;
    if (message.type === 'ready') {
      this.refresh(0);
      return;
    }
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    if (message.type === 'revealLine') {
      if (!editor) return;
      this.ignoreEditorScrollUntil = Date.now() + 300;
      const line = Math.max(0, Math.min(message.line, document.lineCount - 1));
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      return;
    }
    const offset = await this.api.sourceOffset(document, message.line, message.column).catch(() => null);
    if (offset === null || offset === undefined) return;
    const position = document.positionAt(offset);
    const shown = await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    shown.selection = new vscode.Selection(position, position);
    shown.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => {
      d.dispose();
    });
    this.onDispose();
  }
}

/** The preview panels, their commands and the events that keep them current. */
export class PreviewManager implements vscode.WebviewPanelSerializer {
  private readonly previews = new Set<Preview>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly api: ServerApi,
  ) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.commands.registerCommand('xxgk.openPreview', (uri?: vscode.Uri) => this.open(vscode.ViewColumn.Active, uri)),
      vscode.commands.registerCommand('xxgk.openPreviewToSide', (uri?: vscode.Uri) => this.open(vscode.ViewColumn.Beside, uri)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.forDocument(e.document).forEach((p) => p.refresh())),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const p of this.previews) if (e.uris.some((u) => u.toString() === p.uri?.toString())) p.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'xxgk') for (const p of this.previews) p.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) this.forDocument(e.textEditor.document).forEach((p) => p.scrollToLine(line));
      }),
    );
  }

  /** Restores a preview after a reload from the state its page saved (the report's URI). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { uri?: string } | undefined): Promise<void> {
    const document = state?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri)).then((d) => d, () => undefined) : undefined;
    this.track(panel, document);
  }

  private async open(column: vscode.ViewColumn, uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'xxgk') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report (.xxgk) first.'));
      return;
    }
    const existing = [...this.previews].find((p) => p.uri?.toString() === document.uri.toString());
    if (existing) {
      existing.panel.reveal(column === vscode.ViewColumn.Beside ? undefined : column, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    this.track(panel, document);
  }

  private track(panel: vscode.WebviewPanel, document: vscode.TextDocument | undefined): void {
    const preview = new Preview(panel, this.extensionUri, this.api, document, () => this.previews.delete(preview));
    this.previews.add(preview);
  }

  private forDocument(document: vscode.TextDocument): Preview[] {
    return [...this.previews].filter((p) => p.uri?.toString() === document.uri.toString());
  }
}
