// The Debian packages code-server and the browser test need, installed when missing.
import { spawnSync } from 'node:child_process';
import { run, say } from './common.mjs';

/** Debian packages: what code-server's native modules need to build, and what the browser test needs. */
export const APT_BUILD = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev'];
export const APT_BROWSER = ['chromium', 'fonts-dejavu-core', 'fonts-noto-cjk'];

/** @param {string[]} packages */
export function missingAptPackages(packages) {
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/**
 * Installs the missing Debian packages (as root, or through password-less sudo); says what to run otherwise.
 * @param {string[]} packages
 */
export function ensureAptPackages(packages) {
  const missing = missingAptPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!isRoot && !sudo) {
    throw new Error(`缺少 Debian 软件包 / missing Debian packages: ${missing.join(', ')}\n请先运行 / run first:  sudo sh -c '${command}'`);
  }
  say(`安装 Debian 软件包 / installing Debian packages: ${missing.join(' ')}`);
  const prefix = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const exec = (/** @type {string[]} */ args) => run(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), { env });
  exec(['apt-get', 'update']);
  exec(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
}
