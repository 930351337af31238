/**
 * Exact decimal figures: money in 万元 must add up without floating-point error (0.1 + 0.2 = 0.3),
 * and counts beyond 2^53 must not be silently rounded. A value is an integer number of 10^-scale units.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
  return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
}

// Same-scale fast paths (integer counts, nearly every figure) skip align's tuple.
export function add(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
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
  return value === 0 ? ZERO : { units: BigInt(value), scale: 0 };
}

/** Parses ASCII `-?digits(.digits)?` (separators already removed). Returns undefined for anything else. */
export function parseDecimal(s: string): Decimal | undefined {
  const plain = parsePlainInteger(s);
  if (plain) return plain;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
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
/** Whether the integer part exceeds 2^53 − 1 (such a figure is almost certainly a typo, and other tools would round it). */
export function isUnsafe(d: Decimal): boolean {
  const int = d.scale === 0 ? d.units : d.units / pow10(d.scale);
  return int > MAX_SAFE || int < -MAX_SAFE;
}
