// Runs every test/**/*.test.ts with Node's own test runner (Node 20 does not expand globs given to --test).
import { spawnSync } from 'node:child_process';
import fg from 'fast-glob';

const files = fg.sync(['test/**/*.test.ts'], { ignore: ['test/e2e/**', 'test/vscode/**'] }).sort();
if (files.length === 0) {
  console.error('没有找到测试文件 test/**/*.test.ts');
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
