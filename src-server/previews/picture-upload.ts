import { rmSync, statSync } from 'node:fs';
import { badRequest } from '../http/errors';
import type { Json } from '../models/serialize';
import { requireStillWaiting, type AcceptedUpload } from './accepted-upload';
import { discardStagedPicture, stagePictureVariants, UnreadablePicture } from './picture-variants';
import {
  applyPreviewToTask,
  emitFileAdded,
  emitPreviewUpdated,
  serializePreview,
  updatePreviewRow,
  writeWithEvents,
} from './preview-rows';
import { storePreviewFile } from './preview-storage';

/**
 * A still (jpg, png…): its variants made at once, then the row `ready` with the picture's
 * size; a first-position preview becomes the task's last preview.
 */
export async function storePictureUpload(upload: AcceptedUpload): Promise<Json> {
  const { context, preview, task } = upload;
  let picture;
  try {
    picture = await stagePictureVariants(context.dataDir, upload.file.path);
  } catch (error) {
    if (!(error instanceof UnreadablePicture)) throw error;
    // The row stays as it was: a readable file may still be sent.
    throw badRequest(`The uploaded picture could not be read: ${error.message}`);
  }
  const stored: string[] = [];
  try {
    const original = picture.files.find((file) => file.variant === 'original');
    // Zou's file_size is the size of the PNG it stores as the original.
    const fileSize = original ? statSync(original.path).size : upload.file.size;
    for (const file of picture.files) {
      stored.push(storePreviewFile(context.dataDir, file.variant, preview.id, 'png', file.path));
    }
    return writeWithEvents(context, upload.userId, (emit) => {
      requireStillWaiting(upload);
      updatePreviewRow(context.db, preview.id, {
        extension: 'png',
        original_name: upload.name.originalName,
        width: picture.width,
        height: picture.height,
        file_size: fileSize,
        status: 'ready',
      });
      emitPreviewUpdated(emit, task, preview.id);
      const response = serializePreview(context.db, preview.id);
      applyPreviewToTask(context.db, emit, task, preview);
      emitFileAdded(context.db, emit, task, preview.id);
      return response;
    });
  } catch (error) {
    for (const path of stored) rmSync(path, { force: true });
    throw error;
  } finally {
    discardStagedPicture(picture);
  }
}
