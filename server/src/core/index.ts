/** The pure core of xxgk: parser, format data, rules and checker. No `vscode` import here or below. */
export * from './ast';
export * from './formats/index';
export * from './config';
export * from './check';
export { parse, type ParseOptions } from './parser/document';
export { FORMER_RULE_IDS, isRuleName, RULES, ruleById } from './rules/index';
export { fixAll, applyEdits, MAX_FIX_ROUNDS, type FixAllResult } from './fix-all';
export type { Diagnostic, Edit, Finding, Fix, FormatScope, Rule, RuleContext, Severity } from './rules/types';
export { ruleApplies, SEVERITIES } from './rules/types';
export { computeLineStarts, lineContentEnd, positionAt, offsetAt, type Position } from './text/lines';
export { headingEnds } from './heading-ends';
export * as decimal from './text/decimal';
export { setLocale, t } from './i18n';
export { repetition, type Repetition } from './prose/repetition';
