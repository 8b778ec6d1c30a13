import type { CommentPersonRef } from '../../../../src-shared/task-comment';

export type TextSegment =
  { kind: 'text'; text: string } | { kind: 'mention'; text: string; personId: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cuts a piece of text at every `@Full Name` of the people the comment mentions (the server
 * resolved them), matched as Kitsu matches them, case included. A name counts only as a whole word: `@Jordan Reyes` in `@Jordan Reyesson`
 * is left alone. Longer names win, so `@Ann Lee Smith` beats `@Ann Lee`.
 */
export function splitMentions(text: string, mentions: readonly CommentPersonRef[]): TextSegment[] {
  const byName = new Map<string, string>();
  for (const person of mentions) {
    if (person.fullName.trim() !== '') byName.set(person.fullName, person.id);
  }
  if (byName.size === 0 || !text.includes('@')) return text === '' ? [] : [{ kind: 'text', text }];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`@(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    const personId = byName.get(match[1]!)!;
    segments.push({ kind: 'mention', text: match[0], personId });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
