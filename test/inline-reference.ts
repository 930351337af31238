/*
 * The inline reader as it was before issue 13 (server/src/core/render/inline.ts at 0950a27): correct, but quadratic
 * on runs of `[`, `*a `, `a<!--`, `http://a)))…`. Kept unchanged (but this note and the import path) as the oracle
 * of the differential test in robust-render.test.ts: the linear reader must give the same nodes on every input
 * that does not nest emphasis and links deeper than the linear reader allows.
 */
import { safeHref } from '../server/src/core/render/escape';

/**
 * Inline Markdown of a paragraph, heading or table cell, read by hand (no HTML passes through): emphasis, code,
 * links (http, https and mailto only), bare URLs, backslash escapes and line breaks. Text nodes keep their source
 * offsets so that diagnostics can be marked on the exact characters.
 */
export type Inline =
  /** `text` is `source.slice(start, end)`, except for an escaped character (`\*`), whose text is the character. */
  | { readonly type: 'text'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: 'code'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly type: 'strong' | 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] }
  /** A line break in the source: `join` is what it reads as ('' between CJK characters, else a space). */
  | { readonly type: 'softbreak'; readonly join: '' | ' '; readonly start: number; readonly end: number }
  | { readonly type: 'break'; readonly start: number; readonly end: number };

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
const URL_CHARS = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const ALNUM = /[A-Za-z0-9]/;

export function isCjk(ch: string | undefined): boolean {
  return !!ch && CJK.test(ch);
}

/** Plain text of inline nodes (soft breaks joined as they read). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') out += n.text;
    else if (n.type === 'softbreak') out += n.join;
    else if (n.type === 'break') out += '\n';
    else out += inlineText(n.children);
  }
  return out;
}

/** Parses `src.slice(from, to)`; offsets in the result are offsets into `src`. */
export function parseInline(src: string, from: number, to: number): Inline[] {
  return new InlineParser(src).parse(from, to);
}

class InlineParser {
  constructor(private readonly src: string) {}

  parse(from: number, to: number): Inline[] {
    const src = this.src;
    const out: Inline[] = [];
    let textStart = from;
    const flush = (at: number) => {
      if (at > textStart) pushText(out, src.slice(textStart, at), textStart, at);
    };
    let i = from;
    while (i < to) {
      const c = src[i];
      if (c === '\\' && i + 1 < to && ASCII_PUNCT.test(src[i + 1])) {
        flush(i);
        out.push({ type: 'text', text: src[i + 1], start: i, end: i + 2 });
        i += 2;
        textStart = i;
        continue;
      }
      if (c === '\n' || (c === '\r' && src[i + 1] === '\n') || (c === '\\' && isLineEnd(src, i + 1, to))) {
        const r = this.lineBreak(out, textStart, i, to);
        i = r;
        textStart = i;
        continue;
      }
      if (c === '`') {
        const r = this.code(i, to);
        if (r) {
          flush(i);
          out.push(r.node);
          i = textStart = r.end;
          continue;
        }
        i = skipRun(src, i, to, '`');
        continue;
      }
      if (c === '*' || c === '_') {
        const r = this.emphasis(i, to);
        if (r) {
          flush(i);
          out.push(r.node);
          i = textStart = r.end;
          continue;
        }
        i = skipRun(src, i, to, c);
        continue;
      }
      if (c === '[' || (c === '!' && src[i + 1] === '[')) {
        // An image (![alt](src)) is never loaded: it reads as a link to the picture, its alt text the link text.
        const r = this.link(c === '!' ? i + 1 : i, to);
        if (r) {
          flush(i);
          if (r.href) out.push({ type: 'link', href: r.href, children: r.children });
          else out.push(...r.children);
          i = textStart = r.end;
          continue;
        }
      }
      if (c === '<' && src.startsWith('<!--', i)) {
        // A comment is the author's note to themselves: it is not printed.
        const close = src.indexOf('-->', i + 4);
        if (close >= 0 && close + 3 <= to) {
          flush(i);
          i = textStart = close + 3;
          continue;
        }
      }
      if (c === '<') {
        const r = this.autolink(i, to);
        if (r) {
          flush(i);
          out.push(r.node);
          i = textStart = r.end;
          continue;
        }
      }
      if ((c === 'h' || c === 'H') && !ALNUM.test(src[i - 1] ?? '') && /^https?:\/\//i.test(src.slice(i, i + 8))) {
        const end = bareUrlEnd(src, i, to);
        const href = end > i ? safeHref(src.slice(i, end)) : undefined;
        if (href) {
          flush(i);
          out.push({ type: 'link', href, children: [{ type: 'text', text: src.slice(i, end), start: i, end }] });
          i = textStart = end;
          continue;
        }
      }
      i++;
    }
    flush(to);
    return out;
  }

  /** A line break at `at` (`\n`, `\r\n`, or a backslash before one): hard after two spaces or a backslash, else soft. */
  private lineBreak(out: Inline[], textStart: number, at: number, to: number): number {
    const src = this.src;
    let before = at;
    const backslash = src[at] === '\\';
    while (before > textStart && (src[before - 1] === ' ' || src[before - 1] === '\t')) before--;
    const hard = backslash || at - before >= 2;
    if (before > textStart) pushText(out, src.slice(textStart, before), textStart, before);
    let next = backslash ? at + 1 : at;
    if (src[next] === '\r') next++;
    if (src[next] === '\n') next++;
    while (next < to && (src[next] === ' ' || src[next] === '\t')) next++;
    if (next >= to) return to; // a break at the very end reads as nothing
    if (hard) out.push({ type: 'break', start: before, end: next });
    else {
      const prev = lastChar(out);
      const join = isCjk(prev) || isCjk(src[next]) ? '' : ' ';
      out.push({ type: 'softbreak', join, start: before, end: next });
    }
    return next;
  }

