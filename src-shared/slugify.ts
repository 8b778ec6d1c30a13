import unidecode from 'unidecode';
import { HTML_ENTITY_CODE_POINTS } from './html-entity-names';
import { zouTransliterationOverride } from './zou-transliteration';

// python-slugify 8's `slugify(text, separator=...)` with its other defaults, transliterating
// as text-unidecode does (npm `unidecode` ports the same Perl tables, an older version: where
// they differ, zou-transliteration.ts says what Zou writes).
// Zou runs it on every file-tree token and file name, and on CSV import keys and download
// names: one implementation keeps the server and the app agreeing on every path.

const QUOTES = /'+/g;
const CHAR_ENTITY = /&([A-Za-z0-9]+);/g;
const DECIMAL_REFERENCE = /&#(\d+);/g;
const HEX_REFERENCE = /&#x([\da-fA-F]+);/g;
const COMMA_BETWEEN_DIGITS = /(?<=\p{Nd}),(?=\p{Nd})/gu;
const DISALLOWED = /[^-a-zA-Z0-9]+/gu;
const REPEATED_DASHES = /-{2,}/g;
const EDGE_DASHES = /^-+|-+$/g;
const MAX_CODE_POINT = 0x10ffff;

/**
 * Lowercase ASCII words joined by `separator`: transliterated, every run of anything but
 * letters and digits turned into one separator, none at either end.
 */
export function slugify(value: string, separator = '-'): string {
  let text = value.replace(QUOTES, '-');
  text = transliterate(text.normalize('NFKD'));
  text = decodeCharacterReferences(text);
  text = text.normalize('NFKD').toLowerCase();
  text = text.replace(QUOTES, '').replace(COMMA_BETWEEN_DIGITS, '');
  text = text.replace(DISALLOWED, '-').replace(REPEATED_DASHES, '-').replace(EDGE_DASHES, '');
  return separator === '-' ? text : text.replaceAll('-', separator);
}

/**
 * text-unidecode, one code point at a time: the npm port matches multi-character UTF-8 byte
 * patterns across neighbouring characters, which a per-character call never shows it; where
 * its tables differ from text-unidecode's, Zou's text wins. Characters beyond the Basic
 * Multilingual Plane (emoji) have no table and vanish.
 */
function transliterate(text: string): string {
  let result = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80) {
      result += character;
      continue;
    }
    result +=
      codePoint > 0xffff ? '' : (zouTransliterationOverride(codePoint) ?? unidecode(character));
  }
  return result;
}

/** Named, decimal and hexadecimal references, decoded after transliteration (as python-slugify). */
function decodeCharacterReferences(text: string): string {
  let decoded = text.replace(CHAR_ENTITY, (reference, name: string) => {
    const codePoint = HTML_ENTITY_CODE_POINTS.get(name);
    return codePoint === undefined ? reference : String.fromCodePoint(codePoint);
  });
  decoded = replaceAllOrNone(decoded, DECIMAL_REFERENCE, 10);
  return replaceAllOrNone(decoded, HEX_REFERENCE, 16);
}

/** Python's `chr` raises past U+10FFFF, and the raise abandons that whole substitution pass. */
function replaceAllOrNone(text: string, pattern: RegExp, radix: number): string {
  const codePoints = [...text.matchAll(pattern)].map((match) =>
    Number.parseInt(match[1] ?? '', radix),
  );
  if (codePoints.some((codePoint) => !(codePoint <= MAX_CODE_POINT))) return text;
  return text.replace(pattern, (_reference, digits: string) =>
    String.fromCodePoint(Number.parseInt(digits, radix)),
  );
}
