import { safeHref } from './escape';
import { closesAt, seek, stopsOf } from './stops';
import { append } from '../arrays';

/**
 * Inline Markdown of a paragraph, heading or table cell, read by hand (no HTML passes through): emphasis, code,
 * links (http, https and mailto only), bare URLs, backslash escapes and line breaks. Text nodes keep their source
 * offsets so that diagnostics can be marked on the exact characters.
 *
 * The reader takes time proportional to the text: where a construct needs its closing delimiter (a code span, an
 * emphasis, a link's `]` and `)`, a comment's `-->`), the closers of the whole range are found in one pass the
 * first time one is asked for, never by scanning ahead from every opener. Emphasis and links nest at most
 * MAX_NESTING deep; deeper, their delimiters read as text, so no input makes the reader (or a renderer walking its
 * nodes) recurse without bound.
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

/** How deep emphasis and links nest before their delimiters read as text (no real report comes near). */
export const MAX_NESTING = 10;

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
const URL_CHARS = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const URL_TRAILING = /[.,;:!?'"*_]/;
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
  const start = Math.max(0, from);
  const end = Math.min(src.length, to);
  if (end <= start) return [];
  // Most ranges (a table cell, a figure, a plain sentence) start no construct: their text, without a reader.
  if (!mayStartConstruct(src, start, end)) return [{ type: 'text', text: src.slice(start, end), start, end }];
  return new Scope(src, start, end, 0).parse();
}

/** Whether src[from, to) holds a character that can start a construct: `\` a line break `` ` `` `*` `_` `[` `<` `h` `H`. */
function mayStartConstruct(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (src.charCodeAt(i)) {
      case 0x5c: case 0x0a: case 0x0d: case 0x60: case 0x2a: case 0x5f: case 0x5b: case 0x3c: case 0x68: case 0x48:
        return true;
    }
  }
  return false;
}

/**
 * One range being read (the whole text, or the inside of an emphasis or a link's text), with the closers of the
 * range, each table computed on first use in one pass over the range (the link tables once, for the outermost
 * range). Every scope of one nesting level covers a different part of the text, so the work is at most MAX_NESTING
 * passes over it, and the tables hold an entry only per delimiter, bracket, parenthesis, backslash or line feed.
 */
class Scope {
  private out: Inline[] = [];
  /**
   * What the text read so far ends with, as a soft break asks for it: the last character, `null` after a hard break
   * (no character to join with), `undefined` while nothing has been read.
   */
  private tail: string | null | undefined;
  /** The last character of `inlineText(out)` (a hard break reads as a newline). */
  private textTail: string | undefined;

  private backtickRuns?: Map<number, number[]>;
  /** Made on the scope's first emphasis (most scopes, the text of one `**a**`, have none: a map each was garbage). */
  private emphasisClosers?: Map<string, Stops>;
  private commentFrom = -1;
  private commentAt = -1;
  private urlFrom = -1;
  private urlEnd = -1;

  constructor(
    private readonly src: string,
    private readonly from: number,
    private readonly to: number,
    private readonly depth: number,
    /** What every range of one reading shares: the outermost range and its link tables. */
    private readonly shared: Shared = { from, to },
  ) {}

