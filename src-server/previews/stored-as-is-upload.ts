import { rmSync } from 'node:fs';
import type { Json } from '../models/serialize';
import { requireStillWaiting, type AcceptedUpload } from './accepted-upload';
import {
  emitFileAdded,
  emitPreviewUpdated,
  serializePreview,
  updatePreviewRow,
  writeWithEvents,
} from './preview-rows';
import { storePreviewFile } from './preview-storage';

/** A format kept as sent (pdf, zip, exr…): stored under its real extension, `ready` at once. */
export function storeFileAsIs(upload: AcceptedUpload): Json {
  const { context, preview, task, name } = upload;
  const stored = storePreviewFile(
    context.dataDir,
    'files',
    preview.id,
    name.extension,
    upload.file.path,
  );
  try {
    return writeWithEvents(context, upload.userId, (emit) => {
      requireStillWaiting(upload);
      updatePreviewRow(context.db, preview.id, {
        extension: name.extension,
        original_name: name.originalName,
        file_size: upload.file.size,
        status: 'ready',
      });
      emitPreviewUpdated(emit, task, preview.id);
      emitFileAdded(context.db, emit, task, preview.id);
      return serializePreview(context.db, preview.id);
    });
  } catch (error) {
    rmSync(stored, { force: true });
    throw error;
  }
}
