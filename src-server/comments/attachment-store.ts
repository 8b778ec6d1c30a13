import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isUuid, newId } from '../db/ids';

// Attachment bytes live under `<dataDir>/attachments/`, sharded like Zou's local file store
// (`<id[0:3]>/<id[3:6]>/<id>`). Paths are built from the row's UUID only, never from a name a
// client sent, and checked to stay inside the folder.

export function attachmentsRoot(dataDir: string): string {
  return resolve(dataDir, 'attachments');
}

function insideFolder(root: string, ...parts: string[]): string {
  const path = resolve(root, ...parts);
  if (!path.startsWith(root + sep)) throw new Error(`Storage path escapes ${root}`);
  return path;
}

export function attachmentPath(dataDir: string, attachmentId: string): string {
  if (!isUuid(attachmentId)) throw new Error(`Not an attachment id: ${attachmentId}`);
  const id = attachmentId.toLowerCase();
  return insideFolder(attachmentsRoot(dataDir), id.slice(0, 3), id.slice(3, 6), id);
}

/** Where a generated thumbnail of an attachment is cached. */
export function attachmentThumbnailPath(dataDir: string, attachmentId: string): string {
  if (!isUuid(attachmentId)) throw new Error(`Not an attachment id: ${attachmentId}`);
  const id = attachmentId.toLowerCase();
  return insideFolder(attachmentsRoot(dataDir), 'thumbnails', id.slice(0, 3), `${id}.png`);
}

/** A fresh file path for an upload in progress, on the same disk as the store. */
export function stagingPath(dataDir: string): string {
  const folder = insideFolder(attachmentsRoot(dataDir), 'staging');
  mkdirSync(folder, { recursive: true });
  return join(folder, newId());
}

/** Moves an upload into the store (a rename: same disk). */
export function storeAttachment(dataDir: string, attachmentId: string, stagedPath: string): string {
  const target = attachmentPath(dataDir, attachmentId);
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(stagedPath, target);
  return target;
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}

/** An attachment's bytes and cached thumbnail, once its row is gone. */
export function removeAttachmentFiles(dataDir: string, attachmentId: string): void {
  removeQuietly(attachmentPath(dataDir, attachmentId));
  removeQuietly(attachmentThumbnailPath(dataDir, attachmentId));
}
