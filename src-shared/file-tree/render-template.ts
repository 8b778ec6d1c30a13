import { slugify } from '../slugify';
import type { FileTreeFacts } from './facts';
import { TOKEN_FIELDS, tokenValue } from './token-values';
import { applyStyle } from './tree-sections';

// Zou's `update_variable`: every `<Token>` / `<Token.field>` of a template replaced by its
// value, slugified with "_" and styled; text between tokens is the tree's and stays as is.

/** Python's `<([\w\.]*)>`, `\w` being Unicode letters, digits and the underscore. */
const TOKEN = /<([\p{L}\p{N}_.]*)>/gu;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function renderTemplate(template: string, facts: FileTreeFacts, style: string): string {
  let rendered = template;
  for (const match of template.matchAll(TOKEN)) {
    const variable = match[1] ?? '';
    const [token = '', requested] = variable.split('.');
    const field = requested !== undefined && TOKEN_FIELDS.has(requested) ? requested : 'name';
    const value = tokenValue(token, field, facts);
    if (value === null) continue;
    const text = field === 'id' ? verbatimId(value) : applyStyle(slugify(value, '_'), style);
    rendered = rendered.replaceAll(`<${variable}>`, text);
  }
  return rendered;
}

/**
 * Ids are kept as they are, to stay usable as ids. Kitsu's are UUIDs; anything else a record
 * may carry is slugified, so that no value can ever add a folder level to a path.
 */
function verbatimId(value: string): string {
  return CANONICAL_UUID.test(value) ? value : slugify(value, '_');
}
