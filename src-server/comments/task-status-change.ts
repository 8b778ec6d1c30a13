import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { resetTaskData } from '../crud/task-derived';
import { nowDateTime } from '../db/time';
import type { TaskRow, TaskStatusRow } from './lookups';

/**
 * `_manage_status_change`: the newest comment sets the task's status and last comment date;
 * a status change also bumps the retake count (retake), stamps the real start (first wip),
 * moves the end and done dates (`update_task`'s policy) and raises `task:status-changed`,
 * plus `task:to-review` for a feedback request. An older comment (a manager's backdated one)
 * makes the task recompute everything from its history instead. Returns whether the status
 * changed.
 */
export function applyCommentToTask(
  call: CrudCall,
  task: TaskRow,
  status: TaskStatusRow,
  comment: { id: string; created_at: string; person_id: string },
): boolean {
  const isNewest = task.last_comment_date === null || task.last_comment_date <= comment.created_at;
  if (!isNewest) {
    resetTaskData(call, task.id);
    return false;
  }
  const changed = status.id !== task.task_status_id;
  const now = nowDateTime();
  const update: Record<string, unknown> = {
    task_status_id: status.id,
    last_comment_date: comment.created_at,
  };
  if (changed) {
    if (status.is_retake) update.retake_count = (task.retake_count ?? 0) + 1;
    if (status.is_wip && task.real_start_date === null) update.real_start_date = now;
    if (status.is_feedback_request) update.end_date = now;
    else if (!status.is_done) update.end_date = null;
    update.done_date = status.is_done ? now : null;
  }
  update.updated_at = now;
  const columns = Object.keys(update);
  prepareCached(
    call.db,
    `UPDATE task SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
  ).run(...columns.map((column) => update[column]), task.id);
  call.emit('task:update', { task_id: task.id }, task.project_id);
  if (changed) {
    const data = {
      task_id: task.id,
      new_task_status_id: status.id,
      previous_task_status_id: task.task_status_id,
      person_id: comment.person_id,
    };
    call.emit('task:status-changed', data, task.project_id);
    if (status.is_feedback_request) {
      call.emit('task:to-review', { ...data, comment_id: comment.id }, task.project_id);
    }
  }
  return changed;
}
