import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { formatBytes } from '../../src-shared/file-size';
import { AppError } from '../kitsu/app-error';

/** A granted file, opened for sending: its name and its bytes, read as they are sent. */
export interface OpenedFile {
  name: string;
  blob: Blob;
}

/** Enough for any session; the oldest grants go first past it. */
const MAX_GRANTS = 10_000;

/**
 * The paths main may read for this run: only files the person chose (dropped or picked in
 * Electron, uploaded to the dev host's staging folder). The renderer names files by path, but
 * a path nobody granted is never opened, whatever the renderer says.
 */
export class GrantedFiles {
  private readonly paths = new Set<string>();

  /** Grants an absolute path; anything else is ignored (false). */
  grant(path: string): boolean {
    if (!isAbsolute(path) || path.includes('\0')) return false;
    const normal = resolve(path);
    this.paths.delete(normal);
    this.paths.add(normal);
    if (this.paths.size > MAX_GRANTS) {
      const oldest = this.paths.values().next().value;
      if (oldest !== undefined) this.paths.delete(oldest);
    }
    return true;
  }

  isGranted(path: string): boolean {
    return isAbsolute(path) && !path.includes('\0') && this.paths.has(resolve(path));
  }

  /**
   * Opens a granted regular file of at most `maxBytes`, or says plainly why not. The size is
   * the opened blob's, so a file that grew since it was chosen is caught too.
   */
  async open(path: string, maxBytes: number): Promise<OpenedFile> {
    const name = basename(path);
    if (!this.isGranted(path)) {
      throw new AppError(
        'forbidden',
        `Shotdesk may not read “${name}”: attach it again by dropping it or choosing it.`,
      );
    }
    const stats = await stat(path).catch(() => null);
    if (!stats) {
      throw new AppError(
        'invalid-input',
        `“${name}” is no longer there: it was moved or deleted. Attach it again.`,
      );
    }
    if (!stats.isFile()) {
      throw new AppError('invalid-input', `“${name}” is not a file: attach files, not folders.`);
    }
    const blob = await openAsBlob(path);
    if (blob.size > maxBytes) {
      throw new AppError(
        'invalid-input',
        `“${name}” (${formatBytes(blob.size)}) is larger than ${formatBytes(maxBytes)}, ` +
          'the most one attachment may weigh. Share a link to it instead, or send a smaller file.',
      );
    }
    return { name, blob };
  }
}
