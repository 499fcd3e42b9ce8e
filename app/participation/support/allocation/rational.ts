/**
 * Exact non-negative rationals on BigInt, just what the allocation rules need. Values are kept
 * reduced where they are stored (voters' money), and left unreduced in short-lived sums, so
 * comparisons never drift the way floats do.
 */
export interface Rational {
  readonly n: bigint
  readonly d: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero')
  return d < 0n ? { n: -n, d: -d } : { n, d }
}

export function reduce(value: Rational): Rational {
  const divisor = gcd(value.n, value.d)
  return divisor <= 1n ? value : { n: value.n / divisor, d: value.d / divisor }
}

export const ZERO: Rational = { n: 0n, d: 1n }

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d }
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return { n: a.n - b.n, d: a.d }
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
}

export function times(a: Rational, factor: bigint): Rational {
  return { n: a.n * factor, d: a.d }
}

export function divide(a: Rational, divisor: bigint): Rational {
  return rational(a.n, a.d * divisor)
}

export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d
  const right = b.n * a.d
  return left < right ? -1 : left > right ? 1 : 0
}

/** Decimal value for display only (explanations, JSON); never fed back into a computation. */
export function toNumber(value: Rational, digits = 6): number {
  const scale = 10n ** BigInt(digits)
  const scaled = (value.n * scale) / value.d
  return Number(scaled) / Number(scale)
}

export function key(value: Rational): string {
  return `${value.n}/${value.d}`
}
