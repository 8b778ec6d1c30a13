import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { serializeRows } from '../crud/present';
import { insertModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { KitsuError } from '../http/errors';
import type { Json, Row } from '../models/serialize';

// Working files of a task (files_service): revisions, lists and creation.

export const workingFileModel = modelOf('working_file');

/** `get_next_working_file_revision`: the highest revision of (task, name) + 1, else 1. */
export function nextWorkingRevision(db: Db, taskId: string, name: string): number {
  const row = prepareCached(
    db,
    'SELECT MAX(revision) AS revision FROM working_file WHERE task_id = ? AND name = ?',
  ).get(taskId, name) as { revision: number | null };
  return row.revision === null ? 1 : row.revision + 1;
}

/** `get_working_files_for_task`: every revision from 0 up, newest first. */
export function workingFilesOfTask(db: Db, taskId: string): Json[] {
  const rows = prepareCached(
    db,
    `SELECT * FROM working_file WHERE task_id = ? AND revision >= 0
     ORDER BY revision DESC, rowid`,
  ).all(taskId) as Row[];
  return serializeRows(db, workingFileModel, rows, false);
}

/** `get_last_working_files_for_task`: `{<name>: the highest revision of that name}`. */
export function lastWorkingFilesOfTask(db: Db, taskId: string): Record<string, Json> {
  const rows = prepareCached(
    db,
    `SELECT w.* FROM working_file w
     JOIN (SELECT name, MAX(revision) AS revision FROM working_file
           WHERE task_id = ? GROUP BY name) last
       ON last.name = w.name AND last.revision = w.revision
     WHERE w.task_id = ?
     ORDER BY w.name, w.rowid`,
  ).all(taskId, taskId) as Row[];
  const result: Record<string, Json> = {};
  for (const file of serializeRows(db, workingFileModel, rows, false)) {
    const name = String(file.name);
    result[name] ??= file;
  }
  return result;
}

export interface NewWorkingFile {
  task: Row;
  personId: string;
  softwareId: string;
  name: string;
  path: string;
  comment: string;
  revision: number;
}

/**
 * `create_new_working_revision`: the row, announced as `working-file:new`. Zou answers any
 * integrity failure (the same name and revision again, an unknown person) the same way.
 */
export function createWorkingFile(call: CrudCall, file: NewWorkingFile): Json {
  let id: string;
  try {
    id = insertModelRow(call.db, workingFileModel, {
      comment: file.comment,
      name: file.name,
      revision: file.revision,
      path: file.path,
      task_id: file.task.id,
      software_id: file.softwareId,
      entity_id: file.task.entity_id,
      person_id: file.personId,
    });
  } catch (error) {
    if (isConstraintFailure(error)) {
      throw new KitsuError(400, { error: 'The given working file already exists.' });
    }
    throw error;
  }
  call.emit('working-file:new', { working_file_id: id }, String(file.task.project_id));
  const row = prepareCached(call.db, 'SELECT * FROM working_file WHERE id = ?').get(id) as Row;
  return serializeRows(call.db, workingFileModel, [row], false)[0] as Json;
}

export function isConstraintFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  );
}
