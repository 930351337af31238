// Extracts the message keys of the core and the CLI: the first argument of every `t(…)` call in
// server/src/core, server/src/cli and server/src/lsp (see server/src/core/i18n.ts).
//
//   npx tsx scripts/l10n-extract.ts           print the keys as a JSON array
//   npx tsx scripts/l10n-extract.ts --check   compare with l10n/bundle.l10n.en.json (missing, stale, placeholders)
//   npx tsx scripts/l10n-extract.ts --write   add missing keys to the bundle (English left as the Chinese key, to translate), drop stale ones
//
// Calls whose first argument is not a string literal cannot be extracted; they are reported as warnings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
export const SOURCE_GLOBS = ['server/src/core/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/lsp/**/*.ts'];
export const ENGLISH_BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.en.json');

export interface KeyUse {
  key: string;
  file: string;
  line: number;
}

export interface ExtractWarning {
  file: string;
  line: number;
  text: string;
  message: string;
}

export interface Extraction {
  /** Every key, in first-seen order (files sorted by path). */
  keys: string[];
  /** Where each key is used. */
  uses: KeyUse[];
  /** `t(…)` calls whose first argument is not a string literal. */
  warnings: ExtractWarning[];
}

/** Keys and warnings of one source text. */
export function extractFromSource(fileName: string, text: string): { uses: KeyUse[]; warnings: ExtractWarning[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const uses: KeyUse[] = [];
  const warnings: ExtractWarning[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    // `t(…)` and `l10n.t(…)`-style calls are both named `t`; the definition in i18n.ts forwards a variable and is skipped.
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (named === 't') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          uses.push({ key: first.text, file: fileName, line: lineOf(first) });
        } else if (!(ts.isPropertyAccessExpression(callee) && path.basename(fileName) === 'i18n.ts')) {
          warnings.push({
            file: fileName,
            line: lineOf(node),
            text: node.getText(source).replace(/\s+/g, ' ').slice(0, 120),
            message: first ? 'the first argument of t() is not a string literal; its key cannot be extracted' : 't() without arguments',
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { uses, warnings };
}

/** Keys of every core and CLI source file. */
export function extractKeys(root = ROOT): Extraction {
  const files = fg.sync(SOURCE_GLOBS, { cwd: root, ignore: ['**/*.d.ts'] }).sort();
  const uses: KeyUse[] = [];
  const warnings: ExtractWarning[] = [];
  for (const file of files) {
    const result = extractFromSource(file, fs.readFileSync(path.join(root, file), 'utf8'));
    uses.push(...result.uses);
    warnings.push(...result.warnings);
  }
  const keys = [...new Set(uses.map((u) => u.key))];
  return { keys, uses, warnings };
}

/** The `{n}` placeholders of a message, sorted and without duplicates. */
export function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

export function readBundle(file = ENGLISH_BUNDLE): Record<string, string> {
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, string>;
}

export interface BundleReport {
  missing: string[];
  stale: string[];
  placeholderMismatches: Array<{ key: string; english: string }>;
}

export function compareBundle(keys: readonly string[], bundle: Record<string, string>): BundleReport {
  const keySet = new Set(keys);
  const missing = keys.filter((k) => !Object.prototype.hasOwnProperty.call(bundle, k));
  const stale = Object.keys(bundle).filter((k) => !keySet.has(k));
  const placeholderMismatches = Object.entries(bundle)
    .filter(([k, v]) => placeholders(k).join() !== placeholders(v).join())
    .map(([key, english]) => ({ key, english }));
  return { missing, stale, placeholderMismatches };
}

function main(argv: string[]): number {
  const { keys, uses, warnings } = extractKeys();
  for (const w of warnings) console.error(`warning: ${w.file}:${w.line}: ${w.message}: ${w.text}`);
  if (argv.includes('--check') || argv.includes('--write')) {
    const bundle = fs.existsSync(ENGLISH_BUNDLE) ? readBundle() : {};
    const report = compareBundle(keys, bundle);
    if (argv.includes('--write')) {
      const next: Record<string, string> = {};
      // Sorted by code unit, so that two branches adding messages touch different lines and merge cleanly.
      for (const k of [...keys].sort()) next[k] = bundle[k] ?? k;
      fs.writeFileSync(ENGLISH_BUNDLE, JSON.stringify(next, null, 2) + '\n');
      console.log(`${keys.length} keys written to ${path.relative(ROOT, ENGLISH_BUNDLE)} (${report.missing.length} added, untranslated; ${report.stale.length} stale removed)`);
      return 0;
    }
    const where = (k: string) => uses.filter((u) => u.key === k).map((u) => `${u.file}:${u.line}`).join(', ');
    for (const k of report.missing) console.error(`missing: ${JSON.stringify(k)} (${where(k)})`);
    for (const k of report.stale) console.error(`stale: ${JSON.stringify(k)}`);
    for (const m of report.placeholderMismatches) console.error(`placeholders differ: ${JSON.stringify(m.key)} → ${JSON.stringify(m.english)}`);
    const bad = report.missing.length + report.stale.length + report.placeholderMismatches.length;
    console.log(`${keys.length} keys; ${report.missing.length} missing, ${report.stale.length} stale, ${report.placeholderMismatches.length} placeholder mismatches`);
    return bad ? 1 : 0;
  }
  console.log(JSON.stringify(keys, null, 2));
  console.error(`${keys.length} keys, ${warnings.length} warnings`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
