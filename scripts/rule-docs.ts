// The rule table of docs/rules.md and the English line under each rule's heading, written from the rules' own
// metadata (id, severity, formats, fixes, description), so that they cannot drift from the rules. Used by scripts/gen-rule-docs.ts and test/rule-docs.test.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allFormats, type FormatId } from '../server/src/core/formats/index';
import { setLocale } from '../server/src/core/i18n';
import { RULES } from '../server/src/core/rules/index';
import { ruleApplies, type Rule, type RuleFixes } from '../server/src/core/rules/types';

/** How docs/rules.md words a rule's `fixes`, in the table and in each section's “快速修复” line. */
export const FIX_WORDS: Readonly<Record<RuleFixes, string>> = { all: '有', some: '部分', none: '无' };

export const TABLE_HEADER = '| 规则 | 默认级别 | 适用格式 | 快速修复 | 检查内容 |';

/** The registered formats a rule applies to, in registry order. */
export function formatsOf(rule: Rule): FormatId[] {
  return allFormats().filter((f) => ruleApplies(rule, f)).map((f) => f.id);
}

function formatCell(rule: Rule): string {
  const ids = formatsOf(rule);
  return ids.length === allFormats().length ? '全部' : ids.join('、');
}

/** The table, header to last row, one line each, in the order of RULES (the order of the sections below it). */
export function ruleTable(): string[] {
  const rows = RULES.map((r) =>
    `| [${r.id}](#${r.id}) | ${r.severity} | ${formatCell(r)} | ${FIX_WORDS[r.fixes]} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return [TABLE_HEADER, '|---|---|---|---|---|', ...rows];
}

/** Each rule's description in English (l10n/bundle.l10n.en.json), by id. */
export function englishDescriptions(): Map<string, string> {
  const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'l10n', 'bundle.l10n.en.json'), 'utf8')) as Record<string, string>;
  setLocale('en', bundle);
  try {
    return new Map(RULES.map((r) => [r.id, r.description]));
  } finally {
    setLocale('zh-cn');
  }
}

/**
 * docs/rules.md with its rule table replaced by the generated one, and the italic line under each `## rule-id`
 * heading (before the section's first list item) set to the rule's English description.
 */
export function withRuleDocs(doc: string): string {
  const lines = doc.split('\n');
  const start = lines.indexOf(TABLE_HEADER);
  if (start < 0) throw new Error(`docs/rules.md has no line ${TABLE_HEADER}`);
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const out = [...lines.slice(0, start), ...ruleTable(), ...lines.slice(end)];
  const english = englishDescriptions();
  for (let i = 0; i < out.length; i++) {
    const description = /^## ([a-z-]+)$/.exec(out[i]) && english.get(out[i].slice(3));
    if (!description) continue;
    for (let j = i + 1; j < out.length && !out[j].startsWith('- ') && !out[j].startsWith('#'); j++) {
      if (/^\*.+\*$/.test(out[j])) {
        out[j] = `*${description}.*`;
        break;
      }
    }
  }
  return out.join('\n');
}
