import type { Db } from '../db/database';
import { isUuid } from '../db/ids';
import { prepareCached } from '../crud/sql';
import { notFound } from '../http/errors';
import type { Row } from '../models/serialize';

/** The task columns the comment flows read and write. */
export interface TaskRow {
  id: string;
  project_id: string;
  entity_id: string;
  task_type_id: string;
  task_status_id: string;
  last_comment_date: string | null;
  retake_count: number | null;
  real_start_date: string | null;
}

export interface TaskStatusRow extends Row {
  id: string;
  name: string;
  short_name: string;
  color: string;
  is_done: number | null;
  is_retake: number | null;
  is_feedback_request: number | null;
  is_wip: number | null;
  is_artist_allowed: number | null;
  is_client_allowed: number | null;
}

export interface CommentRow extends Row {
  id: string;
  created_at: string;
  object_id: string;
  person_id: string;
  task_status_id: string | null;
  text: string | null;
  replies: string | null;
  for_client: number | null;
}

// Zou reads these through `get_instance`, where an id that is not a UUID is simply not found.
function byId<T>(db: Db, sql: string, id: unknown): T {
  if (!isUuid(id)) throw notFound();
  const row = prepareCached(db, sql).get(id.toLowerCase()) as T | undefined;
  if (!row) throw notFound();
  return row;
}

export function loadTask(db: Db, taskId: unknown): TaskRow {
  return byId<TaskRow>(
    db,
    `SELECT id, project_id, entity_id, task_type_id, task_status_id, last_comment_date,
       retake_count, real_start_date
     FROM task WHERE id = ?`,
    taskId,
  );
}

export function loadTaskStatus(db: Db, taskStatusId: unknown): TaskStatusRow {
  return byId<TaskStatusRow>(db, 'SELECT * FROM task_status WHERE id = ?', taskStatusId);
}

export function loadComment(db: Db, commentId: unknown): CommentRow {
  return byId<CommentRow>(db, 'SELECT * FROM comment WHERE id = ?', commentId);
}

export function loadPerson(db: Db, personId: unknown): Row & { id: string } {
  return byId<Row & { id: string }>(db, 'SELECT * FROM person WHERE id = ?', personId);
}

/** A comment of the task named in the path; Zou answers a comment of another task as unknown. */
export function loadTaskComment(db: Db, taskId: unknown, commentId: unknown): CommentRow {
  const comment = loadComment(db, commentId);
  if (typeof taskId !== 'string' || comment.object_id !== taskId.toLowerCase()) throw notFound();
  return comment;
}
