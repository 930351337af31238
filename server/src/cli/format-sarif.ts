import type { Severity } from '../core/index';
import { t } from '../core/i18n';
import { FILE_RULE_ID, INTERNAL_RULE_ID, type FileFinding, type FileResult, type Place } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/xxgk/xxgk';
const RULES_DOC = `${INFORMATION_URI}/blob/main/docs/rules.md`;

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  /** The id the rule was split from (prose-table), given to SARIF viewers as a deprecated id. */
  readonly formerId?: string;
}

/** Findings the CLI itself makes, listed so that every result's ruleIndex points at a rule. */
const cliRules = (): readonly RuleInfo[] => [
  { id: FILE_RULE_ID, severity: 'error', description: t('文件可以作为年报读取（非空，UTF-8 或 GBK/GB18030 编码）') },
  { id: INTERNAL_RULE_ID, severity: 'error', description: t('检查器内部错误') },
];

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  readonly version: string;
  readonly rules: readonly RuleInfo[];
  /** I/O problems (files skipped, paths not found), reported as tool notifications. */
  readonly problems: readonly string[];
}

/** SARIF 2.1.0 log with one run; columns count UTF-16 code units, as the core's offsets do. */
export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const rules = [...options.rules, ...cliRules().filter((c) => !options.rules.some((r) => r.id === c.id))];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (id: string) => {
    // A rule id the list does not know (a core rule added under another name) still gets an entry.
    if (!index.has(id)) {
      index.set(id, rules.length);
      rules.push({ id, severity: 'warning', description: id });
    }
    return index.get(id)!;
  };

  const sarifResults = results.flatMap((r) => r.findings.map((f) => result(r.file, f, ruleIndex(f.rule))));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'xxgk',
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: options.problems.length === 0,
            toolExecutionNotifications: options.problems.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        // Per report checked with last year's report of the same agency: how much of it repeats that one (0–1).
        ...(results.some((r) => r.repetition)
          ? { properties: { repetition: results.flatMap((r) => (r.repetition ? [{ file: toUri(r.file), previous: toUri(r.repetition.previous), rate: r.repetition.rate }] : [])) } }
          : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: RuleInfo) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: `${RULES_DOC}#${rule.id}`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    ...(rule.formerId === undefined ? {} : { deprecatedIds: [rule.formerId] }),
  };
}

function result(file: string, f: FileFinding, ruleIndex: number) {
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(file, f)],
    ...(f.related?.length
      ? { relatedLocations: f.related.map((rel, id) => ({ id, ...location(file, rel), message: { text: rel.message } })) }
      : {}),
  };
}

function location(file: string, p: Place) {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(file) },
      region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
    },
  };
}

/** A relative URI reference: segments percent-encoded (Chinese file names, spaces, #), slashes kept. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
