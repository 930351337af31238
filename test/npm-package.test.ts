/**
 * The CLI and the language server for people who are not developers: one tarball (`npm pack`), installed with
 * `npm install -g` in an empty folder, gives working `xxgk` and `xxgk-language-server` commands, with no build
 * step and nothing fetched (every runtime dependency is bundled into dist/), and the Node versions the package
 * declares are the ones its bundled code supports. (What is bundled is read from esbuild's source maps: the Word
 * writer's declared dependency nanoid, whose 6.x says Node ≥ 22, is not among it: docx ships nanoid's few lines
 * inlined in its own dist, where they use `crypto.getRandomValues`, global since Node 19.)
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies?: object; bin: Record<string, string> };

/** The packages esbuild put into a bundle, from its source map (`../node_modules/<name>/…`). */
function bundledPackages(bundle: string): Set<string> {
  const map = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
  const names = new Set<string>();
  for (const source of map.sources) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(source) ?? /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (m) names.add(m[1]);
  }
  return names;
}

/** Where a bundled package is installed (the lock file may hold several versions: take every path of that name). */
function installedManifests(name: string): Array<{ where: string; engines?: { node?: string } }> {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
  return Object.entries(lock.packages)
    .filter(([where]) => where === `node_modules/${name}` || where.endsWith(`/node_modules/${name}`))
    .map(([where, entry]) => ({ where, engines: entry.engines }));
}

describe('the npm package', () => {
  it('every package bundled into the CLI and the server supports the Node versions package.json declares', () => {
    const problems: string[] = [];
    const names = new Set([...bundledPackages('cli.js'), ...bundledPackages('server.js')]);
    assert.ok(names.size > 5, `bundled packages found in the source maps: ${[...names].join(', ')}`);
    for (const name of names) {
      for (const m of installedManifests(name)) {
        const range = m.engines?.node;
        if (range && !semver.subset(pkg.engines.node, range, { includePrerelease: false })) problems.push(`${m.where}: engines.node ${range}, package.json says ${pkg.engines.node}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has no runtime dependencies to fetch: everything the commands run is in dist/', () => {
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
  });

  it('npm pack, then npm install -g of the tarball in an empty folder: xxgk and xxgk-language-server work', { timeout: 300_000 }, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pack-'));
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' };
    for (const key of Object.keys(env)) if (/^npm_(?!config_cache|config_update_notifier)/i.test(key)) delete env[key];
    // --ignore-scripts: dist/ is built by `npm run build` before the tests (prepare would build it again).
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, env, encoding: 'utf8' });
    const [{ filename, files }] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const paths = files.map((f) => f.path);
    for (const required of ['bin/xxgk.js', 'bin/xxgk-language-server.js', 'dist/cli.js', 'dist/server.js', 'l10n/bundle.l10n.en.json', 'README.md']) assert.ok(paths.includes(required), `${required} in the tarball`);
    const stray = paths.filter((p) => /(^|\/)(test|node_modules|server\/src|client\/src)\//.test(p) || p.endsWith('.map') || p.endsWith('.vsix') || p === 'dist/extension.js');
    assert.deepEqual(stray, [], 'nothing but what the commands need');

    const prefix = path.join(tmp, 'global');
    const empty = path.join(tmp, 'somewhere');
    fs.mkdirSync(empty);
    // --offline: with no dependencies nothing is fetched; a dependency that slipped in fails here.
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(tmp, filename)], { cwd: empty, env, stdio: 'pipe' });
    const installed = path.join(prefix, 'lib', 'node_modules', 'xxgk');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules')), 'no dependency was installed');
    const bin = (name: string) => path.join(prefix, 'bin', name);

    const report = path.join(empty, '2023.xxgk');
    fs.copyFileSync(path.join(ROOT, 'examples', '2023-errors.xxgk'), report);
    const check = spawnSync(bin('xxgk'), ['check', '--format', 'json', report], { cwd: empty, encoding: 'utf8', env: { ...env, LANG: 'en_US.UTF-8' } });
    assert.equal(check.status, 1, check.stderr);
    const found = JSON.parse(check.stdout) as Array<{ rule: string }>;
    assert.ok(found.some((d) => d.rule === 'table-sum'), 'the installed xxgk finds the planted wrong totals');
    const english = spawnSync(bin('xxgk'), ['check', '--lang', 'en', report], { cwd: empty, encoding: 'utf8', env });
    assert.match(english.stdout, /[A-Za-z]{4,}/, 'English messages come from the shipped bundle');

    // The language server answers initialize over stdio.
    const server = spawn(bin('xxgk-language-server'), ['--stdio'], { cwd: empty, env });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no answer to initialize: ${out}`)), 30_000);
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('"capabilities"')) {
          clearTimeout(timer);
          resolve(out);
        }
      });
    });
    server.kill();
    assert.match(reply, /"textDocumentSync"/);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
