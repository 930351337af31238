import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** A minimal LSP client over stdio to the real bundled server process. */
/** A diagnostic's message as text (LSP 3.18 allows markup content too). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: Array<() => void> = [];
  /** Exact waiters by `uri#version` (see publishedVersion). */
  private readonly exact = new Map<string, (p: PublishDiagnosticsParams) => void>();
  private versions = new Map<string, number>();
  stderr = '';

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.waiters.forEach((w) => w());
      const key = `${p.uri}#${p.version}`;
      this.exact.get(key)?.(p);
      this.exact.delete(key);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ validate: { delay: 0 } })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(capabilities: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: { settings: { validate: { delay: 0 } } },
      ...extra,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string) {
    this.versions.set(uri, 1);
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk', version: 1, text } });
  }

  change(uri: string, changes: unknown[]) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /**
   * Resolves the moment the diagnostics of exactly this version arrive, with no polling: call it before sending the
   * change, to time it (the benchmarks do).
   */
  publishedVersion(uri: string, version: number, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr}`)), timeoutMs);
      this.exact.set(`${uri}#${version}`, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
  }

  /** The last diagnostics published for a URI, whatever their version (a file the client never opened has none). */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri)?.at(-1);
  }

  /** Waits for diagnostics of the document's latest version. */
  async diagnostics(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.published.get(uri)?.filter((p) => p.version === undefined || p.version === version).pop();
      if (latest) return latest.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** A request settles (a result, or an error response with a JSON-RPC code) within the time limit. */
export async function settle(promise: Promise<unknown>, ms = 10_000): Promise<{ result?: unknown; code?: number }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no response within ${ms} ms`)), ms)));
  try {
    return { result: await Promise.race([promise, timeout]) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    assert.equal(typeof code, 'number', `not a JSON-RPC error response: ${String(err)}`);
    return { code: code as number };
  } finally {
    clearTimeout(timer);
  }
}
