import { slugify } from '../slugify';
import type { FileTreeFacts } from './facts';
import { renderTemplate } from './render-template';
import {
  applyStyle,
  rootPath,
  sectionOf,
  styleOf,
  templateOf,
  type TemplateKind,
} from './tree-sections';

// Working and output paths from a project's file tree (REFERENCE §6, Zou's
// `file_tree_service`): the one implementation the server and the app share.

/** Zou's UUID v4 pattern: the ids a file name carries are put back after slugifying it. */
const UUID_V4 = /[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89aAbB][a-f0-9]{3}-[a-f0-9]{12}/g;

export interface RenderedPath {
  /** The folder, from the mode's mountpoint and root, with `sep` between levels. */
  folder: string;
  /** The file name without extension. */
  fileName: string;
}

export interface PathOptions {
  /** Separator of the target platform; the template's "/" become it. Default "/". */
  sep?: string;
  /** An output of several elements (an image sequence) gets the `_[1-N]` suffix. */
  nbElements?: number;
}

/** The template an entity reads: instances by their target, others by their kind. */
export function templateKind(facts: FileTreeFacts): TemplateKind {
  if (facts.asset_instance) {
    return facts.asset_instance.target_asset_id === null ? 'instance' : 'instance_asset';
  }
  switch (facts.entity.type) {
    case 'Shot':
      return 'shot';
    case 'Sequence':
      return 'sequence';
    case 'Scene':
      return 'scene';
    case 'Episode':
      return 'episode';
    default:
      return 'asset';
  }
}

/** The folder of a file: root path, then the folder template with "/" turned into `sep`. */
export function renderFolderPath(
  tree: unknown,
  mode: string,
  facts: FileTreeFacts,
  sep = '/',
): string {
  const root = rootPath(tree, mode, sep);
  const section = sectionOf(tree, mode, 'folder_path');
  const template = templateOf(section, templateKind(facts));
  const folder = renderTemplate(template, facts, styleOf(section)).replaceAll('/', sep);
  return joinPath(root, folder, '');
}

/**
 * The file name: the template rendered (values lowercased), then the whole name slugified
 * again and styled, so literal dots, dashes and spaces become "_"; ids are restored after.
 */
export function renderFileName(
  tree: unknown,
  mode: string,
  facts: FileTreeFacts,
  nbElements = 1,
): string {
  const section = sectionOf(tree, mode, 'file_name');
  const rendered = renderTemplate(templateOf(section, templateKind(facts)), facts, 'lowercase');
  const style = styleOf(section);
  let fileName = applyStyle(slugify(rendered, '_'), style);
  for (const uuid of rendered.match(UUID_V4) ?? []) {
    fileName = fileName.replaceAll(applyStyle(slugify(uuid, '_'), style), uuid);
  }
  return nbElements > 1 ? `${fileName}_[1-${nbElements}]` : fileName;
}

/** Folder then file name, in the order Zou renders them (so its errors come first). */
export function renderFilePath(
  tree: unknown,
  mode: string,
  facts: FileTreeFacts,
  options: PathOptions = {},
): RenderedPath {
  const folder = renderFolderPath(tree, mode, facts, options.sep ?? '/');
  return { folder, fileName: renderFileName(tree, mode, facts, options.nbElements ?? 1) };
}

/** `join_path`: `left + sep + right`, or whichever is not empty. */
export function joinPath(left: string, right: string, sep: string): string {
  if (left === '') return right;
  if (right === '') return left;
  return `${left}${sep}${right}`;
}