  parse(): Inline[] {
    const { src, to } = this;
    let textStart = this.from;
    const flush = (at: number) => {
      if (at > textStart) this.pushText(src.slice(textStart, at), textStart, at);
    };
    let i = this.from;
    while (i < to) {
      const c = src[i];
      if (c === '\\' && i + 1 < to && ASCII_PUNCT.test(src[i + 1])) {
        flush(i);
        this.push({ type: 'text', text: src[i + 1], start: i, end: i + 2 });
        i += 2;
        textStart = i;
        continue;
      }
      if (c === '\n' || (c === '\r' && src[i + 1] === '\n') || (c === '\\' && isLineEnd(src, i + 1, to))) {
        i = textStart = this.lineBreak(textStart, i);
        continue;
      }
      if (c === '`') {
        const r = this.code(i);
        if (r) {
          flush(i);
          this.push(r.node);
          i = textStart = r.end;
          continue;
        }
        i = skipRun(src, i, to, '`');
        continue;
      }
      if (c === '*' || c === '_') {
        const r = this.emphasis(i);
        if (r) {
          flush(i);
          this.push(r.node, r.scope);
          i = textStart = r.end;
          continue;
        }
        i = skipRun(src, i, to, c);
        continue;
      }
      if (c === '[' || (c === '!' && src[i + 1] === '[')) {
        // An image (![alt](src)) is never loaded: it reads as a link to the picture, its alt text the link text.
        const r = this.link(c === '!' ? i + 1 : i);
        if (r) {
          flush(i);
          if (r.href) this.push({ type: 'link', href: r.href, children: r.scope.out }, r.scope);
          else this.splice(r.scope);
          i = textStart = r.end;
          continue;
        }
      }
      if (c === '<' && src.startsWith('<!--', i)) {
        // A comment is the author's note to themselves: it is not printed.
        const close = this.commentClose(i + 4);
        if (close >= 0) {
          flush(i);
          i = textStart = close + 3;
          continue;
        }
      }
      if (c === '<') {
        const r = this.autolink(i);
        if (r) {
          flush(i);
          this.push(r.node);
          i = textStart = r.end;
          continue;
        }
      }
      if ((c === 'h' || c === 'H') && !ALNUM.test(src[i - 1] ?? '') && /^https?:\/\//i.test(src.slice(i, i + 8))) {
        const end = this.bareUrlEnd(i);
        const href = end > i ? safeHref(src.slice(i, end)) : undefined;
        if (href) {
          flush(i);
          this.push({ type: 'link', href, children: [{ type: 'text', text: src.slice(i, end), start: i, end }] });
          i = textStart = end;
          continue;
        }
      }
      i++;
    }
    flush(to);
    // The inside of an emphasis or a link is short, and its array kept: cut to its length (a first push gives room
    // for 16; `**a**` repeated over 1 MB kept 166,000 such arrays alive through every collection of the page).
    if (this.depth > 0 && this.out.length < 16) this.out = this.out.slice();
    return this.out;
  }

  // ---- the nodes read so far, and what they end with ----

  private push(node: Inline, inner?: Scope): void {
    this.out.push(node);
    if (node.type === 'break') {
      this.tail = null;
      this.textTail = '\n';
    } else if (node.type === 'text' || node.type === 'code') this.ends(node.text[node.text.length - 1]);
    else if (node.type === 'softbreak') this.ends(node.join || undefined);
    else if (inner) this.ends(inner.textTail);
    else this.ends(inlineText(node.children).slice(-1) || undefined);
  }

  /** The nodes of an inner scope taken as this scope's own (the text of a link whose target is refused). */
  private splice(inner: Scope): void {
    append(this.out, inner.out);
    if (inner.tail !== undefined) this.tail = inner.tail;
    if (inner.textTail !== undefined) this.textTail = inner.textTail;
  }

  private ends(ch: string | undefined): void {
    if (ch === undefined) return;
    this.tail = ch;
    this.textTail = ch;
  }

  private pushText(text: string, start: number, end: number): void {
    const out = this.out;
    const last = out[out.length - 1];
    if (last && last.type === 'text' && last.end === start && last.text.length === last.end - last.start) {
      out[out.length - 1] = { type: 'text', text: last.text + text, start: last.start, end };
    } else out.push({ type: 'text', text, start, end });
    this.ends(text[text.length - 1]);
  }

