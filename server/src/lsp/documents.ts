import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, parse, type Diagnostic, type RuleContext, type XxgkConfig, type XxgkDocument } from '../core/index';

interface Entry {
  version: number;
  configKey: string;
  doc: XxgkDocument;
  diagnostics?: Diagnostic[];
}

/** Parses and checks each document once per version (and configuration): every provider shares the result. */
export class ParsedDocuments {
  private readonly cache = new Map<string, Entry>();

  get(document: TextDocument, config: XxgkConfig): XxgkDocument {
    return this.entry(document, config).doc;
  }

  diagnostics(document: TextDocument, config: XxgkConfig, context: RuleContext): Diagnostic[] {
    const entry = this.entry(document, config);
    entry.diagnostics ??= checkDocument(entry.doc, { config, context });
    return entry.diagnostics;
  }

  /** Cross-file facts changed (last year's report edited): re-check, keep the parse. */
  invalidateDiagnostics(): void {
    for (const entry of this.cache.values()) entry.diagnostics = undefined;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  private entry(document: TextDocument, config: XxgkConfig): Entry {
    const configKey = JSON.stringify(config);
    let entry = this.cache.get(document.uri);
    if (!entry || entry.version !== document.version || entry.configKey !== configKey) {
      entry = { version: document.version, configKey, doc: parse(document.getText(), { format: config.format }) };
      this.cache.set(document.uri, entry);
    }
    return entry;
  }
}
