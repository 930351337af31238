import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * An XML part of a Word file parsed as htmlparser2's `Parser` parses it in XML mode (entities decoded, tag and
 * attribute names lower-cased, `<x/>` closing x, CDATA as text), its events given to a handler, but on htmlparser2's
 * `Tokenizer` directly. The Parser makes a string of every tag and attribute name and an object of every element's
 * attributes, and keeps its stack by `unshift`: in document.xml, thousands of run properties (`<w:rFonts w:ascii=…>`,
 * `<w:sz w:val=…>`) the reader never looks at. Here the elements the reader names are told by comparing the
 * document's characters, without a string, and only their attributes the reader names are built.
 *
 * What the Parser adds to the tokens in XML mode, and this repeats: an end tag closes every element opened after the
 * one it names (and is ignored when none is open), `<x/>` closes x, and every element still open at the end is closed,
 * one whose start tag the document cut short included (its start is never reported, as the Parser never reports it).
 */

export interface XmlHandler {
  /**
   * A start tag read to its end. `element` is the index of its name among the names asked for, -1 for any other;
   * for an element asked for, `values[i]` is the value of the i-th attribute asked for (its first occurrence),
   * undefined where the tag has none. `values` is reused for the next tag.
   */
  onopen(element: number, values: ReadonlyArray<string | undefined>): void;
  /** An element closed (`element` as in onopen). */
  onclose(element: number): void;
  ontext(text: string): void;
}

/**
 * Parses the whole document into the handler. `elements` and `attributes` are the names asked for, lower-case, as
 * the Parser would report them (only the attributes of the elements asked for are read).
 */
export function parseXml(xml: string, elements: readonly string[], attributes: readonly string[], handler: XmlHandler): void {
  const events = new XmlEvents(xml, new Names(elements), new Names(attributes), handler);
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, events);
  tokenizer.write(xml);
  tokenizer.end();
}

/** The one character beyond ASCII that toLowerCase makes an ASCII letter (k). */
const KELVIN = 0x212a;

/** A few names, found among the document's characters without making a string: bucketed by length and last letter. */
class Names {
  private readonly byShape = new Map<number, number[]>();
  readonly size: number;

  constructor(private readonly names: readonly string[]) {
    this.size = names.length;
    names.forEach((name, i) => {
      const shape = shapeOf(name.length, name.charCodeAt(name.length - 1));
      this.byShape.set(shape, [...(this.byShape.get(shape) ?? []), i]);
    });
  }

  /** The index of the name the characters from `start` to `end` are (in any case), -1 when none. */
  find(xml: string, start: number, end: number): number {
    const last = xml.charCodeAt(end - 1);
    const candidates = this.byShape.get(shapeOf(end - start, last === KELVIN ? 0x6b : last));
    if (candidates) for (const i of candidates) if (namesIt(xml, start, this.names[i])) return i;
    return -1;
  }
}

function shapeOf(length: number, last: number): number {
  return length * 128 + ((last | 0x20) & 0x7f);
}

/**
 * Whether the characters from `at` are `name` (lower-case ASCII) in any case, as toLowerCase tells it: the one
 * character beyond ASCII that lower-cases to an ASCII one is the Kelvin sign, to k.
 */
function namesIt(xml: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = xml.charCodeAt(at + i);
    const n = name.charCodeAt(i);
    if (c !== n && !(c >= 0x41 && c <= 0x5a && c + 0x20 === n) && !(c === KELVIN && n === 0x6b)) return false;
  }
  return true;
}


/** Whether two names in the document are the same name once lower-cased. */
function sameName(xml: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  const lowerCased = () => xml.slice(a, aEnd).toLowerCase() === xml.slice(b, bEnd).toLowerCase();
  // Lower-casing a letter beyond ASCII may change the name's length (İ becomes i and a dot above).
  if (aEnd - a !== bEnd - b) return (!isAscii(xml, a, aEnd) || !isAscii(xml, b, bEnd)) && lowerCased();
  for (let i = 0; i < aEnd - a; i++) {
    const x = xml.charCodeAt(a + i);
    const y = xml.charCodeAt(b + i);
    if (x === y) continue;
    if (x >= 0x80 || y >= 0x80) return lowerCased();
    if ((x | 0x20) !== (y | 0x20) || (x | 0x20) < 0x61 || (x | 0x20) > 0x7a) return false;
  }
  return true;
}

function isAscii(xml: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) >= 0x80) return false;
  return true;
}

class XmlEvents implements TokenizerCallbacks {
  /** The open elements, innermost last: where each one's name is in the document, and its index among the names asked for. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly elementsOpen: number[] = [];
  /** The element whose start tag is being read, -1 when it is not one asked for. */
  private element = -1;
  /** The attribute being read, when it is one asked for and the first of its name in the tag. */
  private attribute = -1;
  private value = '';
  private readonly values: Array<string | undefined>;

  constructor(
    private readonly xml: string,
    private readonly elements: Names,
    private readonly attributes: Names,
    private readonly handler: XmlHandler,
  ) {
    this.values = new Array<string | undefined>(attributes.size).fill(undefined);
  }

  ontext(start: number, end: number): void {
    this.handler.ontext(this.xml.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    this.handler.ontext(String.fromCodePoint(codepoint));
  }

  oncdata(start: number, end: number, offset: number): void {
    this.handler.ontext(this.xml.slice(start, end - offset));
  }

  onopentagname(start: number, end: number): void {
    this.element = this.elements.find(this.xml, start, end);
    if (this.element !== -1) this.values.fill(undefined);
    this.starts.push(start);
    this.ends.push(end);
    this.elementsOpen.push(this.element);
  }

  onattribname(start: number, end: number): void {
    if (this.element === -1) return;
    const attribute = this.attributes.find(this.xml, start, end);
    // The first of two attributes of one name is the one the Parser keeps.
    if (attribute !== -1 && this.values[attribute] === undefined) this.attribute = attribute;
  }

  onattribdata(start: number, end: number): void {
    if (this.attribute !== -1) this.value += this.xml.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.attribute !== -1) this.value += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.attribute !== -1) this.values[this.attribute] = this.value;
    this.attribute = -1;
    this.value = '';
  }

  onopentagend(): void {
    this.handler.onopen(this.element, this.values);
  }

  onselfclosingtag(): void {
    this.handler.onopen(this.element, this.values);
    this.close(this.starts.length - 1);
  }

  onclosetag(start: number, end: number): void {
    const { starts, ends } = this;
    for (let at = starts.length - 1; at >= 0; at--) {
      if (sameName(this.xml, starts[at], ends[at], start, end)) {
        this.close(at);
        return;
      }
    }
  }

  /** Closes the elements open from depth `at` in, the innermost first. */
  private close(at: number): void {
    while (this.starts.length > at) {
      this.starts.pop();
      this.ends.pop();
      this.handler.onclose(this.elementsOpen.pop()!);
    }
  }

  onend(): void {
    this.close(0);
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
}
