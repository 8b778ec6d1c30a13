import { describe, expect, it } from 'vitest';
import { readDictRecords } from './csv-reader';
import { CsvError, sniff } from './csv-sniffer';
import { csvRow } from './python-csv';
import { formatFixed2 } from './python-format';
import { slugify } from '../../src-shared/slugify';

// Expected values below were produced by CPython's csv module and python-slugify 8.

function read(text: string): { line: number; row: Record<string, string | null> }[] {
  return readDictRecords(text, sniff(text.slice(0, 8192))).map((record) => ({
    line: record.lineNumber,
    row: Object.fromEntries(record.values),
  }));
}

describe('csv.Sniffer and csv.DictReader', () => {
  it('sniffs ; , tab | and space, with skipinitialspace', () => {
    expect(sniff('a;b;c\r\n1;2;3\r\n').delimiter).toBe(';');
    expect(sniff('a,b\n1,"x, y"\n').delimiter).toBe(',');
    expect(sniff('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(sniff('A|B|C\n1|2|3\n4|5|6\n').delimiter).toBe('|');
    expect(sniff('x y z\n1 2 3\n').delimiter).toBe(' ');
    expect(sniff('h1; h2; h3\nv1; v2; v3\n')).toEqual({
      delimiter: ';',
      quotechar: '"',
      skipinitialspace: true,
    });
    expect(sniff("'a';'b'\n'1';'2'\n").quotechar).toBe("'");
    // Any consistent 7-bit character will do, as in Python.
    expect(sniff('only one column\nvalue\nother\n').delimiter).toBe('e');
  });

  it('fails as Python does when nothing is consistent', () => {
    for (const sample of ['abc\nxyz\n', '', 'a;b;c\n\n1;2;3\n\n\n4;5\n6;7;8;9\n']) {
      expect(() => sniff(sample)).toThrow(CsvError);
    }
    expect(() => sniff('name;label\r\nfoo;"multi\r\nline"\r\nbar;x')).toThrow(
      'Could not determine delimiter',
    );
  });

  it('reads quoted cells, short rows, blank lines and multi-line cells', () => {
    expect(read('"x";"y"\n"1";"2 ""q"" "\n')).toEqual([{ line: 2, row: { x: '1', y: '2 "q" ' } }]);
    expect(read('Name;Parent\n"a"b;c\n"un;closed\n')).toEqual([
      { line: 2, row: { Name: 'ab', Parent: 'c' } },
      { line: 3, row: { Name: 'un;closed\n', Parent: null } },
    ]);
    expect(read('a;b\n1;"x\ny"\n\n\n2;3\n')).toEqual([
      { line: 3, row: { a: '1', b: 'x\ny' } },
      { line: 6, row: { a: '2', b: '3' } },
    ]);
    expect(read('a,b\r1,2\r3,4\r')).toEqual([
      { line: 2, row: { a: '1', b: '2' } },
      { line: 3, row: { a: '3', b: '4' } },
    ]);
  });
});

describe('csv.writer(delimiter=";")', () => {
  it('quotes minimally and writes Python str() values', () => {
    expect(csvRow(['a;b', 'say "hi"', 'two\nlines', 'plain', null, 3, true, ['x', 1]])).toBe(
      '"a;b";"say ""hi""";"two\nlines";plain;;3;True;[\'x\', 1]\r\n',
    );
    expect(csvRow([''])).toBe('""\r\n');
    expect(csvRow([null, '', null])).toBe(';;\r\n');
  });
});

describe('f"{x:.2f}"', () => {
  it('rounds the exact double half to even', () => {
    expect(formatFixed2(0.125)).toBe('0.12');
    expect(formatFixed2(0.375)).toBe('0.38');
    expect(formatFixed2(2.675)).toBe('2.67');
    expect(formatFixed2(1.125)).toBe('1.12');
    expect(formatFixed2(0)).toBe('0.00');
    expect(formatFixed2(123456.785)).toBe('123456.79');
  });
});

describe('slugify', () => {
  it('matches python-slugify on names Kitsu meets', () => {
    expect(slugify('Cosmos; "Landromat" shots')).toBe('cosmos-landromat-shots');
    expect(slugify('Cosmos; "Landromat" shots', '_')).toBe('cosmos_landromat_shots');
    expect(slugify("O'Neil")).toBe('o-neil');
    expect(slugify('Bob’s chair')).toBe('bobs-chair');
    expect(slugify('Élodie Ça')).toBe('elodie-ca');
    expect(slugify('straße Æsir Łódź')).toBe('strasse-aesir-lodz');
    expect(slugify('1,000 frames')).toBe('1000-frames');
    expect(slugify('&amp;x&#233;&#x41;')).toBe('xe-a');
    expect(slugify('  --weird__name--  ')).toBe('weird-name');
    expect(slugify('x™ y©')).toBe('xtm-y-c');
    expect(slugify('ﬁ ligature ½')).toBe('fi-ligature-1-2');
  });
});
