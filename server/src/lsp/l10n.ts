import * as fs from 'node:fs';
import * as path from 'node:path';

/** The English message bundle shipped beside the bundled server (dist/ → ../l10n), if present. */
export function loadEnglishBundle(): Record<string, string> | undefined {
  for (const candidate of [path.join(__dirname, '..', 'l10n', 'bundle.l10n.en.json'), path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.en.json')]) {
    try {
      return JSON.parse(fs.readFileSync(candidate, 'utf8')) as Record<string, string>;
    } catch {
      // Try the next place; no bundle means messages stay in Chinese.
    }
  }
  return undefined;
}
