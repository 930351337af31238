/**
 * The real language server (dist/server.js) over stdio, driven by the tests' LSP client (test/lsp/client.ts):
 * latency from an incremental didChange to the publishDiagnostics of that version, latency of completion inside the
 * 依申请 table, and spawn-to-initialize time.
 */
import { CompletionTriggerKind } from 'vscode-languageserver';
import { TestClient } from '../../test/lsp/client';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

const TYPED = '同时，进一步加强政务公开队伍建设，完善工作机制，提升信息发布质量和时效。';

export interface DiagnosticsLatency {
  edits: number;
  warmup: number;
  samples_ms: number[];
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  diagnostics_at_end: number;
  edited_line: number;
}

/**
 * Types one character at a time (incremental didChange, one character inserted) at the end of a prose paragraph
 * of section 一, waiting each time for the publishDiagnostics of that version.
 */
export async function diagnosticsLatency(text: string, edits: number, warmup: number): Promise<DiagnosticsLatency> {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/report-20kb.xxgk';
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('本年度，'));
    if (line < 0) throw new Error('no prose paragraph to type into');
    let character = lines[line].length;
    let version = 1;
    const opened = client.publishedVersion(uri, version);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk', version, text } });
    await opened;
    const samples: number[] = [];
    let last: Awaited<ReturnType<TestClient['publishedVersion']>> | undefined;
    for (let i = 0; i < warmup + edits; i++) {
      const ch = TYPED[i % TYPED.length];
      version++;
      const done = client.publishedVersion(uri, version);
      const t0 = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
      });
      last = await done;
      const t = performance.now() - t0;
      character += ch.length;
      if (i >= warmup) samples.push(t);
    }
    return {
      edits,
      warmup,
      samples_ms: samples,
      p50_ms: percentile(samples, 50),
      p90_ms: percentile(samples, 90),
      p99_ms: percentile(samples, 99),
      max_ms: Math.max(...samples),
      diagnostics_at_end: last?.diagnostics.length ?? 0,
      edited_line: line + 1,
    };
  } finally {
    await client.stop();
  }
}

export interface CompletionLatency {
  requests: number;
  warmup: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  by_query: Record<string, { p50_ms: number; p99_ms: number; items: number }>;
}

/** Queries typed on new lines of the 依申请 table, in place of the （五）不予处理 block (as when filling the table). */
export const COMPLETION_QUERIES = ['', '不予', 'bycl'];

/** The 20 KB report with the （五）不予处理 block removed and three half-typed rows in its place. */
export function completionText(text: string): { text: string; lines: number[] } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| （五）不予处理 |'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('| （六）其他处理 |'));
  if (start < 0 || end < 0) throw new Error('依申请 table: （五） block not found');
  const typed = COMPLETION_QUERIES.map((q) => `| ${q}`);
  lines.splice(start, end - start, ...typed);
  return { text: lines.join('\n'), lines: typed.map((_, k) => start + k) };
}

export async function completionLatency(text: string, requests: number, warmup: number): Promise<CompletionLatency> {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/completion-20kb.xxgk';
    const doc = completionText(text);
    const lines = doc.text.split('\n');
    const opened = client.publishedVersion(uri, 1);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk', version: 1, text: doc.text } });
    await opened;
    const all: number[] = [];
    const per = new Map<string, { samples: number[]; items: number }>();
    for (let i = 0; i < warmup + requests; i++) {
      const k = i % COMPLETION_QUERIES.length;
      const line = doc.lines[k];
      const t0 = performance.now();
      const result = await client.connection.sendRequest<{ items: unknown[] } | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: lines[line].length },
        context: { triggerKind: CompletionTriggerKind.Invoked },
      });
      const t = performance.now() - t0;
      if (i < warmup) continue;
      all.push(t);
      const entry = per.get(COMPLETION_QUERIES[k]) ?? { samples: [], items: result?.items.length ?? 0 };
      entry.samples.push(t);
      per.set(COMPLETION_QUERIES[k], entry);
    }
    const by_query: CompletionLatency['by_query'] = {};
    for (const [q, e] of per) by_query[q === '' ? '(empty)' : q] = { p50_ms: percentile(e.samples, 50), p99_ms: percentile(e.samples, 99), items: e.items };
    if (Object.values(by_query).every((q) => q.items === 0)) throw new Error('completion returned no item in the 依申请 table');
    return { requests, warmup, p50_ms: percentile(all, 50), p90_ms: percentile(all, 90), p99_ms: percentile(all, 99), max_ms: Math.max(...all), by_query };
  } finally {
    await client.stop();
  }
}

/** Spawn of `node dist/server.js --stdio` to the initialize response, `runs` fresh processes. */
export async function serverInitialize(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const client = new TestClient();
    await client.initialize();
    times.push(performance.now() - t0);
    await client.stop();
  }
  return times;
}