  private code(i: number, to: number): { node: Inline; end: number } | undefined {
    const src = this.src;
    const open = skipRun(src, i, to, '`') - i;
    for (let j = i + open; j < to; ) {
      if (src[j] !== '`') {
        j++;
        continue;
      }
      const run = skipRun(src, j, to, '`');
      if (run - j === open) {
        let text = src.slice(i + open, j).replace(/\r?\n/g, ' ');
        if (text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim()) text = text.slice(1, -1);
        return { node: { type: 'code', text, start: i, end: run }, end: run };
      }
      j = run;
    }
    return undefined;
  }

  /** `**strong**`, `__strong__`, `*em*`, `_em_`; runs of three or more (fill-in blanks ____) stay text. */
  private emphasis(i: number, to: number): { node: Inline; end: number } | undefined {
    const src = this.src;
    const d = src[i];
    const runEnd = skipRun(src, i, to, d);
    const n = runEnd - i;
    if (n > 2) return undefined;
    if (isSpace(src[runEnd]) || runEnd >= to) return undefined;
    if (d === '_' && ALNUM.test(src[i - 1] ?? '')) return undefined;
    for (let j = runEnd; j < to; ) {
      if (src[j] === '\\') {
        j += 2;
        continue;
      }
      if (src[j] === '`') {
        const c = this.code(j, to);
        j = c ? c.end : skipRun(src, j, to, '`');
        continue;
      }
      if (src[j] !== d) {
        j++;
        continue;
      }
      const close = skipRun(src, j, to, d);
      const m = close - j;
      const closes = m === n && !isSpace(src[j - 1]) && !(d === '_' && ALNUM.test(src[close] ?? ''));
      if (closes && j > runEnd) {
        const children = this.parse(runEnd, j);
        return { node: { type: n === 2 ? 'strong' : 'em', children }, end: close };
      }
      j = close;
    }
    return undefined;
  }

  /** `[text](target "title")`; an unsafe target leaves the text, unlinked. */
  private link(i: number, to: number): { href?: string; children: Inline[]; end: number } | undefined {
    const src = this.src;
    let depth = 0;
    let close = -1;
    for (let j = i; j < to; j++) {
      const c = src[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0 || src[close + 1] !== '(') return undefined;
    let parens = 0;
    let end = -1;
    for (let j = close + 2; j < to; j++) {
      const c = src[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '(') parens++;
      else if (c === ')') {
        if (parens === 0) {
          end = j;
          break;
        }
        parens--;
      } else if (c === '\n') break;
    }
    if (end < 0) return undefined;
    const inside = src.slice(close + 2, end).trim();
    const dest = inside.startsWith('<') ? inside.slice(1, inside.indexOf('>') >= 0 ? inside.indexOf('>') : undefined) : inside.split(/\s+/)[0] ?? '';
    const children = this.parse(i + 1, close);
    return { href: safeHref(dest), children, end: end + 1 };
  }

  /** `<https://…>` or `<mailto:…>`; any other `<…>` is text (raw HTML is never passed through). */
  private autolink(i: number, to: number): { node: Inline; end: number } | undefined {
    const m = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/.exec(this.src.slice(i, Math.min(to, i + 2048)));
    if (!m) return undefined;
    const href = safeHref(m[1]);
    if (!href) return undefined;
    const start = i + 1;
    return { node: { type: 'link', href, children: [{ type: 'text', text: m[1], start, end: start + m[1].length }] }, end: i + m[0].length };
  }
}

function pushText(out: Inline[], text: string, start: number, end: number): void {
  const last = out[out.length - 1];
  if (last && last.type === 'text' && last.end === start && last.text.length === last.end - last.start) {
    out[out.length - 1] = { type: 'text', text: last.text + text, start: last.start, end };
  } else out.push({ type: 'text', text, start, end });
}

function lastChar(nodes: readonly Inline[]): string | undefined {
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k];
    if (n.type === 'break') return undefined;
    const text = inlineText([n]);
    if (text) return text[text.length - 1];
  }
  return undefined;
}

function skipRun(src: string, i: number, to: number, ch: string): number {
  let j = i;
  while (j < to && src[j] === ch) j++;
  return j;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function isLineEnd(src: string, i: number, to: number): boolean {
  return i < to && (src[i] === '\n' || (src[i] === '\r' && src[i + 1] === '\n'));
}

/** End of a bare URL: ASCII URL characters, less trailing punctuation and an unbalanced closing parenthesis. */
function bareUrlEnd(src: string, i: number, to: number): number {
  let j = i;
  while (j < to && URL_CHARS.test(src[j])) j++;
  while (j > i) {
    const c = src[j - 1];
    if (/[.,;:!?'"*_]/.test(c)) j--;
    else if (c === ')' && count(src.slice(i, j), '(') < count(src.slice(i, j), ')')) j--;
    else break;
  }
  return /^https?:\/\/./i.test(src.slice(i, j)) ? j : i;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
