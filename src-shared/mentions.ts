function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a comment's text mentions `name` as Kitsu records it: Zou's `@<name>( |$)`, so a
 * name followed by a comma or a full stop is no mention. Python's `$` also matches before a
 * final newline, which JavaScript's does not: the lookahead restores that.
 */
export function isMentioned(text: string, name: string): boolean {
  return new RegExp(`@${escapeRegExp(name)}(?: |$|(?=\\n$))`).test(text);
}
