import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import type { CrudCall } from './crud-call';
import { entityKindOf } from './entity-kind';
import { prepareCached } from './sql';

/** `tasks_service.get_default_status`: Todo (Neutral for concepts), created on demand. */
export function defaultTaskStatusId(db: Db, forConcept: boolean): string {
  const [name, shortName, color] = forConcept
    ? ['Neutral', 'neutral', '#CCCCCC']
    : ['Todo', 'todo', '#f5f5f5'];
  const row = prepareCached(
    db,
    'SELECT id FROM task_status WHERE name = ? AND short_name = ? LIMIT 1',
  ).get(name, shortName) as { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  const now = nowDateTime();
  prepareCached(
    db,
    `INSERT INTO task_status (id, created_at, updated_at, name, short_name, color, is_default,
       for_concept)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  ).run(id, now, now, name, shortName, color, forConcept ? 1 : 0);
  return id;
}

interface CommentStatusRow {
  created_at: string;
  task_status_id: string;
  is_retake: number | null;
  is_feedback_request: number | null;
  is_done: number | null;
  is_wip: number | null;
}

/**
 * `tasks_service.reset_task_data`: status, retake count, real start, end, done and last
 * comment dates and duration, recomputed from the task's comment history. Emits
 * `task:update`.
 */
export function resetTaskData(call: CrudCall, taskId: string): void {
  const { db } = call;
  const task = prepareCached(db, 'SELECT entity_id, project_id FROM task WHERE id = ?').get(
    taskId,
  ) as { entity_id: string; project_id: string | null } | undefined;
  if (!task) return;
  const entity = prepareCached(db, 'SELECT entity_type_id FROM entity WHERE id = ?').get(
    task.entity_id,
  ) as { entity_type_id: string } | undefined;
  let taskStatusId = defaultTaskStatusId(
    db,
    entityKindOf(db, entity?.entity_type_id) === 'Concept',
  );
  let retakeCount = 0;
  let previousIsRetake = false;
  let realStartDate: string | null = null;
  let endDate: string | null = null;
  let doneDate: string | null = null;
  let lastCommentDate: string | null = null;
  const comments = prepareCached(
    db,
    `SELECT c.created_at, c.task_status_id, s.is_retake, s.is_feedback_request, s.is_done,
       s.is_wip
     FROM comment c JOIN task_status s ON s.id = c.task_status_id
     WHERE c.object_id = ? ORDER BY c.created_at`,
  ).all(taskId) as CommentStatusRow[];
  for (const comment of comments) {
    const isRetake = !!comment.is_retake;
    if (isRetake && !previousIsRetake) retakeCount += 1;
    previousIsRetake = isRetake;
    if (comment.is_wip && realStartDate === null) realStartDate = comment.created_at;
    if (comment.is_feedback_request && endDate === null) endDate = comment.created_at;
    if (comment.is_done) doneDate = comment.created_at;
    taskStatusId = comment.task_status_id;
    lastCommentDate = comment.created_at;
  }
  const { duration } = prepareCached(
    db,
    'SELECT COALESCE(SUM(duration), 0) AS duration FROM time_spent WHERE task_id = ?',
  ).get(taskId) as { duration: number };
  prepareCached(
    db,
    `UPDATE task SET duration = ?, retake_count = ?, real_start_date = ?, last_comment_date = ?,
       end_date = ?, done_date = ?, task_status_id = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    duration,
    retakeCount,
    realStartDate,
    lastCommentDate,
    endDate,
    doneDate,
    taskStatusId,
    nowDateTime(),
    taskId,
  );
  call.emit('task:update', { task_id: taskId }, task.project_id);
}

/** The task's duration is the sum of its time spents (`TimeSpentResource.post_*`). */
export function refreshTaskDuration(call: CrudCall, taskId: unknown): void {
  const task = prepareCached(call.db, 'SELECT project_id FROM task WHERE id = ?').get(taskId) as
    { project_id: string | null } | undefined;
  if (!task) return;
  prepareCached(
    call.db,
    `UPDATE task SET duration = (SELECT COALESCE(SUM(duration), 0) FROM time_spent
       WHERE task_id = ?), updated_at = ? WHERE id = ?`,
  ).run(taskId, nowDateTime(), taskId);
  call.emit('task:update', { task_id: taskId }, task.project_id);
}
