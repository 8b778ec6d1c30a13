import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { removeQuietly, storeAttachment } from './attachment-store';
import type { StagedFile } from './multipart-form';

/** `AttachmentFile.present()`. */
export interface PresentedAttachment {
  id: string;
  name: string;
  extension: string;
  size: number;
}

/** Files moved into the store by a write, to take back out if the write rolls back. */
export class StoredFiles {
  private readonly paths: string[] = [];

  add(path: string): void {
    this.paths.push(path);
  }

  discard(): void {
    for (const path of this.paths.splice(0)) removeQuietly(path);
  }
}

/** `fs.get_file_extension`: what follows the last dot, lowercased (the whole name without one). */
export function fileExtension(filename: string): string {
  return (filename.split('.').pop() ?? '').toLowerCase();
}

/**
 * `add_attachments_to_comment` / `create_attachment`: one AttachmentFile row per uploaded
 * file (named as uploaded, sized as written), its bytes moved into the store.
 */
export function addAttachments(
  call: CrudCall,
  stored: StoredFiles,
  commentId: string,
  files: readonly StagedFile[],
  replyId: string | null = null,
): PresentedAttachment[] {
  const now = nowDateTime();
  return files.map((file) => {
    const id = newId();
    const extension = fileExtension(file.filename);
    prepareCached(
      call.db,
      `INSERT INTO attachment_file (id, created_at, updated_at, name, size, extension, mimetype,
         comment_id, reply_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, now, now, file.filename, file.size, extension, file.mimetype, commentId, replyId);
    stored.add(storeAttachment(call.context.dataDir, id, file.path));
    return { id, name: file.filename, extension, size: file.size };
  });
}
