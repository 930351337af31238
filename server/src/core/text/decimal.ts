/**
 * Exact decimal figures: money in 万元 must add up without floating-point error (0.1 + 0.2 = 0.3),
 * and counts beyond 2^53 must not be silently rounded. A value is an integer number of 10^-scale units.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

/**
 * The most digits a figure may have after the point, and before it. A report's money has at most 4 or 6 decimals
 * and its counts fit in 16 digits; a figure past 2^53 is still read exactly (and reported as a likely typo), up to
 * 40 digits. A longer number is a typo or an attack (a cell of 200,000 digits once made every sum allocate
 * gigabytes): parseDecimal refuses it, so no value is ever allocated by a number's size.
 */
export const MAX_SCALE = 20;
export const MAX_INTEGER_DIGITS = 40;

/** Powers of ten for the scales parseDecimal hands out, computed once; others (arithmetic on made-up values) on demand. */
const POW10: readonly bigint[] = Array.from({ length: 2 * MAX_SCALE + 1 }, (_, k) => 10n ** BigInt(k));
function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
  return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
}

// Same-scale fast paths (integer counts, nearly every figure) skip align's tuple. Decimals are immutable: adding a
// zero of the same scale returns the other operand itself, with no new BigInt or object (most cells of a report's
// tables are 0, and every sum starts from ZERO).
export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) {
    if (b.units === 0n) return a;
    if (a.units === 0n) return b;
    return { units: a.units + b.units, scale: a.scale };
  }
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units - b.units, scale: a.scale };
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(add, ZERO);
}

export function compare(a: Decimal, b: Decimal): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function equals(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function fromInt(n: number | bigint): Decimal {
  return { units: BigInt(n), scale: 0 };
}

/**
 * `s` when it is 1 to 15 ASCII digits (nearly every figure of a report), else undefined: read as a double, exact
 * below 2^53, and converted, which is much faster than regular expressions and BigInt's string parse.
 */
export function parsePlainInteger(s: string): Decimal | undefined {
  const n = s.length;
  if (n === 0 || n > 15) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value < SMALL_INTEGERS ? smallInteger(value) : { units: BigInt(value), scale: 0 };
}

/**
 * Counts below this are shared, immutable Decimals: nearly every cell of a report is one, and a Decimal and its
 * BigInt of their own were a sixth of what a parsed table kept (64 of some 500 bytes a row).
 */
const SMALL_INTEGERS = 10_000;
/** Preallocated, so that filling it in any order keeps it a fast array. */
const smallIntegers = new Array<Decimal | undefined>(SMALL_INTEGERS);
smallIntegers[0] = ZERO;
function smallInteger(value: number): Decimal {
  return (smallIntegers[value] ??= { units: BigInt(value), scale: 0 });
}

/**
 * Whether ASCII `-?digits(.digits)?` has more digits than a figure may (MAX_INTEGER_DIGITS before the point,
 * MAX_SCALE after it), judged by its length alone.
 */
export function isTooLong(s: string): boolean {
  const dot = s.indexOf('.');
  const sign = s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? 1 : 0;
  const int = (dot < 0 ? s.length : dot) - sign;
  return int > MAX_INTEGER_DIGITS || (dot >= 0 && s.length - dot - 1 > MAX_SCALE);
}

/**
 * Parses ASCII `-?digits(.digits)?` (separators already removed). Returns undefined for anything else, and for
 * numbers with more digits than a figure may have (isTooLong).
 */
export function parseDecimal(s: string): Decimal | undefined {
  const plain = parsePlainInteger(s);
  if (plain) return plain;
  if (isTooLong(s) || !/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const dot = s.indexOf('.');
  if (dot < 0) return { units: BigInt(s), scale: 0 };
  return { units: BigInt(s.slice(0, dot) + s.slice(dot + 1)), scale: s.length - dot - 1 };
}

/** Plain text of the figure, without trailing zeros after the point (1.50 → 1.5). */
export function format(d: Decimal): string {
  const neg = d.units < 0n;
  let digits = (neg ? -d.units : d.units).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, '0');
    const int = digits.slice(0, digits.length - d.scale);
    const frac = digits.slice(digits.length - d.scale).replace(/0+$/, '');
    digits = frac ? `${int}.${frac}` : int;
  }
  return (neg ? '-' : '') + digits;
}

export function isInteger(d: Decimal): boolean {
  return d.scale === 0 || d.units % pow10(d.scale) === 0n;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// Negated once: `-MAX_SAFE` in isUnsafe made a BigInt for every cell checked.
const MIN_SAFE = -MAX_SAFE;
/** Whether the integer part exceeds 2^53 − 1 (such a figure is almost certainly a typo, and other tools would round it). */
export function isUnsafe(d: Decimal): boolean {
  const int = d.scale === 0 ? d.units : d.units / pow10(d.scale);
  return int > MAX_SAFE || int < MIN_SAFE;
}
