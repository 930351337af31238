// Child process: loads the bundled extension (dist/extension.js) against the `vscode` stand-in, calls
// activate(context) and waits for it. activate() resolves after the real vscode-languageclient's start(), that is
// after the real server (dist/server.js, forked over IPC) has answered `initialize`. Prints the times as JSON.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const stubPath = path.join(__dirname, 'vscode-stub.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};

async function main() {
  const t0 = performance.now();
  const vscode = require('vscode');
  const tStub = performance.now();
  const extension = require(path.join(root, 'dist', 'extension.js'));
  const tRequired = performance.now();
  const memento = { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined };
  const context = {
    subscriptions: [],
    extensionPath: root,
    extensionUri: vscode.Uri.file(root),
    asAbsolutePath: (p) => path.join(root, p),
    globalState: memento,
    workspaceState: memento,
    extensionMode: 1,
    environmentVariableCollection: { replace() {}, append() {}, prepend() {}, get() {}, forEach() {}, delete() {}, clear() {} },
    storageUri: undefined,
    globalStorageUri: vscode.Uri.file(path.join(root, 'bench', 'inputs', 'storage')),
    logUri: vscode.Uri.file(path.join(root, 'bench', 'inputs', 'log')),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  };
  await extension.activate(context);
  const tActive = performance.now();
  const result = {
    stub_ms: tStub - t0,
    require_ms: tRequired - tStub,
    activate_ms: tActive - tRequired,
    total_ms: tActive - tStub,
    logged: vscode.__logged,
    inert: [...vscode.__accessed].sort(),
  };
  await Promise.race([extension.deactivate(), new Promise((r) => setTimeout(r, 2000))]);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
