import { t } from '../core/i18n';
import type { FileResult } from './types';

/** How many problems the CSV row quotes (errors first, then warnings), so that a spreadsheet cell stays readable. */
const FIRST_PROBLEMS = 3;

/** A CSV field: quoted where it holds a comma, a quote or a line break (RFC 4180); a leading =+-@ defused for spreadsheets. */
function field(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per report for reviewers who work in a spreadsheet: file, 机关, 年度, 格式, errors, warnings, the first
 * problems (line, rule, message) and, where last year's report was among the files, how much of it this one repeats. UTF-8 with a byte order mark, so that Excel and WPS open the Chinese correctly.
 */
export function formatCsv(results: readonly FileResult[]): string {
  const header = [t('文件'), t('机关'), t('年度'), t('格式'), t('错误'), t('警告'), t('主要问题'), t('与上年重复率')];
  const rows = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const warnings = r.findings.filter((f) => f.severity === 'warning');
    const first = [...errors, ...warnings].slice(0, FIRST_PROBLEMS).map((f) => `${f.line}: ${f.rule} ${f.message}`);
    if (r.problem) first.unshift(r.problem);
    const repeated = r.repetition ? `${Math.round(r.repetition.rate * 100)}%` : undefined;
    return [r.file, r.report?.agency, r.report?.year, r.report?.format, errors.length, warnings.length, first.join('\n'), repeated];
  });
  return '\ufeff' + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
