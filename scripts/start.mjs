// `npm start`: builds, then checks the shipped examples so a newcomer sees the checker at work.
// (The error example is meant to fail; the exit code of this demo is 0 unless the checker itself breaks.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const examples = ['examples/2023-clean.xxgk', 'examples/2012-legacy.xxgk', 'examples/2023-errors.xxgk'];
console.log('xxgk：检查示例年报（其中 2023-errors.xxgk 故意埋了各类错误）\n');
const result = spawnSync(process.execPath, [path.join(root, 'bin/xxgk.js'), 'check', ...examples], { cwd: root, stdio: 'inherit' });
process.exit(result.status === 0 || result.status === 1 ? 0 : result.status ?? 2);
