// What the code-server modules share: the repository root, messages on the terminal, child processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {string} msg */
export const say = (msg) => console.log(`xxgk: ${msg}`);

/**
 * Runs a command to its end (output on the terminal unless `opts` says otherwise); throws when it fails.
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [opts]
 */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** @param {number} pid a process id, or minus a process group id */
export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/**
 * A JSON file's contents, as unknown: the caller states the shape it expects.
 * @param {string} file
 * @returns {unknown}
 */
export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
