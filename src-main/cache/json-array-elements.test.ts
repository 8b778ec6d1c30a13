import { describe, expect, it } from 'vitest';
import { jsonArrayElements } from './json-array-elements';

describe('the rows of a JSON array, as the server wrote them', () => {
  it('cuts each object out whole, whatever its strings hold', () => {
    const rows = [
      { id: 'a', text: 'brace } and bracket ] in a string', nested: { list: [1, { x: '{' }] } },
      { id: 'b', text: 'a quote \\" and a backslash at the end \\\\', empty: {} },
      { id: 'c', text: '\u00e9t\u00e9 \ud83c\udfac "quoted"', none: null },
    ];
    const text = JSON.stringify(rows);
    const elements = jsonArrayElements(text);
    expect(elements).toEqual(rows.map((row) => JSON.stringify(row)));
    expect(elements.map((element) => JSON.parse(element))).toEqual(rows);
  });

  it('takes spaces and new lines between rows (a pretty-printed answer)', () => {
    const text = JSON.stringify([{ a: 1 }, { b: [2, 3] }], null, 2);
    expect(jsonArrayElements(text).map((element) => JSON.parse(element))).toEqual([
      { a: 1 },
      { b: [2, 3] },
    ]);
    expect(jsonArrayElements(' [ ] ')).toEqual([]);
  });

  it('refuses what is not an array of objects, or is cut short', () => {
    expect(() => jsonArrayElements('{"message": "error"}')).toThrow(/not answer a list/);
    expect(() => jsonArrayElements('[1, 2]')).toThrow(/not answer a list/);
    expect(() => jsonArrayElements('[{"a": 1}, {"b": "unfinished')).toThrow(/middle of a string/);
    expect(() => jsonArrayElements('[{"a": {"b": 1}')).toThrow(/middle of a row/);
    expect(() => jsonArrayElements('[{"a": 1} {"b": 2}]')).toThrow(/not answer a list/);
  });
});
