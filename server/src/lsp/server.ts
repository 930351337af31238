import {
  CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, type CancellationToken,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetAt, setLocale, type XxgkConfig } from '../core/index';
import { toLspDiagnostic } from './convert';
import { ParsedDocuments } from './documents';
import { loadEnglishBundle } from './l10n';
import { codeActionParams, documentParams, positionParams, rangeParams, validated } from './params';
import { codeActions, FILL_TABLE_KIND, FIX_SUMS_KIND } from './providers/code-actions';
import { completions } from './providers/completion';
import { foldingRanges } from './providers/folding';
import { formatDocument } from './providers/formatting';
import { hover } from './providers/hover';
import { documentSymbols } from './providers/symbols';
import { DEFAULT_SETTINGS, effectiveConfig, readSettings, type Settings } from './settings';
import { Workspace } from './workspace';

/** The xxgk language server: a thin adapter from LSP to the pure core. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const parsed = new ParsedDocuments();
  const workspace = new Workspace((uri) => documents.get(uri)?.getText());
  let settings: Settings = DEFAULT_SETTINGS;
  let pullDiagnostics = false;
  let configurationRequests = false;
  const timers = new Map<string, NodeJS.Timeout>();

  const configFor = (uri: string): XxgkConfig => {
    const rc = workspace.rcFor(uri);
    return effectiveConfig(settings, rc.config);
  };
  const diagnosticsFor = (document: TextDocument) => {
    const config = configFor(document.uri);
    const doc = parsed.get(document, config);
    const previousYear = workspace.previousYear(doc, document.uri);
    return { doc, diagnostics: parsed.diagnostics(document, config, { previousYear }) };
  };
  const publish = (document: TextDocument) => {
    const { doc, diagnostics } = diagnosticsFor(document);
    const lsp = diagnostics.map((d) => toLspDiagnostic(doc, d, document.uri));
    const rc = workspace.rcFor(document.uri);
    if (rc.error) lsp.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: 'xxgk', code: 'config', message: rc.error });
    return lsp;
  };

  /** Debounced per document; a newer edit cancels the pending check instead of queueing behind it. */
  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    if (pullDiagnostics) return;
    const version = document.version;
    const run = () => {
      timers.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current || current.version !== version) return;
      void connection.sendDiagnostics({ uri: current.uri, version, diagnostics: publish(current) });
    };
    if (settings.validate.delay === 0) run();
    else timers.set(document.uri, setTimeout(run, settings.validate.delay));
  };
  const revalidateAll = () => {
    parsed.invalidateDiagnostics();
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else documents.all().forEach(schedule);
  };

  const loadSettings = async () => {
    if (!configurationRequests) return;
    const raw = await connection.workspace.getConfiguration('xxgk');
    const { settings: next, problems } = readSettings(raw);
    settings = next;
    problems.forEach((p) => connection.console.warn(p));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    setLocale(params.locale, loadEnglishBundle());
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationRequests = !!caps.workspace?.configuration;
    const init = readSettings(params.initializationOptions?.settings);
    settings = init.settings;
    workspace.setFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['#', '|', ':', ' '], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FILL_TABLE_KIND, FIX_SUMS_KIND] },
        documentSymbolProvider: { label: '年报' },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        diagnosticProvider: pullDiagnostics ? { identifier: 'xxgk', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'xxgk-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (configurationRequests) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' });
      await loadSettings().catch((err) => connection.console.warn(`读取设置失败：${String(err)}`));
    }
    await workspace.scan().catch((err) => connection.console.warn(`扫描工作区失败：${String(err)}`));
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (configurationRequests) await loadSettings().catch(() => undefined);
    else settings = readSettings(change.settings?.xxgk).settings;
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const c of change.changes) {
      if (c.uri.endsWith('.xxgkrc.json')) workspace.forgetRc();
      else if (c.type === 3) workspace.remove(c.uri);
      else workspace.update(c.uri);
    }
    revalidateAll();
  });

  documents.onDidOpen((e) => {
    workspace.update(e.document.uri, e.document.getText());
    schedule(e.document);
  });
  documents.onDidChangeContent((e) => {
    workspace.update(e.document.uri, e.document.getText());
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    parsed.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(validated('textDocument/diagnostic', documentParams, async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: publish(document) };
  }));

  /** The parsed document a request is about, or nothing when it is gone or the request was cancelled. */
  const parsedFor = (uri: string, token: CancellationToken) => {
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return undefined;
    return parsed.get(document, configFor(document.uri));
  };

  connection.onCompletion(validated('textDocument/completion', positionParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? completions(doc, offsetAt(doc.lineStarts, doc.text, params.position)) : null;
  }));
  connection.onHover(validated('textDocument/hover', positionParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? hover(doc, offsetAt(doc.lineStarts, doc.text, params.position)) : null;
  }));
  connection.onCodeAction(validated('textDocument/codeAction', codeActionParams, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    const { doc, diagnostics } = diagnosticsFor(document);
    return codeActions(doc, diagnostics, params);
  }));
  connection.onDocumentSymbol(validated('textDocument/documentSymbol', documentParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? documentSymbols(doc) : null;
  }));
  connection.onFoldingRanges(validated('textDocument/foldingRange', documentParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? foldingRanges(doc) : null;
  }));
  connection.onDocumentFormatting(validated('textDocument/formatting', documentParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? formatDocument(doc) : null;
  }));
  connection.onDocumentRangeFormatting(validated('textDocument/rangeFormatting', rangeParams, (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? formatDocument(doc, params.range) : null;
  }));

  documents.listen(connection);
  connection.listen();
}
