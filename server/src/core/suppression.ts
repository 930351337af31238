import type { XxgkDocument } from './ast';
import type { Rule } from './rules/types';
import { lineOf } from './text/lines';

/**
 * markdownlint-style suppression: `<!-- xxgk-disable-next-line RULE -->` silences the next line;
 * `<!-- xxgk-disable RULE -->` … `<!-- xxgk-enable RULE -->` a region. No rule named means every rule; a rule's
 * former id (`prose-table`) names every rule split from it.
 */
export function suppressionFilter(doc: XxgkDocument): (rule: Pick<Rule, 'id' | 'formerId'>, offset: number) => boolean {
  if (doc.directives.length === 0) return () => false;
  const nextLine = new Map<number, readonly string[]>();
  // Regions: for each directive in order, the offset from which it applies.
  const toggles = doc.directives.filter((d) => d.kind !== 'disable-next-line');
  for (const d of doc.directives) if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, d.rules);
  const names = (rules: readonly string[], rule: Pick<Rule, 'id' | 'formerId'>) =>
    rules.length === 0 || rules.includes(rule.id) || (rule.formerId !== undefined && rules.includes(rule.formerId));
  return (rule, offset) => {
    if (nextLine.size) {
      const rules = nextLine.get(lineOf(doc.lineStarts, offset));
      if (rules && names(rules, rule)) return true;
    }
    let disabled = false;
    for (const d of toggles) {
      if (d.span.start > offset) break;
      if (names(d.rules, rule)) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}
