import { describe, expect, it } from 'vitest';
import type { MentionCandidate } from '../../../src-shared/task-comment';
import { findMentionQuery, insertMention, matchMentions } from './mention-query';

const person = (name: string): MentionCandidate => ({
  id: name,
  kind: 'person',
  name,
  color: null,
});
const candidates = [
  person('Jordan Reyes'),
  person('Leo Martins'),
  person('Tom Becker'),
  { id: 'anim', kind: 'department', name: 'Animation', color: '#ff0000' } as MentionCandidate,
  { id: 'lay', kind: 'department', name: 'Layout', color: null } as MentionCandidate,
];

describe('the mention being typed', () => {
  it('starts at an @ that begins a word and runs to the caret, spaces included', () => {
    expect(findMentionQuery('Hi @', 4)).toEqual({ start: 3, query: '' });
    expect(findMentionQuery('@To', 3)).toEqual({ start: 0, query: 'To' });
    expect(findMentionQuery('see (@Tom B', 11)).toEqual({ start: 5, query: 'Tom B' });
    expect(findMentionQuery('line\n@Le', 8)).toEqual({ start: 5, query: 'Le' });
  });

  it('is not an e-mail address, a finished line, nor a space after the @', () => {
    expect(findMentionQuery('mail me@example.com', 19)).toBeNull();
    expect(findMentionQuery('@Tom\nnext', 9)).toBeNull();
    expect(findMentionQuery('@ Tom', 5)).toBeNull();
    expect(findMentionQuery('no mention', 10)).toBeNull();
    expect(findMentionQuery(`@${'x'.repeat(61)}`, 62)).toBeNull();
  });
});

describe('matching candidates', () => {
  it('puts name prefixes first, then later words, whatever the case', () => {
    expect(matchMentions(candidates, 'l').map((c) => c.name)).toEqual(['Leo Martins', 'Layout']);
    expect(matchMentions(candidates, 'MAR').map((c) => c.name)).toEqual(['Leo Martins']);
    expect(matchMentions(candidates, 'a').map((c) => c.name)).toEqual(['Animation']);
    expect(matchMentions(candidates, 'tom b').map((c) => c.name)).toEqual(['Tom Becker']);
    expect(matchMentions(candidates, 'tom x')).toEqual([]);
    expect(matchMentions(candidates, '', 2)).toHaveLength(2);
  });
});

describe('inserting a mention', () => {
  it('writes @Full Name and a space, and puts the caret after them', () => {
    const text = 'Ask @to about it';
    expect(insertMention(text, { start: 4, query: 'to' }, 7, 'Tom Becker')).toEqual({
      text: 'Ask @Tom Becker about it',
      caret: 16,
    });
    expect(insertMention('@Jo', { start: 0, query: 'Jo' }, 3, 'Jordan Reyes')).toEqual({
      text: '@Jordan Reyes ',
      caret: 14,
    });
  });

  it('replaces the rest of the word under the caret', () => {
    expect(insertMention('@Jordan now', { start: 0, query: 'Jo' }, 3, 'Jordan Reyes')).toEqual({
      text: '@Jordan Reyes now',
      caret: 14,
    });
  });
});
