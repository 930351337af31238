import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONVERT_PASTE, DOCUMENT_INFO, IMPORT, NEXT_YEAR_REPORT, PREVIOUS_YEAR, RENDER, SOURCE_OFFSET,
  type ConvertPasteReply, type DocumentInfo, type ImportReply, type NextYearResult, type PreviousYearResult, type RenderKind, type RenderResult,
} from '../../server/src/lsp/protocol';

/**
 * The extension's questions about a report, asked of the language server (server/src/lsp/protocol.ts): the server
 * owns parsing, settings and diagnostics, so the status bar, the preview and the exports show the report exactly as
 * it is checked. The client imports nothing of the core.
 */
export class ServerApi {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  private request<R>(method: string, params: object): Promise<R> {
    const client = this.client();
    if (!client) return Promise.reject(new Error('xxgk language server is not running'));
    return client.sendRequest<R>(method, params);
  }

  documentInfo(document: vscode.TextDocument): Promise<DocumentInfo | null> {
    return this.request(DOCUMENT_INFO, { textDocument: { uri: document.uri.toString() } });
  }

  render(document: vscode.TextDocument, kind: RenderKind): Promise<RenderResult | null> {
    return this.request(RENDER, { textDocument: { uri: document.uri.toString() }, kind });
  }

  sourceOffset(document: vscode.TextDocument, line: number, column?: string): Promise<number | null> {
    return this.request(SOURCE_OFFSET, { textDocument: { uri: document.uri.toString() }, line, column });
  }

  previousYear(document: vscode.TextDocument): Promise<PreviousYearResult | null> {
    return this.request(PREVIOUS_YEAR, { textDocument: { uri: document.uri.toString() } });
  }

  nextYearReport(document: vscode.TextDocument): Promise<NextYearResult> {
    return this.request(NEXT_YEAR_REPORT, { textDocument: { uri: document.uri.toString() } });
  }

  importFile(fileName: string, base64: string): Promise<ImportReply> {
    return this.request(IMPORT, { fileName, base64 });
  }

  convertPaste(document: vscode.TextDocument, text: string): Promise<ConvertPasteReply | null> {
    return this.request(CONVERT_PASTE, { textDocument: { uri: document.uri.toString() }, text });
  }
}
