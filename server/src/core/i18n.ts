import * as l10n from '@vscode/l10n';

/**
 * Messages are written in Chinese (the users' language) and are their own keys; an English bundle
 * (l10n/bundle.l10n.en.json) is loaded when the display language is English. `{0}`-style arguments.
 */
export function t(message: string, ...args: Array<string | number>): string {
  // Chinese, the default, needs no lookup: filled here, as l10n.t would, without its regular expression and
  // callback (a check formats a few messages per finding, and l10n's formatting was a measurable share of it).
  if (!englishLoaded) return args.length ? fill(message, args) : message;
  return l10n.t(message, ...args);
}

/**
 * `{0}`, `{1}`… replaced by the arguments, exactly as @vscode/l10n's format does (`/{([^}]+)}/g`, an unknown name
 * left as written).
 */
function fill(template: string, args: ReadonlyArray<string | number>): string {
  let out = '';
  let from = 0;
  let open = template.indexOf('{');
  while (open >= 0) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    if (close === open + 1) {
      open = template.indexOf('{', open + 1);
      continue;
    }
    const value = (args as unknown as Record<string, string | number | undefined>)[template.slice(open + 1, close)];
    if (value !== undefined && value !== null) {
      out += template.slice(from, open) + String(value);
      from = close + 1;
    }
    open = template.indexOf('{', close + 1);
  }
  return from === 0 ? template : out + template.slice(from);
}

let englishLoaded = false;
let lastSetting: LocaleSetting = {};

/** What setLocale was last given: a worker thread is set up with it to write its messages in the same language. */
export interface LocaleSetting {
  readonly locale?: string;
  readonly englishBundle?: Record<string, string>;
}

export function localeSetting(): LocaleSetting {
  return lastSetting;
}

/** Switches messages to English (`en*` locales) or back to Chinese. */
export function setLocale(locale: string | undefined, englishBundle?: Record<string, string>): void {
  lastSetting = { locale, englishBundle };
  const english = !!locale && locale.toLowerCase().startsWith('en');
  if (english && englishBundle) {
    l10n.config({ contents: englishBundle });
    englishLoaded = true;
  } else if (!english && englishLoaded) {
    l10n.config({ contents: {} });
    englishLoaded = false;
  }
}
