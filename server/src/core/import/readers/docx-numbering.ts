import { parseXml } from './xml-parse';

/**
 * Word's automatic numbering (`word/numbering.xml`): a heading numbered by a list (一、 （一） 1.) has its number in
 * the list's definition, not in its text. The numbers are counted here as Word counts them, so that the heading
 * reads as the page shows it.
 */

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface Numbering {
  /** The number text of the next paragraph of list `numId` at level `ilvl` (`一、`, `（二）`), '' for a bullet. */
  next(numId: string, ilvl: number): string;
}

/** No numbering: a document without numbering.xml. */
export const NO_NUMBERING: Numbering = { next: () => '' };

/** The elements and attributes read (readers/xml-parse.ts), by their index. */
const ELEMENTS = ['w:abstractnum', 'w:lvl', 'w:start', 'w:numfmt', 'w:lvltext', 'w:num', 'w:abstractnumid'];
const [ABSTRACT_NUM, LVL, START, NUM_FMT, LVL_TEXT, NUM, ABSTRACT_NUM_ID_ELEMENT] = ELEMENTS.map((_, i) => i);
const ATTRIBUTES = ['w:val', 'w:abstractnumid', 'w:ilvl', 'w:numid'];
const [VAL, ABSTRACT_NUM_ID, ILVL, NUM_ID] = ATTRIBUTES.map((_, i) => i);

export function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, string>();
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: string | undefined;
  parseXml(xml, ELEMENTS, ATTRIBUTES, {
    onopen(element, values) {
      const val = values[VAL];
      if (element === ABSTRACT_NUM) abstracts.set(values[ABSTRACT_NUM_ID]!, (abstract = new Map<number, Level>()));
      else if (element === LVL && abstract) {
        const ilvl = Number(values[ILVL] ?? 0);
        level = { start: 1, format: 'decimal', text: '' };
        // A level Word would not have (0–8) is read and dropped: `counts.length = ilvl + 1` threw on -5.
        if (isLevel(ilvl)) abstract.set(ilvl, level);
      } else if (element === START && level) level.start = Math.min(MAX_START, Math.max(0, Math.trunc(Number(val ?? 1)) || 0));
      else if (element === NUM_FMT && level) level.format = val ?? 'decimal';
      else if (element === LVL_TEXT && level) level.text = (val ?? '').slice(0, MAX_LEVEL_TEXT);
      else if (element === NUM) num = values[NUM_ID];
      else if (element === ABSTRACT_NUM_ID_ELEMENT && num !== undefined) nums.set(num, val ?? '');
    },
    onclose(element) {
      if (element === LVL) level = undefined;
      else if (element === ABSTRACT_NUM) abstract = undefined;
      else if (element === NUM) num = undefined;
    },
    ontext() {},
  });

  // Word counts per abstract list: every num of one abstractNum continues the same count.
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const abstractId = nums.get(numId);
      const levels = abstractId === undefined ? undefined : abstracts.get(abstractId);
      const own = isLevel(ilvl) ? levels?.get(ilvl) : undefined;
      if (!levels || !own || own.format === 'bullet' || own.format === 'none') return '';
      const counts = counters.get(abstractId!) ?? [];
      counters.set(abstractId!, counts);
      counts[ilvl] = counts[ilvl] === undefined ? levels.get(ilvl)!.start : counts[ilvl] + 1;
      counts.length = ilvl + 1; // a higher level restarts the lower ones
      return own.text.replace(/%([1-9])/g, (_, d: string) => {
        const at = Number(d) - 1;
        const lvl = levels.get(at);
        return lvl ? formatNumber(counts[at] ?? lvl.start, lvl.format) : '';
      });
    },
  };
}

/**
 * Bounds of what a numbering definition may ask for, as Word's own (levels 0–8, a start of at most 32,767): a 1 KB
 * file that started a list of letters at 400,000,000 made a number of 15 million letters for each paragraph, and a
 * level text of 1.5 million characters was copied into each of 1,000; both exhausted memory.
 */
const MAX_START = 32_767;
const MAX_LEVEL_TEXT = 64;
const isLevel = (ilvl: number) => Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8;

const DIGITS = '零一二三四五六七八九';

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chinese(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word writes chineseCounting). */
function chinese(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? DIGITS[h] + '百' : '';
  if (t) s += (t === 1 && !h ? '' : DIGITS[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}

/** 1 → A, 27 → AA, as Word counts letters; past 780 (30 Zs) the figure itself. */
function letters(n: number): string {
  if (n <= 0 || n > 780) return String(n);
  const letter = String.fromCharCode(0x40 + ((n - 1) % 26) + 1);
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}
