// The extension's .vsix, and small generated extensions (the zh-cn language pack).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { root, say } from './common.mjs';

/**
 * @typedef {{ name: string, version: string, publisher: string, engines: { vscode: string }, displayName?: string,
 *   description?: string, categories?: string[], [field: string]: unknown }} VsixManifest an extension's package.json
 */

export const EXTENSION_ID = 'xxgk.xxgk';

const SOURCES = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'language-configuration.json', '.vscodeignore', 'README.md', 'LICENSE', 'client/src', 'server/src', 'syntaxes', 'snippets', 'l10n', 'schemas', 'media', 'docs', 'scripts/build.mjs', 'scripts/preview-bundle.mjs', 'client/preview-src'];

/** @param {string} p @returns {number} */
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

/**
 * Builds `xxgk.vsix` (`npm run package`) unless it is newer than every source that goes into it.
 * @param {{ force?: boolean }} [options]
 */
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

/**
 * Writes a .vsix for `manifest` (its package.json) and the given files (paths inside the zip), unless the file
 * already has exactly these bytes: a stored zip (jszip) with fixed timestamps, so the profile sees the same hash and
 * does not install it again.
 * @param {string} file
 * @param {VsixManifest} manifest
 * @param {Record<string, string>} [files]
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
 * @param {string} dir
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
