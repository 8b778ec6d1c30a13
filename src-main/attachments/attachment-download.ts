import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError, isAppError } from '../kitsu/app-error';
import { explainFailure } from '../kitsu/explain-failure';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, text } from '../tasks/task-comment-row';
import { numberedName, safeFileName } from './safe-file-name';

const GONE = 'This attachment no longer exists: it may have been deleted. Refresh the thread.';
const NOT_YOURS = 'You may not download this attachment. Ask your production manager for access.';

/** How many `name (n).ext` are tried before giving up on a crowded folder. */
const NUMBERED_MAX = 1000;

/**
 * Saves an attachment file in `folder` under its own name made safe, or the first free
 * numbered variant: an existing file is never overwritten, nothing lands outside `folder`,
 * and a failed transfer leaves no partial file. Returns the saved file's path.
 */
export async function downloadAttachment(
  client: KitsuClient,
  attachmentId: string,
  folder: string,
): Promise<string> {
  const id = encodeURIComponent(attachmentId);
  const meta = asRow(
    await explainFailure(client.get<unknown>(`/data/attachment-files/${id}`), {
      'not-found': GONE,
      forbidden: NOT_YOURS,
    }),
  );
  const serverName = text(meta, 'name') ?? '';
  const extension = (text(meta, 'extension') ?? '').replace(/[^a-z0-9]/gi, '');
  const name = safeFileName(serverName, extension ? `attachment.${extension}` : 'attachment');
  // Kitsu ignores the name in this path; the safe one cannot be `..` and climb the URL.
  const response = await explainFailure(
    client.download(`/data/attachment-files/${id}/file/${encodeURIComponent(name)}`),
    { 'not-found': GONE, forbidden: NOT_YOURS },
  );
  if (!response.body) throw new AppError('server-error', `The server sent no file for ${name}.`);

  const file = await createFreeFile(folder, name);
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      file.handle.createWriteStream(),
    );
  } catch (error) {
    await file.handle.close().catch(() => undefined);
    await rm(file.path, { force: true });
    throw writeFailure(error, name, folder, true);
  }
  return file.path;
}

/** Creates `name`, else `name (1)`…, exclusively: never an existing file, nor a symlink's target. */
async function createFreeFile(
  folder: string,
  name: string,
): Promise<{ path: string; handle: FileHandle }> {
  const root = resolve(folder);
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw writeFailure(error, name, root, false);
  }
  for (let index = 0; index < NUMBERED_MAX; index += 1) {
    const path = join(root, numberedName(name, index));
    // safeFileName already keeps to one segment; this is the last guard on the way to disk.
    if (dirname(path) !== root) throw new AppError('invalid-input', `Refused the name ${name}.`);
    try {
      return { path, handle: await open(path, 'wx') };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw writeFailure(error, name, root, false);
    }
  }
  throw new AppError(
    'conflict',
    `${root} already holds ${NUMBERED_MAX} files named like ${name}. Tidy it up and try again.`,
  );
}

function writeFailure(error: unknown, name: string, folder: string, transfer: boolean): AppError {
  if (isAppError(error)) return error;
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('forbidden', `Shotdesk may not write in ${folder} (${code}).`);
  }
  if (code === 'ENOSPC') {
    return new AppError('server-error', `There is no room left in ${folder} for ${name}.`);
  }
  if (transfer && code === null) {
    return new AppError(
      'offline',
      `The download of ${name} was interrupted. Check your network and try again.`,
    );
  }
  return new AppError(
    'server-error',
    `${name} could not be saved in ${folder}${code ? ` (${code})` : ''}. Try again.`,
  );
}

function errorCode(error: unknown): string | null {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : null;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}
