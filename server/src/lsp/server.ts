import { pathToFileURL } from 'node:url';
import {
  CodeActionKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, FileChangeType, MessageType, ShowMessageNotification, ErrorCodes, ResponseError, type CancellationToken,
  TextDocuments, TextDocumentSyncKind, type Connection, type NotificationHandler, type Diagnostic as LspDiagnostic, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { z } from 'zod';
import { offsetAt, setLocale, t, type XxgkConfig } from '../core/index';
import { toLspDiagnostic } from './convert';
import { ParsedDocuments } from './documents';
import { loadEnglishBundle } from './l10n';
import { refuseRewritten } from './lifecycle';
import {
  codeActionParams, didChangeParams, didOpenParams, documentNotificationParams, documentParams, paramsProblem, positionParams, rangeParams, renderParams,
  sourceOffsetParams, validated, importParams, convertPasteParams,
} from './params';
import { codeActions, FILL_TABLE_KIND, FIX_SUMS_KIND } from './providers/code-actions';
import { completions } from './providers/completion';
import { foldingRanges } from './providers/folding';
import { formatDocument } from './providers/formatting';
import { hover } from './providers/hover';
import { convertPaste, importRequest } from './providers/import-request';
import { documentInfo, nextYear, notOpen, renderReport } from './providers/report-requests';
import { sourceOffset } from './providers/source-offset';
import {
  CONVERT_PASTE, DOCUMENT_INFO, IMPORT, NEXT_YEAR_REPORT, PREVIOUS_YEAR, RENDER, SOURCE_OFFSET,
  type ConvertPasteParams, type ImportParams, type PreviousYearResult, type RenderParams, type SourceOffsetParams,
} from './protocol';
import { documentSymbols } from './providers/symbols';
import { RcWatcher } from './rc-watch';
import { DEFAULT_SETTINGS, effectiveConfig, readSettings, type Settings } from './settings';
import { Workspace } from './workspace';

const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split('\n')[0].slice(0, 500);

/**
 * The xxgk language server: a thin adapter from LSP to the pure core. It survives any document and any message: every
 * handler and timer is guarded, a failure is reported once (a log line, and a diagnostic on the document it concerns),
 * and the server goes on serving the other documents.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const parsed = new ParsedDocuments();
  let settings: Settings = DEFAULT_SETTINGS;
  let pullDiagnostics = false;
  let refreshDiagnostics = false;
  let configurationRequests = false;
  let watchedFilesRegistration = false;
  /** Problems of the settings given in `initialize`, shown once the client is initialized. */
  let initProblems: string[] = [];
  const timers = new Map<string, NodeJS.Timeout>();

  /**
   * The last failure logged for each document (or place, for failures about no document): the same failure again,
   * from the next keystroke or from another request on the same text, is not logged again.
   */
  const logged = new Map<string, string>();
  const reportFailure = (where: string, uri: string | undefined, err: unknown) => {
    const text = errorText(err);
    const key = uri ?? `\u0000${where}`;
    if (logged.get(key) === text) return;
    if (logged.size > 1000) logged.clear();
    logged.set(key, text);
    try {
      connection.console.error(t('xxgk 内部错误（{0}{1}）：{2}', where, uri ? ` ${uri}` : '', text));
    } catch {
      // The connection is gone: nothing left to tell.
    }
  };
  /** Runs `fn`, reporting (not throwing) what it throws. For timers, notifications and fire-and-forget promises. */
  const guard = <R>(where: string, uri: string | undefined, fn: () => R): R | undefined => {
    try {
      const result = fn();
      if (result instanceof Promise) return result.catch((err: unknown) => reportFailure(where, uri, err)) as R;
      return result;
    } catch (err) {
      reportFailure(where, uri, err);
      return undefined;
    }
  };
  const workspace = new Workspace((uri) => documents.get(uri)?.getText(), (uri, err) => reportFailure('workspace', uri, err));

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
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  /** The diagnostics of a document; a check that fails is one diagnostic saying so (and one log line), never a crash. */
  const publish = (document: TextDocument): LspDiagnostic[] => {
    let lsp: LspDiagnostic[];
    try {
      const { doc, diagnostics } = diagnosticsFor(document);
      lsp = diagnostics.map((d) => toLspDiagnostic(doc, d, document.uri));
      logged.delete(document.uri); // checked again: a later failure is news
    } catch (err) {
      reportFailure('textDocument/publishDiagnostics', document.uri, err);
      const message = t('xxgk 无法检查这份文档（内部错误：{0}）。其他文档不受影响；请报告此问题。', errorText(err));
      return [{ range: top, severity: DiagnosticSeverity.Error, source: 'xxgk', code: 'internal-error', message }];
    }
    const rc = workspace.rcFor(document.uri);
    if (rc.error) lsp.unshift({ range: top, severity: DiagnosticSeverity.Error, source: 'xxgk', code: 'config', message: rc.error });
    showRcProblems();
    return lsp;
  };

  /**
   * What is wrong with a `.xxgkrc.json` that applies to an open document, as a diagnostic on that file itself (sent
   * whatever the diagnostic mode: the client does not ask the server about JSON files); cleared once it is right.
   */
  const rcShown = new Map<string, string>();
  const showRcProblems = () => {
    const now = new Map<string, string>();
    for (const document of documents.all()) {
      const rc = workspace.rcFor(document.uri);
      if (rc.file && rc.error) now.set(pathToFileURL(rc.file).toString(), rc.error);
    }
    for (const [uri, message] of now) {
      if (rcShown.get(uri) === message) continue;
      void guard('textDocument/publishDiagnostics', uri, () =>
        connection.sendDiagnostics({ uri, diagnostics: [{ range: top, severity: DiagnosticSeverity.Error, source: 'xxgk', code: 'config', message }] }));
    }
    for (const uri of rcShown.keys()) {
      if (!now.has(uri)) void guard('textDocument/publishDiagnostics', uri, () => connection.sendDiagnostics({ uri, diagnostics: [] }));
    }
    rcShown.clear();
    now.forEach((message, uri) => rcShown.set(uri, message));
  };

  /** Problems in the client's settings, each shown once (not again at every settings change that keeps it). */
  const settingsShown = new Set<string>();
  const showSettingsProblems = (problems: readonly string[]) => {
    for (const problem of problems) {
      connection.console.warn(problem);
      if (settingsShown.has(problem)) continue;
      settingsShown.add(problem);
      // A notification, not window/showMessageRequest: every client takes it, none has to answer.
      void guard('window/showMessage', undefined, () => connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem }));
    }
  };

  /** Debounced per document; a newer edit cancels the pending check instead of queueing behind it. */
  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    if (pullDiagnostics) return;
    const version = document.version;
    const run = () =>
      guard('textDocument/publishDiagnostics', document.uri, () => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (!current || current.version !== version) return;
        return connection.sendDiagnostics({ uri: current.uri, version, diagnostics: publish(current) });
      });
    if (settings.validate.delay === 0) void run();
    else timers.set(document.uri, setTimeout(() => void run(), settings.validate.delay));
  };
  const revalidateAll = () => {
    parsed.invalidateDiagnostics();
    // A client that cannot refresh pulls again on its own (on the next edit or focus); asking it anyway is an error.
    if (pullDiagnostics) {
      if (refreshDiagnostics) void guard('workspace/diagnostic/refresh', undefined, () => connection.languages.diagnostics.refresh());
    } else documents.all().forEach(schedule);
  };

  const loadSettings = async () => {
    if (!configurationRequests) return;
    const raw: unknown = await connection.workspace.getConfiguration('xxgk');
    const { settings: next, problems } = readSettings(raw);
    settings = next;
    showSettingsProblems(problems);
  };

  /** A `.xxgkrc.json` changed: read again, re-check every open document, and say what is now wrong with it. */
  const rcChanged = () => {
    workspace.forgetRc();
    showRcProblems();
    revalidateAll();
  };
  // Only for clients that cannot watch files for the server (see onInitialized).
  const rcWatcher = new RcWatcher(() => guard('.xxgkrc.json', undefined, rcChanged));
  const watchRcFolders = (uri: string) => {
    if (!watchedFilesRegistration) rcWatcher.watch(workspace.rcFolders(uri));
  };
  connection.onShutdown(() => rcWatcher.close());
  connection.onExit(() => rcWatcher.close());

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // Only the capabilities are known to be an object (the lifecycle gate checked); the rest is read defensively.
    setLocale(typeof params.locale === 'string' ? params.locale : undefined, loadEnglishBundle());
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshDiagnostics = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationRequests = !!caps.workspace?.configuration;
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = readSettings((params.initializationOptions as { settings?: unknown } | null | undefined)?.settings);
    settings = init.settings;
    initProblems = init.problems;
    const folders: unknown[] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [];
    workspace.setFolders([...folders, params.rootUri].filter((uri): uri is string => typeof uri === 'string'));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['#', '|', ':', ' '], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FILL_TABLE_KIND, FIX_SUMS_KIND] },
        documentSymbolProvider: { label: t('年报') },
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        diagnosticProvider: pullDiagnostics ? { identifier: 'xxgk', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'xxgk-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    // Shown once the client is ready for messages (the settings it asks below are shown as they come).
    if (!configurationRequests) guard('window/showMessage', undefined, () => showSettingsProblems(initProblems));
    if (watchedFilesRegistration) {
      // The client watches `.xxgkrc.json` and reports for the server; where it refuses, the server watches the files itself.
      const watchers = [{ globPattern: '**/.xxgkrc.json' }, { globPattern: '**/*.{xxgk,xxgk.md}' }];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(undefined, () => {
        watchedFilesRegistration = false;
        documents.all().forEach((d) => guard('.xxgkrc.json', d.uri, () => watchRcFolders(d.uri)));
      });
    }
    if (configurationRequests) {
      void guard('client/registerCapability', undefined, () => connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' }));
      await loadSettings().catch((err) => connection.console.warn(t('读取设置失败：{0}', String(err))));
    }
    await workspace.scan().catch((err) => connection.console.warn(t('扫描工作区失败：{0}', String(err))));
    guard('initialized', undefined, revalidateAll);
  });

  connection.onDidChangeConfiguration((change) =>
    guard('workspace/didChangeConfiguration', undefined, async () => {
      if (configurationRequests) await loadSettings().catch(() => undefined);
      else {
        const pushed = readSettings((change?.settings as { xxgk?: unknown } | null | undefined)?.xxgk);
        settings = pushed.settings;
        showSettingsProblems(pushed.problems);
      }
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles((change) =>
    guard('workspace/didChangeWatchedFiles', undefined, () => {
      let rc = false;
      for (const c of change.changes) {
        if (c.uri.endsWith('.xxgkrc.json')) rc = true;
        else if (c.type === FileChangeType.Deleted) workspace.remove(c.uri);
        else workspace.update(c.uri);
      }
      if (rc) rcChanged();
      else revalidateAll();
    }),
  );

  documents.onDidOpen((e) => {
    guard('.xxgkrc.json', e.document.uri, () => watchRcFolders(e.document.uri));
    // No workspace folder: last year's report may be beside this one; re-check once it is known.
    void workspace.scanBeside(e.document.uri).then(
      (found) => found && guard('workspace', e.document.uri, revalidateAll),
      (err: unknown) => reportFailure('workspace', e.document.uri, err),
    );
  });
  /** The open reports whose last year's report is `uri`. */
  const nextYearsOf = (uri: string): TextDocument[] =>
    documents.all().filter((other) => {
      if (other.uri === uri) return false;
      try {
        return workspace.previousYearUri(parsed.get(other, configFor(other.uri)), other.uri) === uri;
      } catch {
        return false; // a report that cannot be parsed has no last year; its own check says why
      }
    });
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Re-checks the reports that were, or now are, next year's of `uri` when it changes (edited, its year or agency
   * changed, or closed and read from disk). `update` is what changes the workspace: the reports that paired with it
   * before are found first. A pulling client is asked to pull again once the typing pauses, not at every keystroke.
   */
  const updateReport = (uri: string, update: () => void) => {
    const before = nextYearsOf(uri);
    update();
    const dependents = [...new Set([...before, ...nextYearsOf(uri)])];
    if (!dependents.length) return;
    if (!pullDiagnostics) dependents.forEach(schedule);
    else if (refreshDiagnostics) {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void guard('workspace/diagnostic/refresh', undefined, () => connection.languages.diagnostics.refresh()), Math.max(settings.validate.delay, 200));
    }
  };
  documents.onDidChangeContent((e) => {
    guard('workspace', e.document.uri, () => updateReport(e.document.uri, () => workspace.update(e.document.uri, e.document.getText())));
    guard('textDocument/publishDiagnostics', e.document.uri, () => schedule(e.document));
  });
  documents.onDidClose((e) =>
    guard('textDocument/didClose', e.document.uri, () => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      parsed.delete(e.document.uri);
      showRcProblems(); // a broken .xxgkrc.json no open report uses any more is no longer shown
      // What the workspace knows of the report came from the editor's text, perhaps never saved: read the file again.
      updateReport(e.document.uri, () => workspace.update(e.document.uri));
      if (!pullDiagnostics) return connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on(validated('textDocument/diagnostic', documentParams, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: publish(document) };
  }));

  /**
   * A request handler that reports what it throws once and answers InternalError with a message saying so, instead of
   * the library's generic answer and a log line per request.
   */
  const guarded = <P extends { textDocument: { uri: string } }, R>(method: string, handler: (params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R => {
      try {
        return handler(params, token);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        reportFailure(method, params.textDocument.uri, err);
        throw new ResponseError(ErrorCodes.InternalError, t('xxgk 内部错误：{0}', errorText(err)));
      }
    };

  /** The parsed document a request is about, or nothing when it is gone or the request was cancelled. */
  const parsedFor = (uri: string, token: CancellationToken) => {
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return undefined;
    return parsed.get(document, configFor(document.uri));
  };

  connection.onCompletion(validated('textDocument/completion', positionParams, guarded('textDocument/completion', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? completions(doc, offsetAt(doc.lineStarts, doc.text, params.position)) : null;
  })));
  connection.onHover(validated('textDocument/hover', positionParams, guarded('textDocument/hover', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? hover(doc, offsetAt(doc.lineStarts, doc.text, params.position)) : null;
  })));
  connection.onCodeAction(validated('textDocument/codeAction', codeActionParams, guarded('textDocument/codeAction', (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    const { doc, diagnostics } = diagnosticsFor(document);
    return codeActions(doc, diagnostics, params, configFor(document.uri));
  })));
  connection.onDocumentSymbol(validated('textDocument/documentSymbol', documentParams, guarded('textDocument/documentSymbol', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? documentSymbols(doc) : null;
  })));
  connection.onFoldingRanges(validated('textDocument/foldingRange', documentParams, guarded('textDocument/foldingRange', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? foldingRanges(doc) : null;
  })));
  connection.onDocumentFormatting(validated('textDocument/formatting', documentParams, guarded('textDocument/formatting', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? formatDocument(doc) : null;
  })));
  connection.onDocumentRangeFormatting(validated('textDocument/rangeFormatting', rangeParams, guarded('textDocument/rangeFormatting', (params, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    return doc ? formatDocument(doc, params.range) : null;
  })));

  // xxgk's own requests (server/src/lsp/protocol.ts): the client asks the server, which answers from its own parse,
  // settings and diagnostics, instead of parsing the report a second way.
  const openDocument = (uri: string) => {
    const document = documents.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, notOpen(uri));
    return document;
  };
  connection.onRequest(DOCUMENT_INFO, validated(DOCUMENT_INFO, documentParams, guarded(DOCUMENT_INFO, (params: { textDocument: { uri: string } }, token) => {
    const doc = parsedFor(params.textDocument.uri, token);
    if (!doc) openDocument(params.textDocument.uri);
    return doc ? documentInfo(doc) : null;
  })));
  connection.onRequest(RENDER, validated(RENDER, renderParams, guarded(RENDER, (params: RenderParams, token) => {
    const { doc, diagnostics } = diagnosticsFor(openDocument(params.textDocument.uri));
    if (token.isCancellationRequested) return null;
    // Asynchronous (the Word writer is loaded on demand): its failure is reported as the others' are.
    return renderReport(doc, params.kind, diagnostics).catch((err: unknown) => {
      reportFailure(RENDER, params.textDocument.uri, err);
      throw new ResponseError(ErrorCodes.InternalError, t('xxgk 内部错误：{0}', errorText(err)));
    });
  })));
  connection.onRequest(SOURCE_OFFSET, validated(SOURCE_OFFSET, sourceOffsetParams, guarded(SOURCE_OFFSET, (params: SourceOffsetParams, token) => {
    const doc = parsedFor(openDocument(params.textDocument.uri).uri, token);
    return doc ? (sourceOffset(doc, params.line, params.column) ?? null) : null;
  })));
  connection.onRequest(PREVIOUS_YEAR, validated(PREVIOUS_YEAR, documentParams, guarded(PREVIOUS_YEAR, (params: { textDocument: { uri: string } }, token): PreviousYearResult | null => {
    const uri = openDocument(params.textDocument.uri).uri;
    const doc = parsedFor(uri, token);
    if (!doc) return null;
    return { uri: workspace.previousYearUri(doc, uri), year: doc.year === undefined ? undefined : doc.year - 1 };
  })));
  connection.onRequest(NEXT_YEAR_REPORT, validated(NEXT_YEAR_REPORT, documentParams, guarded(NEXT_YEAR_REPORT, (params: { textDocument: { uri: string } }) =>
    nextYear(openDocument(params.textDocument.uri).getText()),
  )));

  // Not about an open document (so not `guarded`); asynchronous, so every failure arrives in the catch.
  connection.onRequest(IMPORT, validated(IMPORT, importParams, (params: ImportParams) =>
    importRequest(params.fileName, params.base64).catch((err: unknown) => {
      reportFailure(IMPORT, params.fileName, err);
      throw new ResponseError(ErrorCodes.InternalError, t('xxgk 内部错误：{0}', errorText(err)));
    }),
  ));
  connection.onRequest(CONVERT_PASTE, validated(CONVERT_PASTE, convertPasteParams, guarded(CONVERT_PASTE, (params: ConvertPasteParams, token) => {
    const doc = parsedFor(openDocument(params.textDocument.uri).uri, token);
    return doc ? convertPaste(params.text, doc.frontMatter !== undefined) : null;
  })));

  refuseRewritten(connection);
  documents.listen(checkedSync(connection, (problem) => connection.console.error(t('忽略格式不正确的通知：{0}', problem))));
  connection.listen();
}

/**
 * The document-sync notifications as the document store sees them: those of the wrong shape (a `didOpen` with
 * `text: null`, a change without a version) are logged and dropped before they reach it, so that a document never
 * holds something that is not a string.
 */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];
function checkedSync(connection: Connection, log: (problem: string) => void): TextDocumentConnection {
  const checked = <P>(method: string, schema: z.ZodType, handler: NotificationHandler<P>) => (params: P) => {
    const problem = paramsProblem(method, schema, params);
    if (problem) log(problem);
    else void handler(params);
  };
  return {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(checked('textDocument/didOpen', didOpenParams, h)),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument(checked('textDocument/didChange', didChangeParams, h)),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(checked('textDocument/didClose', documentNotificationParams, h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(checked('textDocument/willSave', documentNotificationParams, h)),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onWillSaveTextDocumentWaitUntil(validated('textDocument/willSaveWaitUntil', documentNotificationParams, h)),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(checked('textDocument/didSave', documentNotificationParams, h)),
  };
}
