import { applyStyle, rootPath, sectionOf, styleOf, treeModes } from './tree-sections';

// The other direction (Zou's `guess_from_path`): which folder templates a path on disk fits,
// and the records its folder names stand for. Records are looked up by the caller; this part
// only reads the tree and the path.

/** Tokens whose value is the text itself, not a record. */
const VALUE_TOKENS = new Set(['Name', 'Representation', 'Version']);
/** Python's `(?P<prefix>\w*)<(?P<token>\w*)>(?P<suffix>\w*)`. */
const WRAPPED_TOKEN = /([\p{L}\p{N}_]*)<([\p{L}\p{N}_]*)>([\p{L}\p{N}_]*)/u;

/** One template the path fits: `{"Template": kind, "<Token>": id or value, …}`. */
export type TemplateGuess = Record<string, string>;

/**
 * Finds the record a folder name stands for, narrowed by what the levels above resolved
 * (`found`: token → id). Returns its id, or null when nothing matches.
 */
export type RecordLookup = (
  token: string,
  value: string,
  found: Readonly<Record<string, string>>,
) => string | null;

export class PathDoesNotFit extends Error {
  override readonly name = 'PathDoesNotFit';
}

/**
 * `extract_variable_values_from_path`: the value at each token's position, with the token's
 * prefix and suffix cut (`v<Version>` on `v003` gives `003`) and "_" read as a space. A
 * literal level that differs throws PathDoesNotFit; the first value of a token wins.
 */
export function tokenValuesOfPath(
  elements: readonly string[],
  templateElements: readonly string[],
): Map<string, string> {
  const values = new Map<string, string>();
  const count = Math.min(elements.length, templateElements.length);
  for (let index = 0; index < count; index += 1) {
    const templateElement = templateElements[index] ?? '';
    const element = elements[index] ?? '';
    const match = WRAPPED_TOKEN.exec(templateElement);
    if (!match) {
      if (templateElement === element) continue;
      throw new PathDoesNotFit(`${element} doesn't match ${templateElement}`);
    }
    const [, prefix = '', token = '', suffix = ''] = match;
    const spaced = element.replaceAll('_', ' ');
    const value = spaced.slice(prefix.length, spaced.length - suffix.length);
    if (!values.get(token)) values.set(token, value);
  }
  return values;
}

/**
 * Every (mode, folder template) the path fits, filled left to right and stopped at the first
 * level that resolves to nothing. A path naming another production than `projectId` resolves
 * no further than its production level.
 */
export function guessFromPath(
  tree: unknown,
  projectId: string,
  filePath: string,
  sep: string,
  lookup: RecordLookup,
): TemplateGuess[] {
  const guesses: TemplateGuess[] = [];
  const seen = new Set<string>();
  // Python's str.split refuses an empty separator (a 500 there): nothing can fit.
  if (sep === '') return guesses;
  for (const mode of treeModes(tree)) {
    const section = sectionOf(tree, mode, 'folder_path');
    const style = styleOf(section);
    const root = applyStyle(rootPath(tree, mode, sep), style);
    const styledPath = applyStyle(filePath, style);
    if (!styledPath.startsWith(root)) continue;
    const elements = styledPath.slice(root.length).split(sep);
    for (const [kind, template] of Object.entries(section)) {
      if (typeof template !== 'string') continue;
      const guess = guessTemplate(kind, template.split(sep), elements, projectId, lookup);
      if (!guess) continue;
      const key = JSON.stringify(Object.entries(guess).sort(([a], [b]) => (a < b ? -1 : 1)));
      if (!seen.has(key)) {
        seen.add(key);
        guesses.push(guess);
      }
    }
  }
  return guesses;
}

function guessTemplate(
  kind: string,
  templateElements: string[],
  elements: string[],
  projectId: string,
  lookup: RecordLookup,
): TemplateGuess | null {
  let values: Map<string, string>;
  try {
    values = tokenValuesOfPath(elements, templateElements);
  } catch (error) {
    if (error instanceof PathDoesNotFit) return null;
    throw error;
  }
  if (values.size === 0) return null;
  const guess: TemplateGuess = { Template: kind };
  for (const templateElement of templateElements) {
    const entry = [...values].find(([token]) => templateElement.includes(`<${token}>`));
    if (!entry) continue;
    const [token, value] = entry;
    const resolved = VALUE_TOKENS.has(token) ? valueOf(token, value) : lookup(token, value, guess);
    if (!resolved) break;
    if (token === 'Project' && resolved !== projectId) break;
    guess[token] = resolved;
  }
  return guess;
}

/** A text token's value; a version is read as Python's int() does, and 0 stops the guess. */
function valueOf(token: string, value: string): string | null {
  if (token !== 'Version') return value === '' ? null : value;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) return null;
  const number = BigInt(value.trim());
  return number === 0n ? null : String(number);
}
