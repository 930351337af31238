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

  // Ready for the Marketplace and Open VSX: an icon (PNG, at least 128 × 128), a banner, a changelog, keywords in both
  // languages, the README's images packaged, and `vsce ls` listing exactly what ships.
  assert.ok(files.includes(`extension/${manifest.icon}`), `icon ${manifest.icon} packaged`);
  const icon = await zip.file(`extension/${manifest.icon}`)!.async('nodebuffer');
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'icon at least 128 × 128');
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  // vsce stores these three under names of its own.
  const packagedAs: Record<string, string> = { 'extension/readme.md': 'README.md', 'extension/changelog.md': 'CHANGELOG.md', 'extension/LICENSE.txt': 'LICENSE' };
  assert.ok(files.includes('extension/changelog.md') && files.includes('extension/LICENSE.txt'));
  assert.ok(manifest.keywords.some((k: string) => /[\u4e00-\u9fff]/.test(k)) && manifest.keywords.some((k: string) => /^[a-z ]+$/i.test(k)));
  const readme = await zip.file('extension/readme.md')!.async('string');
  for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    if (!/^https:/.test(image)) assert.ok(files.includes(`extension/${image}`), `README image ${image} packaged`);
  }
  const listed = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  assert.deepEqual(listed, files.filter((f) => f.startsWith('extension/')).map((f) => packagedAs[f] ?? f.slice('extension/'.length)).sort());

  // The Get Started walkthrough: every step's media is packaged, every command it runs exists, its texts are in both
  // languages.
  const nls = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, string>;
  const [en, zh] = [nls('package.nls.json'), nls('package.nls.zh-cn.json')];
  const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
  const builtinCommands = new Set(['workbench.actions.view.problems', 'editor.action.quickFix']);
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.ok(walkthrough.steps.length >= 5);
  for (const step of walkthrough.steps as Array<{ title: string; description: string; media: { markdown: string }; completionEvents: string[] }>) {
    assert.ok(files.includes(`extension/${step.media.markdown}`), `${step.media.markdown} packaged`);
    for (const text of [step.title, step.description]) {
      const key = text.replace(/^%|%$/g, '');
      assert.ok(en[key] && zh[key] && /[\u4e00-\u9fff]/.test(zh[key]), `${key} in both languages`);
      for (const [, command] of `${en[key]} ${zh[key]}`.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(command) || builtinCommands.has(command), `walkthrough runs ${command}`);
    }
    for (const event of step.completionEvents) {
      const command = event.replace(/^onCommand:/, '');
      assert.ok(commands.has(command) || builtinCommands.has(command), `completion event ${event}`);
    }
  }
});