  /** A line break at `at` (`\n`, `\r\n`, or a backslash before one): hard after two spaces or a backslash, else soft. */
  private lineBreak(textStart: number, at: number): number {
    const { src, to } = this;
    let before = at;
    const backslash = src[at] === '\\';
    while (before > textStart && (src[before - 1] === ' ' || src[before - 1] === '\t')) before--;
    const hard = backslash || at - before >= 2;
    if (before > textStart) this.pushText(src.slice(textStart, before), textStart, before);
    let next = backslash ? at + 1 : at;
    if (src[next] === '\r') next++;
    if (src[next] === '\n') next++;
    while (next < to && (src[next] === ' ' || src[next] === '\t')) next++;
    if (next >= to) return to; // a break at the very end reads as nothing
    if (hard) this.push({ type: 'break', start: before, end: next });
    else {
      const prev = this.tail ?? undefined;
      const join = isCjk(prev) || isCjk(src[next]) ? '' : ' ';
      this.push({ type: 'softbreak', join, start: before, end: next });
    }
    return next;
  }

  // ---- code spans ----

  /** A code span opening at `i` (a run of backticks, or the rest of one): up to the next run of the same length. */
  private code(i: number): { node: Inline; end: number } | undefined {
    const src = this.src;
    const openEnd = skipRun(src, i, this.to, '`');
    const close = this.codeClose(openEnd, openEnd - i);
    if (close < 0) return undefined;
    const end = close + (openEnd - i);
    let text = src.slice(openEnd, close).replace(/\r?\n/g, ' ');
    if (text.length > 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim()) text = text.slice(1, -1);
    return { node: { type: 'code', text, start: i, end }, end };
  }

