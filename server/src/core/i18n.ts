import * as l10n from '@vscode/l10n';

/**
 * Messages are written in Chinese (the users' language) and are their own keys; an English bundle
 * (l10n/bundle.l10n.en.json) is loaded when the display language is English. `{0}`-style arguments.
 */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}

let englishLoaded = false;
/** Switches messages to English (`en*` locales) or back to Chinese. */
export function setLocale(locale: string | undefined, englishBundle?: Record<string, string>): void {
  const english = !!locale && locale.toLowerCase().startsWith('en');
  if (english && englishBundle) {
    l10n.config({ contents: englishBundle });
    englishLoaded = true;
  } else if (!english && englishLoaded) {
    l10n.config({ contents: {} });
    englishLoaded = false;
  }
}
