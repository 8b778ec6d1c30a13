import { describe, expect, it } from 'vitest';
import { isMentioned } from './mentions';

describe('isMentioned', () => {
  it('counts a name followed by a space or ending the text, as Kitsu records it', () => {
    expect(isMentioned('@Tom Becker please check', 'Tom Becker')).toBe(true);
    expect(isMentioned('Thanks @Tom Becker', 'Tom Becker')).toBe(true);
    expect(isMentioned('Thanks @Tom Becker\n', 'Tom Becker')).toBe(true);
  });

  it('does not count a name followed by punctuation, a longer name, or a name in a line', () => {
    expect(isMentioned('Thanks @Tom Becker.', 'Tom Becker')).toBe(false);
    expect(isMentioned('@Tom Beckers', 'Tom Becker')).toBe(false);
    expect(isMentioned('@Tom Becker\nmore', 'Tom Becker')).toBe(false);
    expect(isMentioned('@Tom (Lead) here', 'Tom (Lead)')).toBe(true);
  });
});
