import type { CrudCall } from '../crud-call';
import { prepareCached } from '../sql';
import { removePreviewFile } from './preview-file';

/**
 * Rows hanging off comments (notifications, news, collection links), for the comments that
 * `scope` selects: a SQL subquery of comment ids with one bound parameter.
 */
export function clearCommentDependents(call: CrudCall, scope: string, param: string): void {
  const statements = [
    `DELETE FROM notification WHERE comment_id IN (${scope})`,
    `DELETE FROM news WHERE comment_id IN (${scope})`,
    `DELETE FROM comment_preview_link WHERE comment IN (${scope})`,
    `DELETE FROM comment_mentions WHERE comment IN (${scope})`,
    `DELETE FROM comment_department_mentions WHERE comment IN (${scope})`,
    `DELETE FROM comment_acknoledgments WHERE comment IN (${scope})`,
    // SQLAlchemy's one-to-many default: the attachments stay, unlinked.
    `UPDATE attachment_file SET comment_id = NULL WHERE comment_id IN (${scope})`,
  ];
  for (const sql of statements) prepareCached(call.db, sql).run(param);
}

/**
 * `deletion_service.remove_comment`: the comment, its notifications and news, and the
 * previews and attachments it carried. Emits `comment:delete`.
 */
export function removeComment(call: CrudCall, commentId: string): void {
  const { db } = call;
  const comment = prepareCached(
    db,
    'SELECT id, object_id, preview_file_id FROM comment WHERE id = ?',
  ).get(commentId) as { id: string; object_id: string; preview_file_id: string | null } | undefined;
  if (!comment) return;
  const task = prepareCached(db, 'SELECT project_id FROM task WHERE id = ?').get(
    comment.object_id,
  ) as { project_id: string | null } | undefined;
  const previews = (
    prepareCached(db, 'SELECT preview_file FROM comment_preview_link WHERE comment = ?').all(
      commentId,
    ) as { preview_file: string }[]
  ).map((row) => row.preview_file);
  const attachments = (
    prepareCached(db, 'SELECT id FROM attachment_file WHERE comment_id = ?').all(commentId) as {
      id: string;
    }[]
  ).map((row) => row.id);
  if (comment.preview_file_id) {
    prepareCached(db, 'UPDATE comment SET preview_file_id = NULL WHERE id = ?').run(commentId);
    removePreviewFile(db, comment.preview_file_id);
  }
  clearCommentDependents(call, 'SELECT ?', commentId);
  prepareCached(db, 'DELETE FROM comment WHERE id = ?').run(commentId);
  for (const previewId of previews) removePreviewFile(db, previewId);
  for (const attachmentId of attachments) {
    prepareCached(db, 'DELETE FROM attachment_file WHERE id = ?').run(attachmentId);
  }
  call.emit('comment:delete', { comment_id: commentId }, task?.project_id ?? null);
}
