import * as vscode from 'vscode';
import type { ServerApi } from './server-api';

/*
 * VS Code's document paste API (final since VS Code 1.97; the extension still runs on 1.91, where this is skipped).
 * The typings the extension builds against predate it: the few members used are declared here.
 */
interface PasteEditKind {
  append(...parts: string[]): PasteEditKind;
}
interface PasteApi {
  DocumentDropOrPasteEditKind: { readonly Text: PasteEditKind };
  DocumentPasteEdit: new (insertText: string, title: string, kind: PasteEditKind) => { yieldTo?: PasteEditKind[] };
  languages: {
    registerDocumentPasteEditProvider(
      selector: vscode.DocumentSelector,
      provider: {
        provideDocumentPasteEdits(document: vscode.TextDocument, ranges: readonly vscode.Range[], data: vscode.DataTransfer, context: unknown, token: vscode.CancellationToken): Promise<unknown[] | undefined>;
      },
      metadata: { providedPasteEditKinds: readonly PasteEditKind[]; pasteMimeTypes: readonly string[] },
    ): vscode.Disposable;
  };
}

/** Pasted text longer than this is left as it is (a paste this large is not a report copied from a page). */
const MAX_PASTE_CHARS = 2_000_000;

/**
 * “按年报格式粘贴”: text copied from a published report's web page or Word file (outline-numbered headings as plain
 * lines, tables one cell per line or tab-separated) is offered converted to the markup, by the same importer as
 * `xxgk import`. An option beside plain pasting, which stays the default.
 */
export function registerPasteAsReport(context: vscode.ExtensionContext, api: ServerApi): void {
  const paste = vscode as unknown as Partial<PasteApi>;
  if (!paste.DocumentPasteEdit || !paste.DocumentDropOrPasteEditKind || !paste.languages?.registerDocumentPasteEditProvider) return;
  const { DocumentPasteEdit, DocumentDropOrPasteEditKind } = paste as PasteApi;
  const kind = DocumentDropOrPasteEditKind.Text.append('xxgk', 'report');
  context.subscriptions.push(
    (paste as PasteApi).languages.registerDocumentPasteEditProvider(
      { language: 'xxgk' },
      {
        async provideDocumentPasteEdits(document, _ranges, data, _context, token) {
          const text = await data.get('text/plain')?.asString();
          if (!text || text.length > MAX_PASTE_CHARS || token.isCancellationRequested) return undefined;
          const converted = await api.convertPaste(document, text).catch(() => null);
          if (!converted?.looksLikeReport || token.isCancellationRequested) return undefined;
          const edit = new DocumentPasteEdit(converted.text, vscode.l10n.t('Paste as annual report markup'), kind);
          edit.yieldTo = [DocumentDropOrPasteEditKind.Text];
          return [edit];
        },
      },
      { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/plain'] },
    ),
  );
}
