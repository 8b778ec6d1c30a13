// What rendering a path can fail with. Each class maps to one of Zou's answers: the server
// turns them into HTTP errors, the app into a message naming what to fix.

/** The project's tree cannot render this path (Zou's `MalformedFileTreeException`, a 400). */
export class MalformedFileTreeError extends Error {
  override readonly name = 'MalformedFileTreeError';
}

/** A record the tree reads through is missing, as a shot with no sequence (Zou: a 404). */
export class FileTreeLookupError extends Error {
  override readonly name = 'FileTreeLookupError';

  constructor(readonly missing: 'sequence' | 'department' | 'asset type') {
    super(`No ${missing} can be found for this path.`);
  }
}

/** The caller did not gather a fact a token of the template reads: a caller's bug. */
export class MissingFactError extends Error {
  override readonly name = 'MissingFactError';

  constructor(readonly fact: string) {
    super(`The file tree needs the ${fact}, which was not given.`);
  }
}