  /** Start of the first whole run of exactly `length` backticks at or after `at`, or -1. */
  private codeClose(at: number, length: number): number {
    if (!this.backtickRuns) {
      const runs = new Map<number, number[]>();
      const { src, to } = this;
      for (let j = this.from; j < to; ) {
        if (src[j] !== '`') {
          j++;
          continue;
        }
        const end = skipRun(src, j, to, '`');
        const list = runs.get(end - j);
        if (list) list.push(j);
        else runs.set(end - j, [j]);
        j = end;
      }
      this.backtickRuns = runs;
    }
    const starts = this.backtickRuns.get(length);
    if (!starts) return -1;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] : -1;
  }

  // ---- emphasis ----

  /** `**strong**`, `__strong__`, `*em*`, `_em_`; runs of three or more (fill-in blanks ____) stay text. */
  private emphasis(i: number): { node: Inline; scope: Scope; end: number } | undefined {
    if (this.depth >= MAX_NESTING) return undefined;
    const { src, to } = this;
    const d = src[i];
    const runEnd = skipRun(src, i, to, d);
    const n = runEnd - i;
    if (n > 2) return undefined;
    if (isSpace(src[runEnd]) || runEnd >= to) return undefined;
    if (d === '_' && ALNUM.test(src[i - 1] ?? '')) return undefined;
    const close = this.emphasisCloser(d, n, runEnd);
    if (close < 0) return undefined;
    const scope = this.inner(runEnd, close);
    return { node: { type: n === 2 ? 'strong' : 'em', children: scope.out }, scope, end: close + n };
  }

  /**
   * Where an emphasis of `n` delimiters `d` whose text starts at `at` closes: the first run of exactly n delimiters
   * after a non-space (for `_`, not followed by a letter or digit) that a scan from `at` reaches, stepping over
   * escapes (`\x`), code spans and other runs of d; -1 if none. The answers are computed in one pass from the end
   * of the range, kept only at the characters where a scan can do anything but step on (d, `\`, backtick): from any
   * other position the scan walks on to the next of those.
   */
  private emphasisCloser(d: string, n: number, at: number): number {
    const key = d + n;
    const closers = (this.emphasisClosers ??= new Map<string, Stops>());
    let table = closers.get(key);
    if (!table) {
      table = this.emphasisTable(d, n);
      closers.set(key, table);
    }
    const k = (table.last = seek(table.stops, at, table.last));
    return k < table.stops.length ? table.closes[k] : -1;
  }

  private emphasisTable(d: string, n: number): Stops {
    const { src, from, to } = this;
    const stops = stopsOf(src, from, to, d + '\\`');
    const closes = new Int32Array(stops.length);
    const count = stops.length;
    // The answer at the first stop at or after q (q beyond the range: none); `k` is a stop index at or before q.
    const after = (q: number, k: number) => {
      if (q >= to) return -1;
      while (k < count && stops[k] < q) k++;
      return k < count ? closes[k] : -1;
    };
    let runEnd = to; // end of the run of d or of backticks the stop is in
    for (let k = count - 1; k >= 0; k--) {
      const p = stops[k];
      const c = src[p];
      if (!(k + 1 < count && stops[k + 1] === p + 1 && src[p + 1] === c)) runEnd = p + 1;
      let found: number;
      if (c === d) {
        const closer = runEnd - p === n && !isSpace(src[p - 1]) && !(d === '_' && ALNUM.test(src[runEnd] ?? ''));
        found = closer ? p : after(runEnd, k + (runEnd - p));
      } else if (c === '\\') found = after(p + 2, k + 1);
      else {
        // A code span opening here (the rest of the run) is stepped over whole; else the run.
        const close = this.codeClose(runEnd, runEnd - p);
        const next = close < 0 ? runEnd : close + (runEnd - p);
        found = close < 0 ? after(next, k + (runEnd - p)) : next >= to ? -1 : closesAt(stops, closes, next);
      }
      closes[k] = found;
    }
    return { stops, closes, last: 0 };
  }

  // ---- links ----

  /** `[text](target "title")`; an unsafe target leaves the text, unlinked. */
  private link(i: number): { href?: string; scope: Scope; end: number } | undefined {
    if (this.depth >= MAX_NESTING || i >= this.to) return undefined;
    const src = this.src;
    const tables = this.linkClosers();
    // The tables are those of the outermost range: a closer at or past this range's end is none here.
    const at = (tables.last = seek(tables.stops, i, tables.last));
    const close = at < tables.stops.length ? tables.bracket[at] : -1;
    if (close < 0 || close >= this.to || src[close + 1] !== '(' || close + 2 >= this.to) return undefined;
    const k = seek(tables.stops, close + 2, at);
    const end = k < tables.stops.length ? tables.paren[k] : -1;
    if (end < 0 || end >= this.to) return undefined;
    const inside = src.slice(close + 2, end).trim();
    const dest = inside.startsWith('<') ? inside.slice(1, inside.indexOf('>') >= 0 ? inside.indexOf('>') : undefined) : inside.split(/\s+/)[0] ?? '';
    const scope = this.inner(i + 1, close);
    return { href: safeHref(dest), scope, end: end + 1 };
  }

  /**
   * In one pass over the outermost range, stepping over escapes (`\x`) as a link's scans do, kept at the characters
   * that matter to them (`[ ] ( ) \` and line feeds): for each `[`, its matching `]`; for each, the `)` that closes a
   * target a scan reaches it from (parentheses inside balanced, no line break between); -1 where there is none.
   * A scan inside an inner range reads the same characters up to its end, so every range shares these tables.
   */
  private linkClosers(): LinkTables {
    if (this.shared.links) return this.shared.links;
    const { src } = this;
    const { from, to } = this.shared;
    const stops = stopsOf(src, from, to, '[]()\\\n');
    const count = stops.length;
    const bracket = new Int32Array(count).fill(-1);
    const paren = new Int32Array(count).fill(-1);
    const level = new Int32Array(count); // open parentheses before the stop, less closed ones
    const seen = new Uint8Array(count); // 1 where the scan looks at the character (it is not escaped)
    const open = new Int32Array(count); // indexes of the `[` not matched yet, a stack
    let opened = 0;
    let depth = 0;
    let escaped = -1;
    for (let k = 0; k < count; k++) {
      const p = stops[k];
      if (p === escaped) continue;
      const c = src[p];
      seen[k] = 1;
      level[k] = depth;
      if (c === '\\') escaped = p + 1;
      else if (c === '[') open[opened++] = k;
      else if (c === ']') {
        if (opened > 0) bracket[open[--opened]] = p;
      } else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    // From the end: the nearest `)` at each level, forgotten at a line break (a target does not cross one).
    let nearest = new Map<number, number>();
    for (let k = count - 1; k >= 0; k--) {
      if (!seen[k]) continue;
      const c = src[stops[k]];
      if (c === '\n') {
        nearest = new Map();
        continue;
      }
      if (c === ')') nearest.set(level[k], stops[k]);
      paren[k] = nearest.get(level[k]) ?? -1;
    }
    this.shared.links = { stops, bracket, paren, last: 0 };
    return this.shared.links;
  }

  // ---- comments, autolinks, bare URLs ----

  /** Start of the first `-->` at or after `at` that ends inside the range, or -1. */
  private commentClose(at: number): number {
    if (this.commentFrom >= 0 && this.commentFrom <= at && (this.commentAt < 0 || this.commentAt >= at)) return this.commentAt;
    const { src, to } = this;
    let found = -1;
    for (let p = at; p + 3 <= to; p++) {
      if (src.charCodeAt(p) === 0x2d && src.charCodeAt(p + 1) === 0x2d && src.charCodeAt(p + 2) === 0x3e) {
        found = p;
        break;
      }
    }
    this.commentFrom = at;
    this.commentAt = found;
    return found;
  }

  /** `<https://…>` or `<mailto:…>`; any other `<…>` is text (raw HTML is never passed through). */
  private autolink(i: number): { node: Inline; end: number } | undefined {
    const m = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/.exec(this.src.slice(i, Math.min(this.to, i + 2048)));
    if (!m) return undefined;
    const href = safeHref(m[1]);
    if (!href) return undefined;
    const start = i + 1;
    return { node: { type: 'link', href, children: [{ type: 'text', text: m[1], start, end: start + m[1].length }] }, end: i + m[0].length };
  }

  /**
   * End of a bare URL starting at `i` (`http://` or `https://`): ASCII URL characters, less trailing punctuation and
   * unbalanced closing parentheses; `i` when what is left is no URL to link. The run of URL characters is found once
   * for every start inside it, and a URL whose host starts with `/` is refused before anything is trimmed.
   */
  private bareUrlEnd(i: number): number {
    const { src, to } = this;
    if (!(this.urlFrom <= i && i < this.urlEnd)) {
      let j = i;
      while (j < to && URL_CHARS.test(src[j])) j++;
      this.urlFrom = i;
      this.urlEnd = j;
    }
    let j = this.urlEnd;
    const host = i + (src[i + 4] === 's' || src[i + 4] === 'S' ? 8 : 7);
    if (host >= j || src[host] === '/') return i;
    let opens = 0;
    let closes = 0;
    for (let k = i; k < j; k++) {
      if (src[k] === '(') opens++;
      else if (src[k] === ')') closes++;
    }
    while (j > i) {
      const c = src[j - 1];
      if (URL_TRAILING.test(c)) j--;
      else if (c === ')' && opens < closes) {
        j--;
        closes--;
      } else break;
    }
    return j > host ? j : i;
  }

  private inner(from: number, to: number): Scope {
    const scope = new Scope(this.src, from, to, this.depth + 1, this.shared);
    scope.parse();
    return scope;
  }
}

/** Positions of the characters a scan stops at (ascending), with an answer for each. */
interface Stops {
  readonly stops: Int32Array;
  readonly closes: Int32Array;
  /** The index the last lookup found (where the next one starts: see seek). */
  last: number;
}

interface LinkTables {
  readonly stops: Int32Array;
  /** At a `[`: its matching `]`, or -1. */
  readonly bracket: Int32Array;
  /** The `)` closing a link target that a scan reaches this stop from, or -1. */
  readonly paren: Int32Array;
  /** The index the last lookup found (where the next one starts: see seek). */
  last: number;
}

interface Shared {
  readonly from: number;
  readonly to: number;
  links?: LinkTables;
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
