/**
 * Where Zou's transliterator (python-slugify 8 on text-unidecode 1.3) and the npm `unidecode`
 * tables disagree in a way a slug can see. Found by running both over every code point of the
 * Basic Multilingual Plane (2026-11-28): for whole blocks the npm port has no table and writes
 * nothing, where text-unidecode writes its unknown mark, which a slug turns into a separator;
 * and some eighty single code points differ.
 */

/** text-unidecode's text for a code point it has no transliteration for. */
const UNKNOWN_MARK = '[?]';

/** Blocks of 256 code points (by their high byte) that npm `unidecode` has no table for. */
const BLOCKS_WITHOUT_NPM_TABLE: ReadonlySet<number> = new Set([
  0x08,
  ...range(0x19, 0x1d),
  ...range(0x29, 0x2d),
  ...range(0x34, 0x4c),
  ...range(0xa5, 0xab),
  ...range(0xe0, 0xf8),
]);

/** Single code points, inclusive ranges, and what text-unidecode writes for them. */
const DIFFERENCES: readonly [number, number, string][] = [
  // C1 controls, which the npm port reads as Windows-1252.
  [0x80, 0x9f, ''],
  // Tone letters.
  [0x2e5, 0x2eb, ''],
  [0x2ef, 0x2ef, UNKNOWN_MARK],
  [0x2f3, 0x2f3, UNKNOWN_MARK],
  [0x3f4, 0x3f9, UNKNOWN_MARK],
  [0x3fc, 0x3ff, UNKNOWN_MARK],
  [0x6ff, 0x6ff, UNKNOWN_MARK],
  [0xaf1, 0xaf1, UNKNOWN_MARK],
  [0xaf9, 0xaf9, UNKNOWN_MARK],
  [0x13f5, 0x13f5, UNKNOWN_MARK],
  [0x13f8, 0x13fd, UNKNOWN_MARK],
  [0x1efa, 0x1eff, UNKNOWN_MARK],
  [0x25f4, 0x25f7, '#'],
  [0x30ff, 0x30ff, UNKNOWN_MARK],
  [0x33ff, 0x33ff, UNKNOWN_MARK],
  [0xfdf0, 0xfdfb, ''],
  [0xfdfc, 0xfdfd, UNKNOWN_MARK],
];

/** What Zou's transliterator writes for a code point, where npm `unidecode` says otherwise. */
export function zouTransliterationOverride(codePoint: number): string | null {
  if (codePoint <= 0xffff && BLOCKS_WITHOUT_NPM_TABLE.has(codePoint >> 8)) return UNKNOWN_MARK;
  for (const [first, last, text] of DIFFERENCES) {
    if (codePoint >= first && codePoint <= last) return text;
  }
  return null;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
