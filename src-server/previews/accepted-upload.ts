import type { StagedFile } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { badRequestPlain, notFound } from '../http/errors';
import type { UploadName } from './preview-formats';
import { findPreviewRow, type PreviewRow, type PreviewTask } from './preview-rows';

/** An upload that passed the checks: its row, its task, and its bytes in the staging folder. */
export interface AcceptedUpload {
  context: ServerContext;
  userId: string;
  preview: PreviewRow;
  task: PreviewTask;
  file: StagedFile;
  name: UploadName;
}

/** `PreviewFileReuploadNotAllowedException`: werkzeug's BadRequest with its default text. */
export function reuploadRefused() {
  return badRequestPlain(
    'The browser (or proxy) sent a request that this server could not understand.',
  );
}

/**
 * Re-reads the row inside the write that stores the file: it may have been deleted, or
 * given a file, while this upload streamed.
 */
export function requireStillWaiting(upload: AcceptedUpload): PreviewRow {
  const current = findPreviewRow(upload.context.db, upload.preview.id);
  if (!current) throw notFound();
  if (current.original_name) throw reuploadRefused();
  return current;
}
