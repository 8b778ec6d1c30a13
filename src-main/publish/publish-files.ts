import { createWriteStream } from 'node:fs';
import { link, mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { formatBytes } from '../../src-shared/file-size';
import {
  PUBLISH_FILE_BYTES_MAX,
  publishFileKind,
  type PublishFileCheck,
} from '../../src-shared/publish';
import type { GrantedFiles } from '../files/granted-files';
import { AppError } from '../kitsu/app-error';
import { removeOutboxFiles, type OutboxFile } from '../sync/outbox-files';
import { lookAtMovie } from './movie-look';

const THUMBNAIL = { width: 160, height: 90 };

/** A dropped file as the publish dialog shows it: what it is, and whether Kitsu takes it. */
export async function checkPublishFile(
  granted: GrantedFiles,
  ref: string,
): Promise<PublishFileCheck> {
  const name = basename(ref);
  const kind = publishFileKind(name);
  const refused = (reason: string, size = 0): PublishFileCheck => ({
    ref,
    name,
    size,
    kind,
    accepted: false,
    reason,
    thumbnail: null,
    movie: null,
  });
  if (!granted.isGranted(ref)) return refused('Shotdesk may not read it: drop it again.');
  const stats = await stat(ref).catch(() => null);
  if (!stats) return refused('It is no longer there: it was moved or deleted.');
  if (!stats.isFile()) return refused('It is a folder: drop files.');
  if (stats.size === 0) return refused('It is empty.', 0);
  if (stats.size > PUBLISH_FILE_BYTES_MAX) {
    return refused(
      `It weighs ${formatBytes(stats.size)}, more than the ${formatBytes(PUBLISH_FILE_BYTES_MAX)} a preview may.`,
      stats.size,
    );
  }
  if (kind === null) {
    return refused(
      'Kitsu does not take this format as a preview: publish a movie (mp4, mov…), a picture (png, jpg) or a listed file type.',
      stats.size,
    );
  }
  const movie = kind === 'movie' ? await lookAtMovie(ref) : null;
  return {
    ref,
    name,
    size: stats.size,
    kind,
    accepted: true,
    reason: null,
    thumbnail: kind === 'picture' ? await pictureThumbnail(ref) : (movie?.thumbnail ?? null),
    movie: movie?.facts ?? null,
  };
}

/** A small PNG of a picture as a data URL; null when it cannot be read as one. */
async function pictureThumbnail(path: string): Promise<string | null> {
  try {
    const png = await sharp(path, { limitInputPixels: 20_000 * 20_000 })
      .resize({ ...THUMBNAIL, fit: 'inside' })
      .png()
      .toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return null;
  }
}

/**
 * Keeps the publish's files beside the outbox, by position, before the publish is recorded:
 * the originals may move or change while it waits. A hard link costs no copy of a large
 * movie (a render replaced by a new one leaves the link on the old bytes); across disks, a copy.
 */
export async function keepPublishFiles(
  root: string,
  entryId: string,
  granted: GrantedFiles,
  refs: readonly string[],
): Promise<OutboxFile[]> {
  const checked: { ref: string; name: string; size: number }[] = [];
  for (const ref of refs) {
    const check = await checkPublishFile(granted, ref);
    if (!check.accepted) throw new AppError('invalid-input', `“${check.name}”: ${check.reason}`);
    checked.push(check);
  }
  const dir = join(root, entryId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const kept: OutboxFile[] = [];
    for (const [index, file] of checked.entries()) {
      const target = join(dir, String(index));
      const linked = await link(file.ref, target).then(
        () => true,
        () => false,
      );
      if (!linked) {
        const opened = await granted.open(file.ref, PUBLISH_FILE_BYTES_MAX);
        await pipeline(Readable.fromWeb(opened.blob.stream() as never), createWriteStream(target));
      }
      kept.push({ name: file.name, size: (await stat(target)).size });
    }
    return kept;
  } catch (error) {
    await removeOutboxFiles(root, entryId);
    if (error instanceof AppError) throw error;
    throw new AppError(
      'server-error',
      `The files could not be kept for publishing (${(error as Error).message}). ` +
        'Check the free disk space and drop them again.',
    );
  }
}
