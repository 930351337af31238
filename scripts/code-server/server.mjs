// Starting and stopping code-server. It always runs in its own process group so that stopping it (kill -- -PGID)
// leaves nothing behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { pidAlive, readJson, say, sleep } from './common.mjs';
import { toolEnv } from './profile.mjs';

/**
 * A free TCP port on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The status code `url` answers with; 0 when it does not answer.
 * @param {string} url
 * @returns {Promise<number | undefined>}
 */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** @param {number} pgid */
function groupAlive(pgid) {
  return pidAlive(-pgid);
}

/**
 * Stops a process group: SIGTERM, then SIGKILL for whatever is left after `graceMs`.
 * @param {number | undefined} pgid
 */
export async function killGroup(pgid, graceMs = 5000) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
    while (groupAlive(pgid)) await sleep(50);
  }
}

/**
 * The profile's pid file names the code-server process group and the process that started it. If that process is
 * still running, the profile is in use (say a second `npm start`): refuse. If it is gone but its code-server is
 * not (the starter was killed outright), stop that code-server.
 * @param {import('./profile.mjs').Profile} profile
 * @param {string} entry code-server's entry script
 */
async function stopStale(profile, entry) {
  /** @type {{ pgid?: number, owner?: number, url?: string } | null} */
  let info;
  try {
    info = /** @type {{ pgid?: number, owner?: number, url?: string } | null} */ (readJson(profile.pidFile));
  } catch {
    return;
  }
  const { pgid, owner, url } = info ?? {};
  if (pgid && groupAlive(pgid)) {
    if (owner && owner !== process.pid && pidAlive(owner)) {
      throw new Error(`配置 ${profile.dir} 正被另一个进程（${owner}）使用，它的 VS Code 在 ${url} / this profile is in use by process ${owner} (${url}); stop that one first`);
    }
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pgid}/cmdline`, 'utf8');
    } catch {
      // not on Linux, or gone
    }
    if (cmdline.includes(entry) && cmdline.includes(profile.userData)) {
      say(`停止上次遗留的 code-server（进程组 ${pgid}）/ stopping a code-server left over from an earlier run`);
      await killGroup(pgid);
    }
  }
  fs.rmSync(profile.pidFile, { force: true });
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group, with the profile's folders; resolves once
 * /healthz answers. Its output goes to profile.serverLog. `locale` sets VS Code's display language (`--locale`).
 * @param {import('./toolchain.mjs').Toolchain} tools
 * @param {import('./profile.mjs').Profile} profile
 * @param {{ port?: number, locale?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 */
export async function startCodeServer(tools, profile, { port, locale, env = {}, timeoutMs = 60_000 } = {}) {
  await stopStale(profile, tools.entry);
  port ??= await freePort();
  const args = [
    tools.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (locale) args.push('--locale', locale);
  const out = fs.openSync(profile.serverLog, 'w');
  const child = spawn(tools.node, args, { detached: true, stdio: ['ignore', out, out], env: { ...toolEnv(tools, profile), ...env } });
  fs.closeSync(out);
  const pgid = /** @type {number} */ (child.pid);
  fs.writeFileSync(profile.pidFile, JSON.stringify({ pgid, owner: process.pid, url: `http://127.0.0.1:${port}` }) + '\n');
  // (Set by the exit handler: typed as the union so that the checks in the loop below are not narrowed to null.)
  let exited = /** @type {{ code: number | null, signal: NodeJS.Signals | null } | null} */ (null);
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  // Should this process end without stopping it (an uncaught error), take the group down with it.
  const onExit = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', onExit);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      process.off('exit', onExit);
      const log = fs.readFileSync(profile.serverLog, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it answered on ${url}:\n${log}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await killGroup(pgid);
      process.off('exit', onExit);
      throw new Error(`code-server did not answer on ${url}/healthz within ${timeoutMs / 1000} s (log: ${profile.serverLog})`);
    }
    await sleep(200);
  }

  /** @type {Promise<void> | undefined} */
  let stopping;
  return {
    url,
    port,
    pgid,
    child,
    /** The address that opens `folder` in the workbench. */
    /** @param {string} folder */
    folderUrl(folder) {
      return `${url}/?folder=${encodeURIComponent(folder)}`;
    },
    get exited() {
      return exited;
    },
    stop() {
      stopping ??= (async () => {
        await killGroup(pgid);
        process.off('exit', onExit);
        fs.rmSync(profile.pidFile, { force: true });
      })();
      return stopping;
    },
  };
}
