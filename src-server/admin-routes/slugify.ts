// python-slugify's `slugify(text, separator=...)` with its defaults, as Zou calls it for file
// names and CSV import keys. Transliteration covers accents and the common Latin letters that
// do not decompose; other non-ASCII characters (unidecode spells them out) count as separators.

const LATIN: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  μ: 'm',
  '©': '(c)',
  '®': '(r)',
  '°': 'deg',
  '€': 'EUR',
  '£': 'PS',
  '§': 'SS',
  '×': 'x',
  // Typographic quotes become plain ones, which slugify then drops.
  '‘': "'",
  '’': "'",
};

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

function transliterate(text: string): string {
  let result = '';
  for (const char of text.normalize('NFKD')) {
    if (/[\u0300-\u036f]/.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    if (code < 128) result += char;
    else result += LATIN[char] ?? ' ';
  }
  return result;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_match, name: string) => NAMED_ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (match, digits: string) => safeChar(Number.parseInt(digits, 10), match))
    .replace(/&#x([\da-fA-F]+);/g, (match, hex: string) =>
      safeChar(Number.parseInt(hex, 16), match),
    );
}

function safeChar(code: number, fallback: string): string {
  try {
    return String.fromCodePoint(code);
  } catch {
    return fallback;
  }
}

export function slugify(value: string, separator = '-'): string {
  let text = value.replace(/'+/g, '-');
  text = transliterate(text);
  text = decodeEntities(text).normalize('NFKD');
  text = text.toLowerCase();
  text = text.replace(/'+/g, '');
  text = text.replace(/(?<=\d),(?=\d)/g, '');
  text = text.replace(/[^-a-zA-Z0-9]+/g, '-');
  text = text.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  return separator === '-' ? text : text.replace(/-/g, separator);
}
