/**
 * Child process of robust-files.test.ts: runs the language server's workspace scan and `.xxgkrc.json` lookup on
 * given folders and prints what it found as JSON. A child, so that a scan that never ends (or eats memory) is
 * killed by the test's time limit and `--max-old-space-size` instead of taking the test runner with it.
 *
 * Argument: JSON `{ folders: string[], maxFiles?: number, rcFor?: string[] }`.
 */
import { pathToFileURL } from 'node:url';
import { Workspace } from '../server/src/lsp/workspace';

interface Job {
  folders: string[];
  maxFiles?: number;
  rcFor?: string[];
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  const out: { uris?: string[]; rc?: Array<{ error?: string; file?: string; config?: unknown }> } = {};
  if (job.folders.length) {
    const ws = new Workspace(() => undefined, undefined, job.maxFiles === undefined ? undefined : { maxFiles: job.maxFiles });
    ws.setFolders(job.folders.map((f) => pathToFileURL(f).toString()));
    await ws.scan();
    // The index is private; read it as the server would use it.
    out.uris = [...(ws as unknown as { reports: Map<string, unknown> }).reports.keys()].sort();
  }
  if (job.rcFor) {
    const ws = new Workspace(() => undefined);
    ws.setFolders(job.rcFor.map((f) => pathToFileURL(f).toString()));
    out.rc = job.rcFor.map((dir) => ws.rcFor(pathToFileURL(`${dir}/r.xxgk`).toString()));
  }
  process.stdout.write(JSON.stringify(out));
}

void main();
