import type { StagedFile } from '../comments/multipart-form';
import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import { badRequest, notFound } from '../http/errors';
import type { Json } from '../models/serialize';
import {
  deleteUnreferencedBackgroundFile,
  findBackgroundFile,
  serializeBackgroundFiles,
  type BackgroundFileRow,
} from './background-file-rows';
import { makeHdrThumbnail } from './hdr-thumbnail';
import {
  backgroundFilePath,
  pictureStagingPath,
  removeBackgroundFiles,
  removePicture,
  storePicture,
  thumbnailPath,
} from './picture-storage';
import { UnreadableHdr } from './radiance-hdr';

/** Zou's `ALLOWED_PREVIEW_BACKGROUND_EXTENSION`. */
export const BACKGROUND_EXTENSIONS: ReadonlySet<string> = new Set(['hdr']);

/**
 * `remove_preview_background_file_by_id(force=True)` after a refused or unreadable upload:
 * the row and what was stored for it go, unless a project still points at the row.
 */
export function dropRefusedBackgroundFile(call: CrudCall, row: BackgroundFileRow): void {
  const removed = call.write(() => deleteUnreferencedBackgroundFile(call.db, row.id));
  if (removed) removeBackgroundFiles(call.context.dataDir, row.id, [row.extension ?? 'hdr']);
}

/**
 * `save_preview_background_file` + the row update: the HDR file is kept as sent, its 300×200
 * thumbnail made from it, then the row says extension, original name and size. A file that
 * does not decode is Zou's "Error while saving…", and takes the row with it.
 */
export async function storeBackgroundUpload(
  call: CrudCall,
  row: BackgroundFileRow,
  upload: StagedFile,
  name: { extension: string; originalName: string },
): Promise<Json> {
  const { dataDir } = call.context;
  const stagedThumbnail = pictureStagingPath(dataDir, 'png');
  const stored: string[] = [];
  try {
    try {
      await makeHdrThumbnail(upload.path, upload.size, stagedThumbnail);
    } catch (error) {
      if (!(error instanceof UnreadableHdr)) throw error;
      dropRefusedBackgroundFile(call, row);
      throw badRequest(`Error while saving preview background file and thumbnail: ${row.id}`);
    }
    const file = backgroundFilePath(dataDir, row.id, name.extension);
    storePicture(upload.path, file);
    stored.push(file);
    const thumbnail = thumbnailPath(dataDir, 'preview-background-files', row.id);
    storePicture(stagedThumbnail, thumbnail);
    stored.push(thumbnail);
    return call.write(() => {
      prepareCached(
        call.db,
        `UPDATE preview_background_file
         SET extension = ?, original_name = ?, file_size = ?, updated_at = ? WHERE id = ?`,
      ).run(name.extension, name.originalName, upload.size, nowDateTime(), row.id);
      const updated = findBackgroundFile(call.db, row.id);
      // Deleted while its file was being read.
      if (!updated) throw notFound();
      const data = { preview_background_file_id: row.id };
      call.emit('preview-background-file:update', data);
      call.emit('preview-background-file:add-file', { ...data, extension: name.extension });
      return serializeBackgroundFiles(call.db, [updated])[0] as Json;
    });
  } catch (error) {
    for (const path of stored) removePicture(path);
    throw error;
  } finally {
    removePicture(stagedThumbnail);
  }
}
