import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { it } from 'node:test';
import JSZip from 'jszip';

it('packages a .vsix with the bundled client and server and no stray sources', { timeout: 120_000 }, async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-vsix-')), 'xxgk.vsix');
  execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '-o', out], { stdio: 'pipe' });
  const bytes = fs.statSync(out).size;
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const files = Object.keys(zip.files).filter((f) => !f.endsWith('/'));
  console.log(`vsix: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB`);
  for (const required of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/package.json', 'extension/package.nls.zh-cn.json', 'extension/l10n/bundle.l10n.zh-cn.json']) {
    assert.ok(files.includes(required), `${required} missing from the vsix`);
  }
  const stray = files.filter((f) => /\.(ts|map)$/.test(f) || f.includes('node_modules/') || f.includes('/test/') || f.includes('/server/src/') || f.includes('/client/src/'));
  assert.deepEqual(stray, []);
  const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
  assert.equal(manifest.main, './dist/extension.js');
  // Every runtime dependency is bundled: the server bundle requires nothing outside Node itself.
  const server = await zip.file('extension/dist/server.js')!.async('string');
  // (pdf.js builds `require("' + name + '")` in a string for Node's own modules: not a module name, not a dependency.)
  const requires = [...server.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:') && /^[@\w][\w@./-]*$/.test(m));
  const builtins = new Set(builtinModules);
  assert.deepEqual([...new Set(requires.filter((m) => !builtins.has(m)))], []);
  assert.ok(bytes < 5 * 1024 * 1024, `vsix is ${bytes} bytes`);
});
