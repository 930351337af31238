// A stand-in for the `vscode` module, just enough for dist/extension.js's activate() and the real
// vscode-languageclient inside it to start the real server (dist/server.js over IPC) in plain Node.
// Whatever is not spelled out below is an inert "anything" object: callable, constructible, every property
// another such object, disposable; never a thenable (so awaiting it does not hang) and never iterable.
'use strict';
const path = require('node:path');

const accessed = new Set();

function anything(name) {
  const target = function () {};
  const cache = new Map();
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then' || prop === Symbol.iterator || prop === Symbol.asyncIterator) return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'toString' || prop === 'toJSON') return () => name;
      if (prop === 'dispose') return () => undefined;
      if (typeof prop === 'symbol') return undefined;
      if (!cache.has(prop)) {
        accessed.add(`${name}.${prop}`);
        cache.set(prop, anything(`${name}.${prop}`));
      }
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this._fn) this._fn();
    this._fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      const d = new Disposable(() => this.listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

const noEvent = () => new Disposable();

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || '';
    this.path = p || '/';
    this.query = query || '';
    this.fragment = fragment || '';
  }
  get fsPath() {
    return this.path;
  }
  static file(p) {
    return new Uri('file', '', p.replace(/\\/g, '/'));
  }
  static parse(s) {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/]*))?([^?#]*)/i.exec(s);
    return m ? new Uri(m[1], m[2], decodeURIComponent(m[3])) : new Uri('file', '', s);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...parts));
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    return `${this.scheme}://${this.authority}${encodeURI(this.path)}`;
  }
  toJSON() {
    return { scheme: this.scheme, authority: this.authority, path: this.path };
  }
}

/** What the extension logged to its output channel (activate() logs when the client has started). */
const logged = [];
const logChannel = (name) => ({
  name,
  logLevel: 2,
  onDidChangeLogLevel: noEvent,
  append() {},
  appendLine() {},
  replace() {},
  clear() {},
  show() {},
  hide() {},
  dispose() {},
  trace() {},
  debug() {},
  info: (m) => logged.push(['info', String(m)]),
  warn: (m) => logged.push(['warn', String(m)]),
  error: (m) => logged.push(['error', String(m)]),
});

const configuration = (section) => ({
  get: (key, fallback) => (section === 'xxgk' && key === 'validate' ? { delay: 0 } : fallback),
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
  // Sent as initializationOptions.settings: serialised like VS Code's WorkspaceConfiguration.
  toJSON: () => (section === 'xxgk' ? { format: 'auto', rules: {}, validate: { delay: 0 } } : {}),
});

const stub = {
  version: '1.91.0',
  Disposable,
  EventEmitter,
  Uri,
  env: { language: 'en', appName: 'bench', appRoot: '/', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined, openExternal: async () => true },
  l10n: { t: (message, ...args) => String(typeof message === 'object' ? message.message : message).replace(/\{(\d+)\}/g, (_, i) => String(args[i])), bundle: undefined, uri: undefined },
  window: {
    createOutputChannel: (name) => logChannel(name),
    activeTextEditor: undefined,
    visibleTextEditors: [],
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeVisibleTextEditors: noEvent,
    onDidChangeTextEditorSelection: noEvent,
    onDidChangeTextEditorVisibleRanges: noEvent,
    onDidChangeWindowState: noEvent,
    onDidChangeActiveColorTheme: noEvent,
    tabGroups: { all: [], onDidChangeTabs: noEvent, onDidChangeTabGroups: noEvent },
    registerWebviewPanelSerializer: () => new Disposable(),
    registerCustomEditorProvider: () => new Disposable(),
    createStatusBarItem: () => anything('statusBarItem'),
    showErrorMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
  },
  workspace: {
    workspaceFolders: undefined,
    textDocuments: [],
    notebookDocuments: [],
    name: undefined,
    isTrusted: true,
    getConfiguration: (section) => configuration(section),
    createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    onDidOpenTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidChangeTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    onWillSaveTextDocument: noEvent,
    onDidChangeConfiguration: noEvent,
    onDidChangeWorkspaceFolders: noEvent,
    onDidOpenNotebookDocument: noEvent,
    onDidCloseNotebookDocument: noEvent,
    onDidChangeNotebookDocument: noEvent,
    onDidSaveNotebookDocument: noEvent,
    onDidCreateFiles: noEvent,
    onDidRenameFiles: noEvent,
    onDidDeleteFiles: noEvent,
    onWillCreateFiles: noEvent,
    onWillRenameFiles: noEvent,
    onWillDeleteFiles: noEvent,
    onDidGrantWorkspaceTrust: noEvent,
    registerTextDocumentContentProvider: () => new Disposable(),
    fs: anything('vscode.workspace.fs'),
  },
  languages: {
    createLanguageStatusItem: () => anything('languageStatusItem'),
    createDiagnosticCollection: (name) => {
      const map = new Map();
      return { name, set: (uri, d) => (d ? map.set(String(uri), d) : map.delete(String(uri))), delete: (uri) => map.delete(String(uri)), clear: () => map.clear(), forEach: () => undefined, get: (uri) => map.get(String(uri)), has: (uri) => map.has(String(uri)), dispose() {} };
    },
    onDidChangeDiagnostics: noEvent,
    getDiagnostics: () => [],
    match: () => 0,
  },
  commands: {
    registerCommand: () => new Disposable(),
    registerTextEditorCommand: () => new Disposable(),
    executeCommand: async () => undefined,
    getCommands: async () => [],
  },
  extensions: { all: [], getExtension: () => undefined, onDidChange: noEvent },
};

/** Every path into the inert part, for checking what the stub stood in for. */
stub.__accessed = accessed;
stub.__logged = logged;

// Bundlers copy a CommonJS module's own properties (esbuild's __toESM, tslib's __importStar): every name the
// real module exports must be an own property. The names come from @types/vscode; those not spelled out above
// are inert, and the spelled-out namespaces fall back to inert members.
const typesFile = require.resolve('@types/vscode/index.d.ts', { paths: [path.join(__dirname, '..', '..')] });
const declared = new Set();
for (const m of require('node:fs').readFileSync(typesFile, 'utf8').matchAll(/^\texport (?:declare )?(?:namespace|class|enum|const|let) (\w+)/gm)) declared.add(m[1]);
for (const name of declared) if (!(name in stub)) stub[name] = anything(`vscode.${name}`);
for (const name of ['window', 'workspace', 'languages', 'commands', 'extensions', 'env', 'l10n']) {
  const spelled = stub[name];
  stub[name] = new Proxy(spelled, {
    get(v, p) {
      if (p in v) return v[p];
      if (typeof p === 'symbol' || p === 'then') return undefined;
      accessed.add(`vscode.${name}.${p}`);
      return anything(`vscode.${name}.${p}`);
    },
  });
}

module.exports = stub;
