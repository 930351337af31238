import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * A page parsed as htmlparser2's `Parser` parses it (HTML mode, entities decoded, tag and attribute names lower-cased,
 * `<x/>` closing x), its events given to a handler, but on htmlparser2's `Tokenizer` directly: the Parser builds the
 * value of every attribute (a page's styles, its inline images) and keeps its stack by `unshift`, which together cost
 * a third of its time on a report page. Here only the values the reader asks for are built.
 *
 * What the Parser adds to the tokens, and this repeats: end tags implied by a start tag (`<td>` ends an open `<td>`,
 * `<p>` a `<p>`: openImpliesClose), void elements closed as they open, an end tag closing every element opened
 * after the one it names, `</p>` with no `<p>` open giving an empty one, `</br>` a `<br>`, and every element still
 * open at the end closed. (Its foreign-content rule only decides whether `<x/>` closes x, which it always does here.)
 */

/** The Parser's handler as the reader uses it. */
export interface HtmlHandler {
  onopentagname(name: string): void;
  /** Only for the attributes asked for (by their lower-cased name). */
  onattribute(name: string, value: string): void;
  ontext(text: string): void;
  onclosetag(): void;
}

/**
 * What an element of a page's body closes: an open `<p>`, and a `<head>` never closed (`<head><title>…</title><h1>`
 * with no `</head>` and no `<body>`, which HTML allows and browsers show; its whole text was read as the head's).
 */
const P_HEAD = new Set(['p', 'head']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const SECTION = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** htmlparser2's openImpliesClose (Parser.ts), and a body element closes an unclosed head as browsers do. */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, P_HEAD] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as const),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT],
  ['dt', DDT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, P_HEAD] as const,
  ),
  ['rt', RTP],
  ['rp', RTP],
  ['tbody', SECTION],
  ['tfoot', SECTION],
]);
/** What a page's head holds (anything else starts its body). */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'basefont', 'bgsound', 'noscript', 'template', 'head']);
/** htmlparser2's voidElements. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Tag names pages are made of, found without making a string of each: a slice of the page is a new string, and each
 * lookup of a new string hashes it. Bucketed by length and first letter.
 */
const COMMON = [
  ...OPEN_IMPLIES_CLOSE.keys(),
  ...VOID,
  ...['id', 'class', 'role', 'rowspan', 'colspan'],
  ...['a', 'b', 'i', 'u', 's', 'em', 'strong', 'span', 'font', 'title', 'head', 'html', 'script', 'style', 'caption', 'colgroup', 'sup', 'sub', 'label', 'small', 'big', 'center', 'o:p', 'iframe', 'noscript', 'svg', 'path', 'nobr', 'tt', 'ins', 'del', 'strike', 'code', 'abbr', 'cite', 'time', 'picture', 'video', 'canvas', 'object', 'template', 'menu', 'thead', 'tbody', 'tfoot'],
];
const BY_SHAPE: string[][] = [];
for (const name of new Set(COMMON)) (BY_SHAPE[shapeOf(name.length, name.charCodeAt(0))] ??= []).push(name);

function shapeOf(length: number, first: number): number {
  return length * 128 + ((first | 0x20) & 0x7f);
}

/** The page's characters from `start` to `end` lower-cased, as one of COMMON when it is one. */
function nameAt(html: string, start: number, end: number): string {
  const names = end - start <= 10 ? BY_SHAPE[shapeOf(end - start, html.charCodeAt(start))] : undefined;
  if (names) for (const name of names) if (namesIt(html, start, name)) return name;
  return html.slice(start, end).toLowerCase();
}

/**
 * An element of the watched kinds that its own end tag never closed: the page's end or an end tag of an element
 * around it did. `tagStart`..`tagEnd` is its start tag, `closedAt` where it was closed.
 */
export interface UnclosedElement {
  readonly name: string;
  readonly tagStart: number;
  readonly tagEnd: number;
  readonly closedAt: number;
}

/**
 * Parses the whole page into the handler, with the attributes of these (lower-cased) names. Returns the elements of
 * the `watched` kinds that were never closed by their own end tag.
 */
export function parseHtml(html: string, handler: HtmlHandler, attributes: ReadonlySet<string>, watched?: ReadonlySet<string>): UnclosedElement[] {
  const events = new ParserEvents(html, handler, attributes, watched);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, events);
  tokenizer.write(html);
  tokenizer.end();
  return events.unclosed;
}

/** Whether the page's characters from `at` are `name` (lower-case) in any ASCII case. */
function namesIt(html: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = html.charCodeAt(at + i);
    const n = name.charCodeAt(i);
    if (c !== n && !(c >= 0x41 && c <= 0x5a && c + 0x20 === n)) return false;
  }
  return true;
}

class ParserEvents implements TokenizerCallbacks {
  /** The open elements' names, the innermost last. */
  private readonly stack: string[] = [];
  private tagname = '';
  /** The attribute being read, when the handler wants it. */
  private attribute: string | undefined = undefined;
  private value = '';
  /** The lengths and first letters of the names asked for: most attributes (style, href, src, data-*) are told apart by these. */
  private readonly lengths: boolean[] = [];
  private readonly initials: boolean[] = [];
  /** How many elements of each name are open. */
  private readonly open = new Map<string, number>();
  /** Where the open watched elements' start tags begin and end, by their depth in the stack. */
  private readonly tagStarts: number[] = [];
  private readonly tagEnds: number[] = [];
  /** Where the start tag being read began. */
  private tagStart = 0;
  readonly unclosed: UnclosedElement[] = [];

