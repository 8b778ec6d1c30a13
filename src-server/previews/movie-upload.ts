import { rmSync } from 'node:fs';
import { removePreviewFile } from '../crud/cascades/preview-file';
import { badRequest, notFound } from '../http/errors';
import type { Json } from '../models/serialize';
import { requireStillWaiting, type AcceptedUpload } from './accepted-upload';
import type { MovieJobs } from './movie-jobs';
import {
  emitFileAdded,
  emitPreviewUpdated,
  findPreviewRow,
  serializePreview,
  updatePreviewRow,
  writeWithEvents,
} from './preview-rows';
import { storePreviewFile } from './preview-storage';

export interface MovieUploadOptions {
  /** `?normalize=` (default true): false keeps the upload as the movie. */
  normalize: boolean;
  /** Answer once processed, as Zou does without a job queue (`?no_job=true`, normalize=false). */
  waitForProcessing: boolean;
}

/**
 * A movie: the upload is kept as the source, the row says `mp4` and stays `processing`, and
 * the encoding runs in the job queue, off the request.
 */
export async function storeMovieUpload(
  upload: AcceptedUpload,
  jobs: MovieJobs,
  options: MovieUploadOptions,
): Promise<Json> {
  const { context, preview, task, name } = upload;
  if (upload.file.size === 0) {
    context.db.transaction(() => removePreviewFile(context.db, preview.id))();
    throw badRequest(
      'Uploaded movie could not be written to temporary storage or is empty; aborting ' +
        'before dispatching normalization.',
    );
  }
  const source = storePreviewFile(
    context.dataDir,
    'movie-source',
    preview.id,
    name.extension,
    upload.file.path,
  );
  try {
    writeWithEvents(context, upload.userId, (emit) => {
      requireStillWaiting(upload);
      updatePreviewRow(context.db, preview.id, {
        extension: 'mp4',
        original_name: name.originalName,
        status: 'processing',
      });
      emitPreviewUpdated(emit, task, preview.id);
      emitFileAdded(context.db, emit, task, preview.id);
    });
  } catch (error) {
    rmSync(source, { force: true });
    throw error;
  }
  const processed = jobs.enqueue(preview.id, { normalize: options.normalize });
  if (options.waitForProcessing) await processed;
  if (!findPreviewRow(context.db, preview.id)) throw notFound();
  return serializePreview(context.db, preview.id);
}
