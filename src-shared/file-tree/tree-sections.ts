import { MalformedFileTreeError } from './errors';

// Reading a project's `file_tree` JSON (REFERENCE §6). The tree is stored data a manager may
// have written by hand, so every lookup checks its shape and fails with Zou's messages.

/** `{ "<kind>": "<template>", …, "style": "lowercase" }`, one per section of a mode. */
export type TemplateSection = Record<string, unknown>;

/** Which template of a section an entity reads. */
export type TemplateKind =
  'shot' | 'sequence' | 'scene' | 'episode' | 'asset' | 'instance' | 'instance_asset';

export type SectionName = 'folder_path' | 'file_name';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The modes a tree declares (working, output, preview, …), in its order. */
export function treeModes(tree: unknown): string[] {
  if (tree === null || tree === undefined) {
    throw new MalformedFileTreeError('No tree can be found for given project.');
  }
  return isObject(tree) ? Object.keys(tree) : [];
}

/** One mode of the tree; the first checks `get_root_path` makes, with its messages. */
export function modeOf(tree: unknown, mode: string): JsonObject {
  if (tree === null || tree === undefined) {
    throw new MalformedFileTreeError('No tree can be found for given project.');
  }
  if (!isObject(tree) || !Object.hasOwn(tree, mode)) {
    throw new MalformedFileTreeError(`Mode ${mode} cannot be found on given tree.`);
  }
  const section = tree[mode];
  if (!isObject(section)) throw cannotServeMode(mode);
  return section;
}

function cannotServeMode(mode: string): MalformedFileTreeError {
  return new MalformedFileTreeError(`Can't find given mode (${mode}) in given tree.`);
}

/** `mountpoint + sep + root + sep`, or `mountpoint + sep` when the root is empty. */
export function rootPath(tree: unknown, mode: string, sep: string): string {
  const section = modeOf(tree, mode);
  const mountpoint = own(section, 'mountpoint');
  const root = own(section, 'root');
  if (typeof mountpoint !== 'string' || (typeof root !== 'string' && root !== null)) {
    throw cannotServeMode(mode);
  }
  return root ? `${mountpoint}${sep}${root}${sep}` : `${mountpoint}${sep}`;
}

/**
 * The folder_path or file_name section of a mode. A tree without one is malformed (Zou's own
 * 500 here is a KeyError; our decision is its empty-message 400, as for a missing template).
 */
export function sectionOf(tree: unknown, mode: string, name: SectionName): TemplateSection {
  const section = own(modeOf(tree, mode), name);
  if (!isObject(section)) throw new MalformedFileTreeError('');
  return section;
}

/** The section's `style`: "uppercase", "lowercase", or anything else for none. */
export function styleOf(section: TemplateSection): string {
  const style = own(section, 'style');
  return typeof style === 'string' ? style : '';
}

/** The template for an entity kind; a missing one is Zou's empty-message MalformedFileTree. */
export function templateOf(section: TemplateSection, kind: TemplateKind): string {
  const template = own(section, kind);
  if (typeof template !== 'string') throw new MalformedFileTreeError('');
  return template;
}

/** `apply_style`: the case a tree asks for; any other value leaves the text as it is. */
export function applyStyle(text: string, style: string): string {
  if (style === 'uppercase') return text.toUpperCase();
  if (style === 'lowercase') return text.toLowerCase();
  return text;
}
