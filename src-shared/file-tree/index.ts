// The file-tree engine (REFERENCE §6): working and output paths from a project's tree, and the
// reverse guess from a path. Pure: callers gather the facts, the engine only renders.
export { FileTreeLookupError, MalformedFileTreeError, MissingFactError } from './errors';
export type { AssetInstanceFacts, EntityFacts, FileTreeFacts, TokenSource } from './facts';
export {
  joinPath,
  renderFileName,
  renderFilePath,
  renderFolderPath,
  templateKind,
  type PathOptions,
  type RenderedPath,
} from './file-paths';
export {
  guessFromPath,
  tokenValuesOfPath,
  PathDoesNotFit,
  type RecordLookup,
  type TemplateGuess,
} from './guess-from-path';
export type { TemplateKind } from './tree-sections';
