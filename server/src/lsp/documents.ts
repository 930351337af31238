import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, parse, type Diagnostic, type RuleContext, type XxgkConfig, type XxgkDocument } from '../core/index';

interface Entry {
  /** The text the parse was made from: the key, since a client may reopen a uri or move its version back. */
  text: string;
  configKey: string;
  doc?: XxgkDocument;
  /** Why the text could not be parsed, kept so that every request on it does not parse it again. */
  error?: unknown;
  diagnostics?: Diagnostic[];
  /** Last year's report the diagnostics were made against (the workspace's parse: the same object while unchanged). */
  previousYear?: XxgkDocument;
}

/**
 * Parses and checks each document once per text (and configuration): every provider shares the result. Keyed on the
 * text itself, not on the uri's version: a second `didOpen` of the same uri and version with another text, or a
 * change that moves the version back, must never be answered from the parse of a text the client no longer holds.
 */
export class ParsedDocuments {
  private readonly cache = new Map<string, Entry>();

  /** The parsed document; throws what the parser threw (once per text, the same error on every later call). */
  get(document: TextDocument, config: XxgkConfig): XxgkDocument {
    const entry = this.entry(document, config);
    if (!entry.doc) throw entry.error;
    return entry.doc;
  }

  diagnostics(document: TextDocument, config: XxgkConfig, context: RuleContext): Diagnostic[] {
    const entry = this.entry(document, config);
    if (!entry.doc) throw entry.error;
    // Last year's report changed (edited, or closed unsaved and read again from disk): the cross-year findings and
    // their fixes were answered from the old one until this report itself was edited.
    if (!entry.diagnostics || entry.previousYear !== context.previousYear) {
      entry.diagnostics = checkDocument(entry.doc, { config, context });
      entry.previousYear = context.previousYear;
    }
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
    const text = document.getText();
    let entry = this.cache.get(document.uri);
    // Comparing the texts is cheap: the same string object compares by identity, and a changed text usually
    // differs in length.
    if (!entry || entry.text !== text || entry.configKey !== configKey) {
      entry = { text, configKey };
      try {
        entry.doc = parse(text, { format: config.format });
      } catch (err) {
        entry.error = err;
      }
      this.cache.set(document.uri, entry);
    }
    return entry;
  }
}
