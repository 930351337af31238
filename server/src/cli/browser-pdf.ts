import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * PDF export: the HTML export printed by a Chromium-family browser already on the machine (Chromium, Chrome, Edge),
 * run headless. No browser is bundled or downloaded; where none is found the user is told how to name one. Shared by
 * the CLI (`xxgk render -o r.pdf`) and the VS Code command, so both find the same browser the same way.
 */

/** Names tried on PATH, in order (Linux and other Unixes). */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'chrome', 'msedge'];

function platformPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    return [...apps.map((a) => `/Applications/${a}`), ...(env.HOME ? apps.map((a) => path.join(env.HOME!, 'Applications', a)) : [])];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return roots.flatMap((root) => exes.map((exe) => path.win32.join(root, exe)));
  }
  return [];
}

export interface BrowserSearch {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  /** Whether a file exists and can be run (injected so the search can be tested without real browsers). */
  readonly isExecutable: (file: string) => boolean;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const SYSTEM_SEARCH: BrowserSearch = { env: process.env, platform: process.platform, isExecutable: isExecutableFile };

/**
 * The browser to print with: an explicit path (the `--browser` option or the editor setting) wins, then the
 * `XXGK_BROWSER` and `CHROME_PATH` environment variables, then the usual names on PATH, then the usual install places.
 * An explicit path that does not exist is not silently replaced by another browser: it is returned as is and fails
 * with its own name.
 */
export function findBrowser(explicit: string | undefined, search: BrowserSearch = SYSTEM_SEARCH): string | undefined {
  const named = explicit?.trim() || search.env.XXGK_BROWSER?.trim() || search.env.CHROME_PATH?.trim();
  if (named) return named;
  const dirs = (search.env.PATH ?? '').split(search.platform === 'win32' ? ';' : ':').filter(Boolean);
  const join = (dir: string, name: string) => (search.platform === 'win32' ? path.win32.join(dir, name) : path.posix.join(dir, name));
  const exeNames = search.platform === 'win32' ? PATH_NAMES.map((n) => `${n}.exe`) : PATH_NAMES;
  for (const name of exeNames) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (search.isExecutable(file)) return file;
    }
  }
  return platformPaths(search.platform, search.env).find((file) => search.isExecutable(file));
}

/**
 * The browser ran but gave no PDF. Carries facts, not a sentence: the CLI and the editor say it in their own
 * language (this module is shared by both and translates nothing).
 */
export class PdfPrintError extends Error {
  constructor(
    readonly browser: string,
    /** `timeout`: stopped after the time allowed; `not-found`: no such program; `failed`: ran and wrote no PDF. */
    readonly reason: 'timeout' | 'not-found' | 'failed',
    /** The browser's last line on stderr, or its exit code or signal. */
    readonly detail: string,
  ) {
    super(`${browser}: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

export interface PrintOptions {
  readonly browser: string;
  /** The browser is stopped after this long (a hung browser must not hang the export). */
  readonly timeoutMs?: number;
}

function browserArgs(profile: string, out: string, page: string): string[] {
  const args = [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    `--user-data-dir=${profile}`,
    // The browser's own header and footer (date, file path) are not part of an official document; the page
    // numbers come from the page's CSS (@page margin boxes).
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${out}`,
    page,
  ];
  // Chromium refuses to run as root with its sandbox (containers, CI); the page is our own self-contained export.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}

/** Prints a self-contained HTML page to PDF with a headless browser; the PDF's bytes. */
export async function printHtmlToPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'xxgk-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, 'report.pdf');
    await fs.promises.writeFile(page, html);
    const { code, stderr } = await run(options.browser, browserArgs(path.join(dir, 'profile'), out, pathToFileURL(page).href), options.timeoutMs ?? 120_000);
    const bytes = await fs.promises.readFile(out).catch(() => undefined);
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      if (code === 'timeout' || code === 'not-found') throw new PdfPrintError(options.browser, code, '');
      throw new PdfPrintError(options.browser, 'failed', lastLine(stderr) || String(code));
    }
    return bytes;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/dbus|Fontconfig|GPU|gpu_|SharedImage/i.test(l));
  return (lines.at(-1) ?? '').slice(0, 300);
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ code: number | string; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    const finish = (code: number | string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, stderr });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish('timeout');
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Only the tail matters for the message; a chatty browser must not grow memory.
      stderr = (stderr + chunk).slice(-8192);
    });
    child.on('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ENOENT' ? 'not-found' : err.message));
    child.on('close', (code, signal) => finish(code ?? signal ?? 'unknown'));
  });
}
