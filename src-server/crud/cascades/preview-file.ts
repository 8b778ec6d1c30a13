import type { Db } from '../../db/database';
import { nowDateTime } from '../../db/time';
import { prepareCached } from '../sql';

interface PreviewFacts {
  id: string;
  task_id: string | null;
}

/**
 * `deletion_service.remove_preview_file`: unlink the preview from the entity it illustrates,
 * the news and comments that show it, delete it, and let the task fall back to its newest
 * remaining preview.
 */
export function removePreviewFile(db: Db, previewId: string): void {
  const preview = prepareCached(db, 'SELECT id, task_id FROM preview_file WHERE id = ?').get(
    previewId,
  ) as PreviewFacts | undefined;
  if (!preview) return;
  const now = nowDateTime();
  prepareCached(
    db,
    'UPDATE entity SET preview_file_id = NULL, updated_at = ? WHERE preview_file_id = ?',
  ).run(now, previewId);
  prepareCached(db, 'UPDATE news SET preview_file_id = NULL WHERE preview_file_id = ?').run(
    previewId,
  );
  prepareCached(db, 'UPDATE comment SET preview_file_id = NULL WHERE preview_file_id = ?').run(
    previewId,
  );
  prepareCached(db, 'DELETE FROM comment_preview_link WHERE preview_file = ?').run(previewId);
  prepareCached(db, 'DELETE FROM preview_file WHERE id = ?').run(previewId);
  if (preview.task_id) refreshLastPreview(db, preview.task_id, previewId, now);
}

function refreshLastPreview(db: Db, taskId: string, removedId: string, now: string): void {
  const task = prepareCached(
    db,
    `SELECT t.last_preview_file_id, t.entity_id, p.is_set_preview_automated
     FROM task t LEFT JOIN project p ON p.id = t.project_id WHERE t.id = ?`,
  ).get(taskId) as
    | { last_preview_file_id: string | null; entity_id: string; is_set_preview_automated: number }
    | undefined;
  if (!task || task.last_preview_file_id !== removedId) return;
  const newest = prepareCached(
    db,
    'SELECT id, position FROM preview_file WHERE task_id = ? ORDER BY created_at DESC LIMIT 1',
  ).get(taskId) as { id: string; position: number | null } | undefined;
  if (!newest) {
    prepareCached(
      db,
      'UPDATE task SET last_preview_file_id = NULL, updated_at = ? WHERE id = ?',
    ).run(now, taskId);
    return;
  }
  if (newest.position !== 1) return;
  prepareCached(db, 'UPDATE task SET last_preview_file_id = ?, updated_at = ? WHERE id = ?').run(
    newest.id,
    now,
    taskId,
  );
  if (task.is_set_preview_automated) {
    prepareCached(db, 'UPDATE entity SET preview_file_id = ?, updated_at = ? WHERE id = ?').run(
      newest.id,
      now,
      task.entity_id,
    );
  }
}