  constructor(
    private readonly html: string,
    private readonly handler: HtmlHandler,
    private readonly attributes: ReadonlySet<string>,
    private readonly watched?: ReadonlySet<string>,
  ) {
    for (const name of attributes) {
      this.lengths[name.length] = true;
      this.initials[name.charCodeAt(0) | 0x20] = true;
    }
  }

  ontext(start: number, end: number): void {
    // Text in a head never closed starts the body, as a tag does (see openTag).
    const text = this.html.slice(start, end);
    if (this.stack.length > 0 && this.stack[this.stack.length - 1] === 'head' && /\S/.test(text)) this.closeHead();
    this.handler.ontext(text);
  }

  private closeHead(): void {
    this.pop();
    this.handler.onclosetag();
  }

  private push(name: string): void {
    this.stack.push(name);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  private pop(): string {
    const name = this.stack.pop()!;
    this.open.set(name, this.open.get(name)! - 1);
    return name;
  }

  /** Closes the innermost element for anything but its own end tag (`closedAt`: where). */
  private closeImplied(closedAt: number): void {
    const depth = this.stack.length - 1;
    const name = this.pop();
    if (this.watched?.has(name)) this.unclosed.push({ name, tagStart: this.tagStarts[depth], tagEnd: this.tagEnds[depth], closedAt });
    this.handler.onclosetag();
  }

  ontextentity(codepoint: number): void {
    this.handler.ontext(String.fromCodePoint(codepoint));
  }

  onopentagname(start: number, end: number): void {
    this.tagStart = start - 1;
    this.openTag(nameAt(this.html, start, end));
  }

  private openTag(name: string): void {
    this.tagname = name;
    const stack = this.stack;
    // Any element that is not the head's own closes a head never closed, as browsers do: the pages that open their
    // text with <center>, <font>, <span> or a table row were read as all head, and nothing of them imported.
    if (stack.length > 0 && stack[stack.length - 1] === 'head' && !HEAD_CONTENT.has(name)) this.closeHead();
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    // Closed by this tag, not by their own end tags (a <button> or <select> never closed, the report after it).
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1])) this.closeImplied(this.tagStart);
    if (!VOID.has(name)) this.push(name);
    this.handler.onopentagname(name);
  }

  onattribname(start: number, end: number): void {
    if (this.lengths[end - start] !== true || !this.initials[this.html.charCodeAt(start) | 0x20]) return;
    const name = nameAt(this.html, start, end);
    if (this.attributes.has(name)) this.attribute = name;
  }

  onattribdata(start: number, end: number): void {
    if (this.attribute !== undefined) this.value += this.html.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.attribute !== undefined) this.value += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.attribute !== undefined) this.handler.onattribute(this.attribute, this.value);
    this.attribute = undefined;
    this.value = '';
  }

  onopentagend(endIndex: number): void {
    this.placeTag(endIndex + 1);
    this.endOpenTag();
  }

  /** Records where a watched element's start tag lies, its end at `tagEnd`. */
  private placeTag(tagEnd: number): void {
    const depth = this.stack.length - 1;
    if (this.watched?.has(this.tagname) && this.stack[depth] === this.tagname) {
      this.tagStarts[depth] = this.tagStart;
      this.tagEnds[depth] = tagEnd;
    }
  }

  private endOpenTag(): void {
    if (VOID.has(this.tagname)) this.handler.onclosetag();
    this.tagname = '';
  }

  onselfclosingtag(): void {
    const name = this.tagname;
    this.endOpenTag();
    const stack = this.stack;
    if (stack[stack.length - 1] === name) {
      this.pop();
      this.handler.onclosetag();
    }
  }

  onclosetag(start: number, end: number): void {
    const stack = this.stack;
    // Most end tags close the innermost element: told without making a string of their name.
    const top = stack[stack.length - 1];
    if (top !== undefined && top.length === end - start && namesIt(this.html, start, top)) {
      this.pop();
      this.handler.onclosetag();
      return;
    }
    const name = nameAt(this.html, start, end);
    if (!VOID.has(name)) {
      // Looked for only when one is open: a stray end tag under thousands of open elements searched them all.
      const at = this.open.get(name) ? stack.lastIndexOf(name) : -1;
      if (at !== -1) {
        // The elements opened inside it are closed by an end tag not theirs; it is closed by its own.
        while (stack.length > at + 1) this.closeImplied(start - 2);
        this.pop();
        this.handler.onclosetag();
      } else if (name === 'p') {
        this.openTag('p');
        this.onselfclosingtag();
      }
    } else if (name === 'br') {
      this.handler.onopentagname('br');
      this.handler.onclosetag();
    }
  }

  onend(): void {
    // A page cut inside a void tag (`<img src="x` at the very end) opened it for the handler and never ended it:
    // end it here, or every element around it would be closed one tag late and a table before it lost. (htmlparser2's
    // Parser leaves it open; this is the one place where the events differ from it.)
    if (this.tagname !== '') {
      this.placeTag(this.html.length);
      this.endOpenTag();
    }
    while (this.stack.length > 0) this.closeImplied(this.html.length);
  }

  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
}
