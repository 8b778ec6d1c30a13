const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The texts of the objects of a JSON array of objects, as the server wrote them: a 5,000-row
 * list is stored row by row without parsing it into objects and writing them back to text
 * (SQLite reads the few columns it indexes itself). Throws when the text is not such an array;
 * an object it cuts out is whole, and SQLite refuses one that is not valid JSON.
 */
export function jsonArrayElements(text: string): string[] {
  const elements: string[] = [];
  let index = skipSpace(text, 0);
  if (text.charCodeAt(index) !== OPEN_BRACKET) throw notAnArray(text);
  index = skipSpace(text, index + 1);
  if (text.charCodeAt(index) === CLOSE_BRACKET) return elements;
  for (;;) {
    if (text.charCodeAt(index) !== OPEN_BRACE) throw notAnArray(text);
    const end = objectEnd(text, index);
    elements.push(text.slice(index, end));
    index = skipSpace(text, end);
    const next = text.charCodeAt(index);
    if (next === CLOSE_BRACKET) return elements;
    if (next !== 0x2c) throw notAnArray(text);
    index = skipSpace(text, index + 1);
  }
}

/** The index just past the object that opens at `start`. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      index = stringEnd(text, index);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  throw new Error('The server’s list ends in the middle of a row.');
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) throw new Error('The server’s list ends in the middle of a string.');
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    index = quote + 1;
  }
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    index += 1;
  }
  return index;
}

function notAnArray(text: string): Error {
  return new Error(`The server did not answer a list of rows: ${text.slice(0, 80)}`);
}
