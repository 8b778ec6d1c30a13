import type { MentionCandidate } from '../../../src-shared/task-comment';

/** The `@…` being typed before the caret: where its `@` is and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longer than any full name or department name one would type before picking. */
const MAX_QUERY_LENGTH = 60;

/**
 * The mention being typed at `caret`, if any: the last `@` on the line that starts a word
 * (so that e-mail addresses do not count), followed by letters that may include spaces,
 * since full names have them.
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || caret - start - 1 > MAX_QUERY_LENGTH) return null;
  if (start > 0 && !/[\s([{"'“‘]/.test(before[start - 1]!)) return null;
  const query = before.slice(start + 1);
  if (query.includes('\n') || query.startsWith(' ')) return null;
  return { start, query };
}

/**
 * The candidates whose name starts with the query, then those with a later word that does,
 * in the given order (people, then departments, each by name); case does not matter.
 */
export function matchMentions(
  candidates: readonly MentionCandidate[],
  query: string,
  limit = 8,
): MentionCandidate[] {
  const wanted = query.toLocaleLowerCase();
  const prefix: MentionCandidate[] = [];
  const word: MentionCandidate[] = [];
  for (const candidate of candidates) {
    const name = candidate.name.toLocaleLowerCase();
    if (name.startsWith(wanted)) prefix.push(candidate);
    else if (wordStarts(name, wanted)) word.push(candidate);
  }
  return [...prefix, ...word].slice(0, limit);
}

function wordStarts(name: string, wanted: string): boolean {
  for (let index = name.indexOf(' '); index >= 0; index = name.indexOf(' ', index + 1)) {
    if (name.startsWith(wanted, index + 1)) return true;
  }
  return false;
}

/**
 * Replaces the typed `@query` (and the rest of the word under the caret) with `@Name `: the
 * name exactly as the server matches it, then the space it needs after it.
 */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret).replace(/^[^\s]*/, '');
  const inserted = `@${name}${after.startsWith(' ') ? '' : ' '}`;
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length + (after.startsWith(' ') ? 1 : 0),
  };
}
