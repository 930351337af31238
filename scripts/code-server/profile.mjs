// A private profile: user data, extensions and XDG folders, all inside one directory.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readJson, say } from './common.mjs';

/** @param {string} file */
function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** @typedef {ReturnType<typeof profilePaths>} Profile */

/** @param {string} dir */
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

/**
 * The environment code-server runs in: Node 24 first on the PATH, the XDG folders inside the profile.
 * @param {import('./toolchain.mjs').Toolchain} tools
 * @param {Profile} profile
 */
export function toolEnv(tools, profile) {
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
 * @param {import('./toolchain.mjs').Toolchain} tools
 * @param {string} dir
 * @param {{ vsix?: string[], settings?: Record<string, unknown> }} [options]
 */
export function prepareProfile(tools, dir, { vsix = [], settings = {} } = {}) {
  const profile = profilePaths(dir);
  for (const d of [profile.userData, profile.extensions, profile.xdg]) fs.mkdirSync(d, { recursive: true });
  const userDir = path.join(profile.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2) + '\n');
  const stampFile = path.join(dir, 'installed.json');
  /** @type {Record<string, string>} the sha256 of each .vsix installed, by file name */
  let stamps;
  try {
    stamps = /** @type {Record<string, string>} */ (readJson(stampFile));
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
 * @param {Profile} profile
 */
function registerLanguagePacks(profile) {
  /**
   * @typedef {{ publisher: string, name: string, version: string, contributes?: { localizations?: Array<{ languageId: string,
   *   languageName?: string, localizedLanguageName?: string, translations: Array<{ id: string, path: string }> }> } }} InstalledManifest
   */
  /** @type {Record<string, { hash: string, extensions: Array<{ extensionIdentifier: { id: string }, version: string }>, translations: Record<string, string>, label: string | undefined }>} */
  const packs = {};
  for (const dir of fs.readdirSync(profile.extensions, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    /** @type {InstalledManifest} */
    let manifest;
    try {
      manifest = /** @type {InstalledManifest} */ (readJson(path.join(profile.extensions, dir.name, 'package.json')));
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
