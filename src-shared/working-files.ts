/**
 * Working files of a task: where the production's file tree puts them (Kitsu's answer), and
 * where that is on this computer (the tree's mount point mapped in Settings).
 */

export interface Software {
  id: string;
  name: string;
  /** `.blend`, `.ma`…, as Kitsu stores it. */
  fileExtension: string;
}

export interface WorkingPath {
  taskId: string;
  softwareId: string | null;
  /** The working file's name part (`main` by default). */
  name: string;
  /** The next revision: after the highest Kitsu knows and the highest on this computer. */
  revision: number;
  /** The folder as the file tree names it (`/prod/...`). */
  treeFolder: string;
  /** The file name without extension. */
  fileName: string;
  /** The folder on this computer; null when no production folder maps the tree's mount point. */
  localFolder: string | null;
  /** The whole file path on this computer, with the software's extension. */
  localFile: string | null;
  /** The tree's mount point when Settings map none of it, for the person to map. */
  unmappedMountPoint: string | null;
  /** Whether the local folder exists already. */
  folderExists: boolean;
  /** The task's preview folder on this computer, watched for new renders; null when unmapped. */
  previewFolder: string | null;
  /**
   * The project's tree names every revision alike (no `<Version>` in its file names), and
   * that file is on this computer already: saving there replaces it.
   */
  sameNameEveryRevision: boolean;
}

/** A movie or picture that appeared in the watched preview folder of a task. */
export interface FoundRender {
  taskId: string;
  /** A file ref main grants, for publishing it. */
  ref: string;
  name: string;
  size: number;
}
