import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isUuid, newId } from '../db/ids';
import { MOVIE_EXTENSIONS } from './preview-formats';

// Preview bytes live under `<dataDir>/previews/<variant>/`, sharded like Zou's local file store
// (`<id[0:3]>/<id[3:6]>/<id>.<ext>`). Paths are built from the row's UUID and a checked
// extension only, never from a name a client sent, and checked to stay inside the folder.

/** Every stored form of a preview file; stills and movies share the `thumbnails*` ones. */
export type PreviewVariant =
  | 'thumbnails' // 150×100 PNG
  | 'thumbnails-square' // 100×100 PNG
  | 'previews' // stills: 1200-wide PNG
  | 'original' // stills: PNG of the upload
  | 'movie-previews' // movies: normalized full-definition MP4
  | 'movie-lowdef' // movies: low-definition MP4
  | 'movie-source' // movies: the upload as sent
  | 'tiles' // movies: PNG contact sheet
  | 'files'; // stored as-is formats (pdf, zip, exr…), real extension

export function previewsRoot(dataDir: string): string {
  return resolve(dataDir, 'previews');
}

function insideFolder(root: string, ...parts: string[]): string {
  const path = resolve(root, ...parts);
  if (!path.startsWith(root + sep)) throw new Error(`Storage path escapes ${root}`);
  return path;
}

const SAFE_EXTENSION = /^[a-z0-9]{1,8}$/;

export function previewPath(
  dataDir: string,
  variant: PreviewVariant,
  previewFileId: string,
  extension: string,
): string {
  if (!isUuid(previewFileId)) throw new Error(`Not a preview file id: ${previewFileId}`);
  const ext = extension.toLowerCase();
  if (!SAFE_EXTENSION.test(ext)) throw new Error(`Not a storable extension: ${extension}`);
  const id = previewFileId.toLowerCase();
  return insideFolder(
    previewsRoot(dataDir),
    variant,
    id.slice(0, 3),
    id.slice(3, 6),
    `${id}.${ext}`,
  );
}

/** A fresh file path for an upload or a conversion in progress, on the same disk as the store. */
export function previewStagingPath(dataDir: string, extension = 'part'): string {
  const folder = insideFolder(previewsRoot(dataDir), 'staging');
  mkdirSync(folder, { recursive: true });
  return join(folder, `${newId()}.${extension}`);
}

/** Moves a finished file into the store (a rename: same disk, so readers never see half a file). */
export function storePreviewFile(
  dataDir: string,
  variant: PreviewVariant,
  previewFileId: string,
  extension: string,
  stagedPath: string,
): string {
  const target = previewPath(dataDir, variant, previewFileId, extension);
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(stagedPath, target);
  return target;
}

const ALL_VARIANTS: PreviewVariant[] = [
  'thumbnails',
  'thumbnails-square',
  'previews',
  'original',
  'movie-previews',
  'movie-lowdef',
  'movie-source',
  'tiles',
  'files',
];

/** A movie's source as uploaded (its row says `mp4` whatever the upload was), if stored. */
export function findMovieSource(dataDir: string, previewFileId: string): string | null {
  for (const extension of MOVIE_EXTENSIONS) {
    const path = previewPath(dataDir, 'movie-source', previewFileId, extension);
    if (existsSync(path)) return path;
  }
  return null;
}

/** Every stored form of a preview, once its row is gone (the extensions it may have used). */
export function removePreviewFiles(dataDir: string, previewFileId: string, extensions: string[]) {
  const candidates = new Set([
    'png',
    ...MOVIE_EXTENSIONS,
    ...extensions.map((e) => e.toLowerCase()),
  ]);
  for (const variant of ALL_VARIANTS) {
    for (const ext of candidates) {
      if (!SAFE_EXTENSION.test(ext)) continue;
      rmSync(previewPath(dataDir, variant, previewFileId, ext), { force: true });
    }
  }
}
