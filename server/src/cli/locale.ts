import * as fs from 'node:fs';
import * as path from 'node:path';
import { setLocale } from '../core/i18n';

export type Lang = 'zh' | 'en';

/** Language from the POSIX locale variables (LC_ALL wins over LC_MESSAGES over LANG); Chinese unless they say English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** `--lang en` or `--lang=en` anywhere among the arguments (before the command runs, for help and usage errors). */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'zh') return value;
  }
  return undefined;
}

/** Messages are Chinese in the source; English comes from l10n/bundle.l10n.en.json beside the package, if shipped. */
export function loadEnglishBundle(): Record<string, string> | undefined {
  // dist/cli.js when bundled; server/src/cli/*.ts when run from source.
  const candidates = [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', '..', 'l10n')];
  for (const dir of candidates) {
    const file = path.join(dir, 'bundle.l10n.en.json');
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, string>;
    } catch {
      // Missing or unreadable: try the next place, then fall back to Chinese.
    }
  }
  return undefined;
}

export function applyLang(lang: Lang, bundle: Record<string, string> | undefined): void {
  setLocale(lang, bundle);
}
