import { checkText, parse, positionAt, repetition, type Diagnostic, type FormatId, type Span, type XxgkDocument } from '../core/index';
import { t } from '../core/i18n';
import { convertedNote } from '../core/text/decode';
import { isImportInput, readAndImport } from './import-input';
import { readReport, type ReadOutcome } from './read';
import { FILE_RULE_ID, INTERNAL_RULE_ID, type CheckTask, type FileFinding, type FileResult, type Place, type RepetitionRate, type RunContext } from './types';

/**
 * Reads and checks one file; never throws, so that one bad file cannot stop a run. A Word file, a web page, a PDF or
 * a text file is imported first (here, so in a worker thread when the run has them) and its import checked: the
 * findings' lines are those of the `.xxgk` that `xxgk import` writes for it. Standard input arrives read, in
 * `task.given`.
 */
export async function checkFile(task: CheckTask, run: RunContext): Promise<FileResult> {
  const read = task.given ?? (isImportInput(task.path) ? await importedText(task.path, task.file) : readReport(task.path, task.file));
  if (read.kind === 'problem') return { file: task.file, findings: [], problem: read.message };
  if (read.kind === 'bad') {
    const at = { line: read.line, column: read.column, endLine: read.line, endColumn: read.column };
    return { file: task.file, findings: [{ ...at, severity: 'error', rule: FILE_RULE_ID, message: read.message }] };
  }
  try {
    const previousYear = task.previousPath ? previousDocument(task.previousPath, task.config?.format) : undefined;
    const { document, diagnostics } = checkText(read.text, { config: task.config, context: { today: run.today, previousYear } });
    if (task.previousOfAnother) keepForNextYear(task.path, task.config?.format, document);
    const findings = diagnostics.map((d) => placeDiagnostic(d, document.lineStarts));
    if (read.encoding === 'gb18030') findings.unshift({ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', rule: FILE_RULE_ID, message: convertedNote() });
    const agency = document.frontMatter?.entries.find((e) => e.canonical === 'agency')?.value;
    const report = { agency: typeof agency === 'string' ? agency : undefined, year: document.year, format: document.format };
    const rate = previousYear ? repetitionRate(document, previousYear, task.previousFile ?? task.previousPath!) : undefined;
    return rate ? { file: task.file, findings, report, repetition: rate } : { file: task.file, findings, report };
  } catch (err) {
    const message = t('内部错误：检查此文件时失败（{0}），请报告此问题', err instanceof Error ? err.message : String(err));
    return { file: task.file, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: INTERNAL_RULE_ID, message }] };
  }
}

/**
 * A file that is not what its name says, or not UTF-8 text, is a finding about it (as for a report); one that cannot
 * be read at all (damaged, encrypted, a scan) is a problem of the run, as a file that cannot be opened is.
 */
async function importedText(path: string, shown: string): Promise<ReadOutcome> {
  const read = await readAndImport(path, shown);
  if (read.kind === 'problem') return read;
  const outcome = read.outcome;
  if (outcome.ok) return { kind: 'text', text: outcome.result.text, encoding: 'utf-8', bom: false };
  if (outcome.at) return { kind: 'bad', message: outcome.message, ...outcome.at };
  return { kind: 'problem', message: t('无法导入 {0}：{1}', shown, outcome.message) };
}

/**
 * Parsed reports that another task reads as its previous year. Files are checked in path order (org-001/2022 just
 * before org-001/2023), so the document is usually here when its successor is checked, and is not read and parsed a
 * second time. Bounded, in case the successor went to another worker.
 */
const kept = new Map<string, XxgkDocument>();
const KEPT_LIMIT = 64;

function keepKey(path: string, format: string | undefined): string {
  return `${format ?? ''}\u0000${path}`;
}

function keepForNextYear(path: string, format: string | undefined, document: XxgkDocument): void {
  if (kept.size >= KEPT_LIMIT) kept.delete(kept.keys().next().value!);
  kept.set(keepKey(path, format), document);
}

function previousDocument(path: string, format: FormatId | undefined): XxgkDocument | undefined {
  const key = keepKey(path, format);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    return hit;
  }
  const previous = readReport(path, path);
  return previous.kind === 'text' ? parse(previous.text, { format }) : undefined;
}

/** The rate the repetition rule compared against its limit (the same computation, kept on the document pair). */
function repetitionRate(document: XxgkDocument, previousYear: XxgkDocument, previous: string): RepetitionRate {
  return { previous, rate: Math.round(repetition(document, previousYear).rate * 1000) / 1000 };
}

function placeDiagnostic(d: Diagnostic, lineStarts: readonly number[]): FileFinding {
  const finding: FileFinding = { ...place(d.span, lineStarts), severity: d.severity, rule: d.rule, message: d.message };
  if (!d.related?.length) return finding;
  return { ...finding, related: d.related.map((r) => ({ ...place(r.span, lineStarts), message: r.message })) };
}

function place(span: Span, lineStarts: readonly number[]): Place {
  const start = positionAt(lineStarts, span.start);
  const end = positionAt(lineStarts, span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Today in local time, as YYYY-MM-DD, for rules about deadlines. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
