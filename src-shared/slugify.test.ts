import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

// Expected values are python-slugify 8's, from its own test suite (default options) and from
// following its steps by hand: quotes → dashes, NFKD, text-unidecode, HTML references, NFKD,
// lowercase, quotes dropped, digit-grouping commas dropped, other runs → one dash.

describe('slugify (python-slugify semantics)', () => {
  it.each([
    ['This is a test ---', 'this-is-a-test'],
    ['___This is a test___', 'this-is-a-test'],
    ['This -- is a ## test ---', 'this-is-a-test'],
    ['jaja---lol-méméméoo--a', 'jaja-lol-mememeoo-a'],
    ["C'est déjà l'été.", 'c-est-deja-l-ete'],
    ['Nín hǎo. Wǒ shì zhōng guó rén', 'nin-hao-wo-shi-zhong-guo-ren'],
    ['𝐚́́𝕒́àáâäãąā', 'aaaaaaaaa'],
    ['Компьютер', 'kompiuter'],
    ['影師嗎', 'ying-shi-ma'],
    ['foo &amp; bar', 'foo-bar'],
    ['&#381;', 'z'],
    ['&#x17D;', 'z'],
    ['10 amazing secrets', '10-amazing-secrets'],
    ['1,000 reasons you are #1', '1000-reasons-you-are-1'],
    ['404', '404'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('transliterates what NFKD cannot decompose through the Unidecode tables', () => {
    expect(slugify('straße Æsir Łódź ø đ')).toBe('strasse-aesir-lodz-o-d');
    expect(slugify('x™ y©')).toBe('xtm-y-c');
    expect(slugify('ﬁ ligature ½')).toBe('fi-ligature-1-2');
    expect(slugify('東京 한국어 Ελληνικά')).toBe('dong-jing-hangugeo-ellenika');
  });

  it('writes text-unidecode’s unknown mark, a separator, where the npm tables have none', () => {
    // CJK Extension A, Yi, and a character text-unidecode has no reading for.
    expect(slugify('Shot\u3686A', '_')).toBe('shot_a');
    expect(slugify('a\ua500b')).toBe('a-b');
    expect(slugify('ab\u1efac')).toBe('ab-c');
    expect(slugify('\u4235')).toBe('');
    // A clock face is a hash mark there, not an O.
    expect(slugify('x\u25f4y')).toBe('x-y');
  });

  it('writes nothing for C1 controls and tone letters, as text-unidecode', () => {
    expect(slugify('a\u0085b\u0099c')).toBe('abc');
    expect(slugify('ma\u02e5')).toBe('ma');
  });

  it('drops what has no transliteration, such as emoji', () => {
    expect(slugify('🎬 Shot 🦄 01')).toBe('shot-01');
    expect(slugify('🎬')).toBe('');
  });

  it('keeps typographic quotes from splitting words, but not straight ones', () => {
    expect(slugify('Bob’s chair')).toBe('bobs-chair');
    expect(slugify("O'Neil")).toBe('o-neil');
  });

  it('decodes references after transliterating, so an accented one leaves a dash', () => {
    expect(slugify('&amp;x&#233;&#x41;')).toBe('xe-a');
    expect(slugify('&unknown; &lt;b&gt;')).toBe('unknown-b');
  });

  it('abandons a whole decimal pass when one reference is past U+10FFFF, as chr() raises', () => {
    expect(slugify('&#65; &#99999999;')).toBe('65-99999999');
    expect(slugify('&#65; &#66;')).toBe('a-b');
  });

  it('joins words with the given separator', () => {
    expect(slugify('Cosmos; "Landromat" shots', '_')).toBe('cosmos_landromat_shots');
    expect(slugify('  --weird__name--  ', '_')).toBe('weird_name');
  });

  it('never leaves a path separator, a dot or a parent reference', () => {
    for (const hostile of ['../../etc/passwd', '..\\..\\windows', '.hidden', 'a/b\\c', '...']) {
      expect(slugify(hostile, '_')).toMatch(/^[a-z0-9_]*$/);
    }
    expect(slugify('../../etc/passwd', '_')).toBe('etc_passwd');
  });
});
