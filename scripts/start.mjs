// `npm start [-- --port N]`: packages the extension, checks the examples, and opens them in a real VS Code
// (code-server, installed once into a cache folder outside the repository) with the 2021-format example report
// beside its preview. The address is printed; Ctrl+C stops the editor and everything it started.
//
// Options: --port N (or XXGK_PORT; default: a free port), --locale L (default zh-cn; `en` for English messages).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './code-server/common.mjs';
import { ensureVsix, languagePackVsix, writeVsix } from './code-server/packaging.mjs';
import { prepareProfile } from './code-server/profile.mjs';
import { startCodeServer } from './code-server/server.mjs';
import { ensureToolchain } from './code-server/toolchain.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log('用法 / usage: npm start [-- --port N] [--locale zh-cn|en]\n  XXGK_PORT=N npm start  同 --port；默认使用一个空闲端口 / default: a free port');
  process.exit(0);
}
const portText = opts.port ?? process.env.XXGK_PORT;
const port = portText ? Number(portText) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`xxgk: 端口无效 / invalid port: ${portText}`);
  process.exit(2);
}
const locale = opts.locale ?? process.env.XXGK_LOCALE ?? 'zh-cn';

const examplesDir = path.join(root, 'examples');
const report = '2023-clean.xxgk';
const started = Date.now();

// 1. The .vsix (this also builds dist/, which the CLI below runs from).
const vsix = ensureVsix({ force: !fs.existsSync(path.join(root, 'dist', 'cli.js')) });

// 2. A short summary of the examples as the checker sees them.
const examples = ['2023-clean.xxgk', '2012-legacy.xxgk', '2023-errors.xxgk'];
const check = spawnSync(process.execPath, [path.join(root, 'bin/xxgk.js'), 'check', '--format', 'json', '--lang', 'zh', ...examples], {
  cwd: examplesDir,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (check.status !== 0 && check.status !== 1) {
  process.stderr.write(check.stderr);
  console.error(`xxgk: 检查示例失败（退出码 ${check.status}）`);
  process.exit(check.status ?? 2);
}
const diagnostics = JSON.parse(check.stdout);
const names = { error: '个错误', warning: '个警告', info: '条信息', hint: '个提示' };
console.log('\nxxgk check examples/');
for (const file of examples) {
  const counts = {};
  for (const d of diagnostics) if (path.basename(d.file) === file) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  const parts = Object.keys(names).filter((s) => counts[s]).map((s) => `${counts[s]} ${names[s]}`);
  const note = file === '2023-errors.xxgk' ? '（故意埋的错误，见 examples/README.md）' : '';
  console.log(`  ${file.padEnd(18)} ${parts.length ? parts.join('，') : '无问题 ✓'}${note}`);
}
console.log('');

// 3. code-server (installed the first time), the extension in a private profile, and a small helper that opens
//    the report beside its preview when the window loads.
let tools, profile, server;
try {
  tools = await ensureToolchain();
  profile = prepareProfile(tools, path.join(tools.cache, 'start-profile'), { vsix: [vsix, await languagePackVsix(tools.cache), await writeOpenerVsix(tools.cache)] });
  server = await startCodeServer(tools, profile, {
    port,
    locale,
    env: { XXGK_START_OPEN: report, XXGK_START_RUN: randomUUID() },
  });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  if (/EADDRINUSE/.test(message)) console.error(`xxgk: 端口 ${port} 已被占用 / port ${port} is in use; 换一个：npm start -- --port N，或不指定端口以使用空闲端口`);
  else console.error(`xxgk: VS Code 启动失败 / could not start VS Code:\n${message}`);
  process.exit(1);
}
const address = server.folderUrl(examplesDir);

console.log(`VS Code（code-server）已启动 / started in ${((Date.now() - started) / 1000).toFixed(1)} s:\n`);
console.log(`    ${address}\n`);
console.log(`  打开 examples/，编辑器中是 ${report}，右侧是它的预览。按 Ctrl+C 停止。`);
console.log(`  Open the address in a browser: examples/ with ${report} beside its preview. Ctrl+C stops it.`);
console.log(`  日志 / logs: ${profile.serverLog}, ${profile.logs}\n`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nxxgk: 正在停止 VS Code（${signal}）… / stopping`);
  await server.stop();
  console.log('xxgk: 已停止 / stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(signal));
server.child.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`xxgk: code-server 意外退出（${code ?? signal}），见 ${profile.serverLog}`);
  void server.stop().then(() => process.exit(1));
});

/**
 * A tiny extension for the `npm start` profile only: when a window opens with XXGK_START_OPEN set in the server's
 * environment, it opens that report and runs “Open Preview to the Side” (once per `npm start` per browser).
 * Packed as a .vsix (writeVsix), so that code-server installs it like any other.
 */
async function writeOpenerVsix(cacheDir) {
  const manifest = {
    name: 'xxgk-start',
    displayName: 'xxgk npm start helper',
    description: 'Opens the example report beside its preview when `npm start` starts VS Code.',
    publisher: 'xxgk',
    version: '0.0.2',
    private: true,
    engines: { vscode: '^1.91.0' },
    activationEvents: ['onStartupFinished'],
    main: './extension.js',
  };
  const code = `const vscode = require('vscode');
exports.activate = async (context) => {
  const file = process.env.XXGK_START_OPEN;
  const run = process.env.XXGK_START_RUN;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!file || !folder || context.globalState.get('openedFor') === run) return;
  await context.globalState.update('openedFor', run);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, file));
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  for (let i = 0; i < 150; i++) {
    if ((await vscode.commands.getCommands(true)).includes('xxgk.openPreviewToSide')) {
      await vscode.commands.executeCommand('xxgk.openPreviewToSide');
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};
exports.deactivate = () => {};
`;
  return writeVsix(path.join(cacheDir, 'xxgk-start.vsix'), manifest, { 'extension/extension.js': code });
}
