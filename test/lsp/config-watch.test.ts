/**
 * `.xxgkrc.json` edits take effect without a restart, and what is wrong in the configuration reaches the user: through
 * a real LSP connection to the built server process (npm test builds it first).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, MessageType, type Diagnostic } from 'vscode-languageserver';
import { report2021 } from '../helpers';
import { messageText, TestClient } from './client';

/** A report whose 予以公开 total is wrong: one table-sum finding, an error unless the configuration says otherwise. */
const broken = report2021().replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');

function workspace(rc: unknown): { dir: string; rcFile: string; rcUri: string; uri: string; folders: unknown } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rcwatch-'));
  const rcFile = path.join(dir, '.xxgkrc.json');
  fs.writeFileSync(rcFile, typeof rc === 'string' ? rc : JSON.stringify(rc));
  return {
    dir,
    rcFile,
    rcUri: pathToFileURL(rcFile).toString(),
    uri: pathToFileURL(path.join(dir, '2023.xxgk')).toString(),
    folders: [{ uri: pathToFileURL(dir).toString(), name: 'w' }],
  };
}

/** Polls what the server published for a URI until `ok` holds (the server re-checks on its own; no version to wait for). */
async function until(client: TestClient, uri: string, ok: (d: Diagnostic[]) => boolean, what: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = client.lastPublished(uri);
    if (latest && ok(latest.diagnostics)) return latest.diagnostics;
    if (Date.now() > deadline) throw new Error(`${what}: last published ${JSON.stringify(latest?.diagnostics)}; stderr: ${client.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tableSumSeverity = (d: Diagnostic[]) => d.find((x) => x.code === 'table-sum')?.severity;

describe('.xxgkrc.json changes without a restart', () => {
  it('registers for workspace/didChangeWatchedFiles where the client allows it, and re-checks open documents on its events', async () => {
    const w = workspace({ rules: { 'table-sum': 'warning' } });
    const client = new TestClient();
    const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> = [];
    client.connection.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => {
      registrations.push(...p.registrations);
      return null;
    });
    try {
      await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, { workspaceFolders: w.folders });
      await client.open(w.uri, broken);
      assert.equal(tableSumSeverity(await client.diagnostics(w.uri)), 2, 'warning, from .xxgkrc.json');
      const watched = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watched, `registrations: ${JSON.stringify(registrations)}`);
      assert.ok(watched.registerOptions?.watchers?.some((x) => x.globPattern.includes('.xxgkrc.json')));

      fs.writeFileSync(w.rcFile, JSON.stringify({ rules: { 'table-sum': 'info' } }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: w.rcUri, type: FileChangeType.Changed }] });
      await until(client, w.uri, (d) => tableSumSeverity(d) === 3, 'table-sum becomes info after the event');
    } finally {
      await client.stop();
    }
  });

  it('watches the file itself for a client that cannot watch for it, with no notification at all', async () => {
    const w = workspace({ rules: { 'table-sum': 'warning' } });
    const client = new TestClient();
    try {
      await client.initialize({}, { workspaceFolders: w.folders });
      await client.open(w.uri, broken);
      assert.equal(tableSumSeverity(await client.diagnostics(w.uri)), 2);
      // Let the server's watcher start before the file changes.
      await new Promise((r) => setTimeout(r, 200));
      fs.writeFileSync(w.rcFile, JSON.stringify({ rules: { 'table-sum': 'off' } }));
      await until(client, w.uri, (d) => tableSumSeverity(d) === undefined, 'table-sum turned off by editing the file');
      fs.rmSync(w.rcFile);
      await until(client, w.uri, (d) => tableSumSeverity(d) === 1, 'table-sum back to its default (error) once the file is gone');
    } finally {
      await client.stop();
    }
  });

  it('watches the file itself when the client refuses the registration', async () => {
    const w = workspace({ rules: { 'table-sum': 'warning' } });
    const client = new TestClient();
    client.connection.onRequest('client/registerCapability', () => {
      throw new Error('refused');
    });
    try {
      await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, { workspaceFolders: w.folders });
      await client.open(w.uri, broken);
      assert.equal(tableSumSeverity(await client.diagnostics(w.uri)), 2);
      await new Promise((r) => setTimeout(r, 300));
      fs.writeFileSync(w.rcFile, JSON.stringify({ rules: { 'table-sum': 'hint' } }));
      await until(client, w.uri, (d) => tableSumSeverity(d) === 4, 'table-sum becomes a hint by editing the file');
    } finally {
      await client.stop();
    }
  });
});

describe('configuration problems shown to the user', () => {
  it('an unknown rule or a bad value in .xxgkrc.json is a diagnostic on .xxgkrc.json, cleared once the file is right', async () => {
    const w = workspace({ rules: { 'table-summ': 'warning', 'row-label': 'loud' } });
    const client = new TestClient();
    try {
      await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, { workspaceFolders: w.folders });
      await client.open(w.uri, report2021());
      const [problem] = await until(client, w.rcUri, (d) => d.length === 1, 'a diagnostic on .xxgkrc.json');
      assert.equal(problem.code, 'config');
      assert.equal(problem.severity, DiagnosticSeverity.Error);
      const message = messageText(problem);
      assert.match(message, /table-summ/);
      assert.match(message, /"table-sum"/, 'the nearest rule id is suggested');
      assert.match(message, /row-label/);

      fs.writeFileSync(w.rcFile, JSON.stringify({ rules: { 'table-sum': 'warning' } }));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: w.rcUri, type: FileChangeType.Changed }] });
      await until(client, w.rcUri, (d) => d.length === 0, 'the diagnostic on .xxgkrc.json is cleared');
    } finally {
      await client.stop();
    }
  });

  it('an unknown rule or a bad value in the client settings is a window/showMessage, once per distinct problem', async () => {
    const w = workspace({});
    fs.rmSync(w.rcFile);
    const client = new TestClient();
    const shown: Array<{ type: number; message: string }> = [];
    client.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => void shown.push(p));
    const bad = { rules: { 'no-such-rule': 'error', 'table-sum': 'loud', 'row-label': 'off' }, format: '2099', validate: { delay: 0 } };
    try {
      await client.initialize({}, { workspaceFolders: w.folders, initializationOptions: { settings: bad } });
      await client.open(w.uri, broken);
      await client.diagnostics(w.uri);
      const first = await waitFor(() => (shown.length >= 3 ? shown.slice() : undefined), 'three messages');
      assert.ok(first.every((m) => m.type === MessageType.Warning), 'warnings');
      assert.ok(first.some((m) => m.message.includes('no-such-rule')));
      assert.ok(first.some((m) => m.message.includes('table-sum')));
      assert.ok(first.some((m) => m.message.includes('2099')));

      // The same settings again, then with one more problem: only the new one is shown.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: bad } });
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xxgk: { ...bad, rules: { ...bad.rules, 'another-rule': 'warning' } } } });
      const after = await waitFor(() => (shown.length > first.length ? shown.slice() : undefined), 'the new problem');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(shown.length, first.length + 1, JSON.stringify(shown.map((m) => m.message)));
      assert.match(after[after.length - 1].message, /another-rule/);

      // A bad value costs only its own rule: row-label's valid setting still applies, table-sum keeps its default.
      await client.change(w.uri, [{ text: broken + '\n' }]);
      const d = await client.diagnostics(w.uri);
      assert.equal(tableSumSeverity(d), 1);
    } finally {
      await client.stop();
    }
  });
});

async function waitFor<T>(get: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
