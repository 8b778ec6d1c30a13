/**
 * Python's `f"{value:.2f}"`: the exact binary value rounded half to even, where JavaScript's
 * toFixed rounds ties up (0.125 days, one hour, is "0.12" in Zou's exports).
 */
export function formatFixed2(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0 || Object.is(value, -0);
  const hundredths = roundHalfEvenHundredths(Math.abs(value));
  const whole = hundredths / 100n;
  const fraction = String(hundredths % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** round(value * 100) on the exact double, ties to even, as a BigInt. */
function roundHalfEvenHundredths(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fractionBits = bits & ((1n << 52n) - 1n);
  if (exponentBits === 0 && fractionBits === 0n) return 0n;
  // value = mantissa * 2^exponent, exactly.
  const mantissa = exponentBits === 0 ? fractionBits : fractionBits | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  const numerator = mantissa * 100n;
  if (exponent >= 0) return numerator << BigInt(exponent);
  const denominator = 1n << BigInt(-exponent);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder < denominator) return quotient;
  if (twiceRemainder > denominator) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}
