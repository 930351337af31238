import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** User + system CPU time of this process's waited-for children so far, in ms (Linux /proc; undefined elsewhere). */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from 3 after the command name, in clock ticks.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

export interface Timed {
  wall_ms: number;
  cpu_ms?: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; wall-clock from spawn to exit; output to files (both tools are treated alike). */
export function runTimed(command: string, args: readonly string[], options: { cwd: string; stdoutFile: string; stderrFile: string; env?: NodeJS.ProcessEnv }): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(options.stdoutFile, 'w');
    const err = fs.openSync(options.stderrFile, 'w');
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', out, err], env: options.env ?? process.env });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = performance.now() - t0;
      const cpu1 = childrenCpuMs();
      fs.closeSync(out);
      fs.closeSync(err);
      resolve({
        wall_ms: wall,
        cpu_ms: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined,
        code,
        stdout: options.stdoutFile,
        stderr: options.stderrFile,
      });
    });
  });
}

/** Runs a node script and parses the JSON line it prints last. */
export function runJson<T>(args: readonly string[], options: { cwd: string; timeoutMs?: number }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last) as T);
      } catch (e) {
        reject(new Error(`node ${args.join(' ')}: ${e instanceof Error ? e.message : String(e)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
