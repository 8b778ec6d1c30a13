import { formatBytes } from '../../../src-shared/file-size';
import {
  COMMENT_ATTACHMENT_BYTES_MAX,
  COMMENT_ATTACHMENTS_MAX,
} from '../../../src-shared/task-comment';

/** What a file needs for these checks: a File, or anything shaped like one. */
export interface FileLike {
  name: string;
  size: number;
  lastModified: number;
}

export interface AddedFiles<F extends FileLike> {
  files: F[];
  /** One sentence per file left out, saying why and what to do. */
  refusals: string[];
}

/**
 * Adds files the person dropped or picked to those already attached: too big or one too many
 * are refused with a reason (main and the server check again); the same file twice is kept
 * once.
 */
export function addFiles<F extends FileLike>(
  current: readonly F[],
  incoming: readonly F[],
  limits = { maxBytes: COMMENT_ATTACHMENT_BYTES_MAX, maxFiles: COMMENT_ATTACHMENTS_MAX },
): AddedFiles<F> {
  const files = [...current];
  const refusals: string[] = [];
  for (const file of incoming) {
    if (files.some((kept) => sameFile(kept, file))) continue;
    if (file.size > limits.maxBytes) {
      refusals.push(
        `“${file.name}” (${formatBytes(file.size)}) is larger than ${formatBytes(limits.maxBytes)}, ` +
          'the most one attachment may weigh. Share a link to it instead, or send a smaller file.',
      );
    } else if (files.length >= limits.maxFiles) {
      refusals.push(
        `“${file.name}” was left out: one comment carries at most ${limits.maxFiles} files.`,
      );
    } else {
      files.push(file);
    }
  }
  return { files, refusals };
}

const sameFile = (a: FileLike, b: FileLike) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
