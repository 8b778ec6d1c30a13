import { crudError } from '../../http/errors';
import type { CrudCall } from '../crud-call';
import { prepareCached } from '../sql';
import { clearCommentDependents } from './comment';
import { removePreviewFile } from './preview-file';

const REFERENCED = 'The change conflicts with records referencing this one.';

/**
 * `deletion_service.remove_task`. Forced, it first removes what the task gathered: working
 * and output files, comments (with their notifications and news), subscriptions, previews,
 * time spents, notifications and news. Unforced, a task with comments is refused (Zou's
 * news rows make Postgres refuse it; here nothing would, and the comments would be orphans).
 * Emits `task:delete` with the entity and task type.
 */
export function removeTask(call: CrudCall, taskId: string, force: boolean): void {
  const { db } = call;
  const task = prepareCached(
    db,
    'SELECT id, project_id, entity_id, task_type_id FROM task WHERE id = ?',
  ).get(taskId) as
    { id: string; project_id: string | null; entity_id: string; task_type_id: string } | undefined;
  if (!task) return;
  if (force) {
    clearTaskDependents(call, taskId);
  } else if (prepareCached(db, 'SELECT 1 FROM comment WHERE object_id = ? LIMIT 1').get(taskId)) {
    throw crudError(REFERENCED);
  }
  prepareCached(db, 'DELETE FROM task_person_link WHERE task_id = ?').run(taskId);
  prepareCached(db, 'DELETE FROM task WHERE id = ?').run(taskId);
  call.emit(
    'task:delete',
    { task_id: taskId, entity_id: task.entity_id, task_type_id: task.task_type_id },
    task.project_id,
  );
}

function clearTaskDependents(call: CrudCall, taskId: string): void {
  const { db } = call;
  const workingFiles = 'SELECT id FROM working_file WHERE task_id = ?';
  prepareCached(db, `DELETE FROM output_file WHERE source_file_id IN (${workingFiles})`).run(
    taskId,
  );
  prepareCached(db, 'DELETE FROM working_file WHERE task_id = ?').run(taskId);
  clearCommentDependents(call, 'SELECT id FROM comment WHERE object_id = ?', taskId);
  prepareCached(db, 'DELETE FROM comment WHERE object_id = ?').run(taskId);
  prepareCached(db, 'DELETE FROM subscription WHERE task_id = ?').run(taskId);
  const previews = prepareCached(db, 'SELECT id FROM preview_file WHERE task_id = ?').all(
    taskId,
  ) as { id: string }[];
  for (const preview of previews) removePreviewFile(db, preview.id);
  prepareCached(db, 'DELETE FROM time_spent WHERE task_id = ?').run(taskId);
  prepareCached(db, 'DELETE FROM notification WHERE task_id = ?').run(taskId);
  prepareCached(db, 'DELETE FROM news WHERE task_id = ?').run(taskId);
}
