import { t } from '../core/i18n';
import type { Severity } from '../core/index';
import { countFindings } from './summary';
import type { FileResult } from './types';

const RESET = '\x1b[0m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const SEVERITY_COLOUR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

/**
 * One `file:line:col severity rule message` line per finding, related places indented below, then a summary; a report
 * checked with last year's report of the same agency first gets a line with its repetition rate.
 */
export function formatText(results: readonly FileResult[], colour: boolean): string {
  const paint = (code: string, s: string) => (colour ? code + s + RESET : s);
  const lines: string[] = [];
  for (const r of results) {
    const file = printable(r.file);
    if (r.repetition) {
      const rate = `${Math.round(r.repetition.rate * 100)}%`;
      lines.push(`${paint(BOLD, file)} ${paint(DIM, t('与上一年度年报 {0} 的重复率 {1}', printable(r.repetition.previous), rate))}`);
    }
    for (const f of r.findings) {
      const where = paint(BOLD, `${file}:${f.line}:${f.column}`);
      lines.push(`${where} ${paint(SEVERITY_COLOUR[f.severity], f.severity)} ${paint(DIM, f.rule)} ${printable(oneLine(f.message))}`);
      for (const rel of f.related ?? []) {
        lines.push(paint(DIM, `    ${t('相关：')}${file}:${rel.line}:${rel.column} ${printable(oneLine(rel.message))}`));
      }
    }
  }
  const c = countFindings(results);
  const summary = t('检查了 {0} 个文件：{1} 个错误，{2} 个警告，{3} 个提示', c.files, c.errors, c.warnings, c.notes);
  lines.push(paint(c.errors ? SEVERITY_COLOUR.error : DIM, summary));
  return lines.join('\n') + '\n';
}

/** Keeps one finding on one line, so that grep and problem matchers see it whole. */
function oneLine(message: string): string {
  // A match starts only where a run of white space starts (the lookbehind): tried from inside a run without a line
  // break, `\s*\r?\n` rescanned the run from every position, and a message quoting 100,000 spaces took 50 s.
  return message.replace(/(?<!\s)\s*\r?\n\s*/g, ' ');
}

/**
 * Control characters shown, not obeyed: a message quotes the report's text and a file name is the user's, and an
 * escape sequence in either (`ESC]0;…BEL` sets the terminal's title, `ESC[2J` clears it) reached the terminal raw.
 * C0 controls and DEL become their Unicode pictures (␛), C1 and bidirectional controls as `\u009b`, `\u202e`.
 */
export function printable(text: string): string {
  // Bidirectional overrides and isolates too: they reorder what the terminal shows (a name that reads backwards).
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces it. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}
