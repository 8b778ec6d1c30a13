import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { AppError } from '../kitsu/app-error';
import type { GrantedFiles, OpenedFile } from '../files/granted-files';

/** A file attached to a waiting write: copied into the outbox's folder, named there by position. */
export interface OutboxFile {
  /** The name it had and will have on the server. */
  name: string;
  size: number;
}

export const outboxFileSchema = z.object({ name: z.string(), size: z.number() });

/** The folder of the outbox's own copies of attached files, beside the cache file. */
export function outboxFilesDir(cacheFilePath: string): string {
  return cacheFilePath.replace(/\.sqlite$/, '') + '.outbox-files';
}

const entryIdSchema = z.uuid();

/** One write's folder; its id is a uuid, so the path never leaves the outbox's folder. */
function entryDir(root: string, entryId: string): string {
  return join(root, entryIdSchema.parse(entryId));
}

/**
 * Copies the chosen files into the outbox's folder before the write is recorded: the person may
 * move or delete the originals while the write waits. Each is checked (granted, a regular file,
 * small enough) and copied from the very bytes that were checked. Nothing is left behind on
 * failure.
 */
export async function copyIntoOutbox(
  root: string,
  entryId: string,
  granted: GrantedFiles,
  refs: readonly string[],
  maxBytes: number,
): Promise<OutboxFile[]> {
  const dir = entryDir(root, entryId);
  if (refs.length === 0) return [];
  const opened: OpenedFile[] = [];
  for (const ref of refs) opened.push(await granted.open(ref, maxBytes));
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const copies: OutboxFile[] = [];
    for (const [index, file] of opened.entries()) {
      const target = join(dir, String(index));
      await pipeline(Readable.fromWeb(file.blob.stream() as never), createWriteStream(target));
      copies.push({ name: file.name, size: file.blob.size });
    }
    return copies;
  } catch (error) {
    await removeOutboxFiles(root, entryId);
    throw new AppError(
      'server-error',
      `The attached files could not be kept for sending (${(error as Error).message}). ` +
        'Check the free disk space and attach them again.',
    );
  }
}

/** A kept copy, opened for sending under its original name. */
export async function openOutboxFile(
  root: string,
  entryId: string,
  index: number,
  file: OutboxFile,
): Promise<OpenedFile> {
  const path = join(entryDir(root, entryId), String(Math.trunc(index)));
  const found = await stat(path).catch(() => null);
  if (!found?.isFile()) {
    throw new AppError(
      'invalid-input',
      `The copy of “${file.name}” kept for sending is gone from ${root}. ` +
        'Discard this comment and write it again with the file attached.',
    );
  }
  return { name: file.name, blob: await openAsBlob(path) };
}

export async function removeOutboxFiles(root: string, entryId: string): Promise<void> {
  await rm(entryDir(root, entryId), { recursive: true, force: true });
}
