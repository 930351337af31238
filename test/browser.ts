/**
 * Debian's Chromium for the browser tests, driven by playwright-core. Installs it with apt-get where it is missing
 * (chromium and fonts-noto-cjk, so that screenshots show Chinese); a test skips, saying so, only where apt-get itself
 * is not available.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const INSTALL_TIMEOUT = 20 * 60_000;

function progress(message: string): void {
  process.stderr.write(`# browser: ${message}\n`);
}

/** Installs Chromium when it is not there; returns why the browser tests must skip, if they must. */
export function ensureChromium(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    return `未找到 ${CHROMIUM}，且本机没有 apt-get，无法安装 chromium：跳过浏览器测试`;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']]) {
    progress(`apt-get ${args.join(' ')} ……`);
    const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 2, 2], timeout: INSTALL_TIMEOUT });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} 失败（退出码 ${r.status}${r.error ? `，${r.error.message}` : ''}）`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get 安装完成，但仍没有 ${CHROMIUM}`);
  progress('chromium 已安装');
  return undefined;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
