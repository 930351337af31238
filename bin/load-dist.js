'use strict';
// Loads a bundle from dist/. Before the first build (say `npm ci --ignore-scripts`) dist/ is not there: say what to
// run in one line instead of a Node stack trace.
const fs = require('node:fs');
const path = require('node:path');

module.exports = function loadDist(name) {
  const file = path.join(__dirname, '..', 'dist', name);
  if (!fs.existsSync(file)) {
    const root = path.join(__dirname, '..');
    process.stderr.write(`xxgk: 尚未构建（缺少 dist/${name}），请先在 ${root} 运行 npm run build / not built yet: run \`npm run build\` in ${root} first\n`);
    process.exit(2);
  }
  require(file);
};
