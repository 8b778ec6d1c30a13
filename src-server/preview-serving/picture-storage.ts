import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isUuid, newId } from '../db/ids';

// Pictures that are not previews of a task live under `<dataDir>/pictures/`: preview background
// files as uploaded (`preview-backgrounds/<id>.<ext>`) and the thumbnails Zou keeps beside its
// preview thumbnails (`thumbnails/<owner>/<id>.png`). Paths are built from a row's UUID and a
// checked extension only, and checked to stay inside the folder.

/** Whose thumbnail a file is, named as in the `/pictures/thumbnails/<owner>/` routes. */
export type ThumbnailOwner = 'organisations' | 'preview-background-files';

export function picturesRoot(dataDir: string): string {
  return resolve(dataDir, 'pictures');
}

function insideRoot(dataDir: string, ...parts: string[]): string {
  const root = picturesRoot(dataDir);
  const path = resolve(root, ...parts);
  if (!path.startsWith(root + sep)) throw new Error(`Storage path escapes ${root}`);
  return path;
}

function checkedId(id: string): string {
  if (!isUuid(id)) throw new Error(`Not a row id: ${id}`);
  return id.toLowerCase();
}

const SAFE_EXTENSION = /^[a-z0-9]{1,8}$/;

/** Whether a file may be stored under that extension (lowercase letters and digits). */
export function isStorableExtension(extension: string): boolean {
  return SAFE_EXTENSION.test(extension);
}

export function backgroundFilePath(dataDir: string, id: string, extension: string): string {
  const ext = extension.toLowerCase();
  if (!SAFE_EXTENSION.test(ext)) throw new Error(`Not a storable extension: ${extension}`);
  return insideRoot(dataDir, 'preview-backgrounds', `${checkedId(id)}.${ext}`);
}

export function thumbnailPath(dataDir: string, owner: ThumbnailOwner, id: string): string {
  return insideRoot(dataDir, 'thumbnails', owner, `${checkedId(id)}.png`);
}

/** A fresh path for an upload or a picture being made, on the same disk as the store. */
export function pictureStagingPath(dataDir: string, extension = 'part'): string {
  if (!SAFE_EXTENSION.test(extension)) throw new Error(`Not a storable extension: ${extension}`);
  const folder = insideRoot(dataDir, 'staging');
  mkdirSync(folder, { recursive: true });
  return join(folder, `${newId()}.${extension}`);
}

/** Moves a finished file to its place (a rename: readers never see half a file). */
export function storePicture(stagedPath: string, target: string): void {
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(stagedPath, target);
}

export function removePicture(path: string): void {
  rmSync(path, { force: true });
}

/** `clear_preview_background_files`: the file, whatever its extension, and its thumbnail. */
export function removeBackgroundFiles(dataDir: string, id: string, extensions: string[]): void {
  for (const extension of new Set(['hdr', ...extensions.map((ext) => ext.toLowerCase())])) {
    if (SAFE_EXTENSION.test(extension)) removePicture(backgroundFilePath(dataDir, id, extension));
  }
  removePicture(thumbnailPath(dataDir, 'preview-background-files', id));
}
