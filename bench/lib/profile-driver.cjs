// Child process: CPU profile of the core (parse + check) on one report, after warm-up, with the V8 sampling
// profiler (the same as `node --cpu-prof`, started through node:inspector so that only the measured loop is in
// the profile). Writes a .cpuprofile (open it in Chrome DevTools → Performance, or VS Code) and prints, as JSON,
// the functions by self time, mapped through the bundle's source map to server/src/….
// argv: core bundle, report (or a directory of reports, every .xxgk in it checked once a round: the real corpus),
// today, rounds, out.cpuprofile, interval µs
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const { SourceMap } = require('node:module');

const [bundle, file, today, roundsArg, outFile, intervalArg] = process.argv.slice(2);
const core = require(bundle);
const texts = fs.statSync(file).isDirectory()
  ? fs.readdirSync(file).filter((f) => f.endsWith('.xxgk')).sort().map((f) => fs.readFileSync(path.join(file, f), 'utf8'))
  : [fs.readFileSync(file, 'utf8')];
const options = { context: { today } };
const rounds = Number(roundsArg);
const round = () => {
  for (const text of texts) core.checkText(text, options);
};
for (let i = 0; i < Math.max(2, Math.ceil(rounds / 5)); i++) round();

const session = new inspector.Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));

(async () => {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: Number(intervalArg) || 100 });
  await post('Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) round();
  const elapsed = performance.now() - t0;
  const { profile } = await post('Profiler.stop');
  session.disconnect();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(profile));

  // Self time per node: the time delta that follows each sample belongs to the sampled node.
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + dt);
  }
  const map = new SourceMap(JSON.parse(fs.readFileSync(bundle + '.map', 'utf8')));
  const bundleUrl = require('node:url').pathToFileURL(bundle).href;
  const root = path.join(__dirname, '..', '..');
  const where = (cf) => {
    if (cf.url === bundleUrl || cf.url === bundle) {
      const entry = map.findEntry(cf.lineNumber, cf.columnNumber);
      if (entry && entry.originalSource) {
        const source = entry.originalSource.replace(/^file:\/\//, '');
        const rel = path.relative(root, path.resolve(path.dirname(bundle), source)).replace(/\\/g, '/');
        return `${rel}:${entry.originalLine + 1}`;
      }
    }
    if (!cf.url) return '';
    return cf.url.startsWith('node:') ? cf.url : path.relative(root, cf.url.replace(/^file:\/\//, '')).replace(/\\/g, '/') + `:${cf.lineNumber + 1}`;
  };
  // esbuild renames clashing functions (parse → parse3): the source map names the original at the identifier.
  const bundleLines = fs.readFileSync(bundle, 'utf8').split('\n');
  const originalName = (cf) => {
    if (!/\d$/.test(cf.functionName) || (cf.url !== bundleUrl && cf.url !== bundle)) return cf.functionName;
    const line = bundleLines[cf.lineNumber] ?? '';
    const col = line.indexOf(cf.functionName, Math.max(0, line.lastIndexOf('function', cf.columnNumber)));
    const entry = col >= 0 ? map.findEntry(cf.lineNumber, col) : undefined;
    return (entry && entry.name) || cf.functionName;
  };
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const cf = node.callFrame;
    const name = originalName(cf) || (cf.url ? '(anonymous)' : '(native)');
    const key = `${name}\u0000${where(cf)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const top = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([key, us]) => {
      const [fn, at] = key.split('\u0000');
      return { function: fn, at, self_ms: us / 1000 / rounds, self_pct: (100 * us) / total };
    });
  // Self time by source file of the core, to see which module dominates.
  const byFile = new Map();
  for (const [key, us] of byFunction) {
    const at = key.split('\u0000')[1];
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(at);
    const file = at.startsWith('server/') ? at.replace(/:\d+$/, '') : pkg ? `node_modules/${pkg[1]}` : at.startsWith('node:') ? '(node internals)' : at ? '(other JS)' : key.split('\u0000')[0];
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const files = [...byFile.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([file, us]) => ({ file, self_ms: us / 1000 / rounds, self_pct: (100 * us) / total }));
  process.stdout.write(JSON.stringify({ rounds, ms_per_round: elapsed / rounds, profile: path.relative(root, outFile), top, files }) + '\n');
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
