import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import type { Db } from '../db/database';
import { notFound } from '../http/errors';
import type { Row } from '../models/serialize';
import { requireEntity } from '../production/lookup';
import { checkProjectAccess } from '../production/project-access';

// The rows the file routes start from, read as Zou's services do: a malformed id fails the
// lookup like a missing row.

function rowById(db: Db, table: string, id: unknown): Row | null {
  const normalized = normalizeUuid(id);
  if (normalized === null) return null;
  return (prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(normalized) as Row) ?? null;
}

/** `tasks_service.get_task`: 404 when missing. */
export function requireTask(db: Db, id: unknown): Row {
  const task = rowById(db, 'task', id);
  if (!task) throw notFound();
  return task;
}

/**
 * A task and its entity, once the caller may reach both (its project, then the entity): where
 * the task's working-file routes start.
 */
export function requireTaskWithEntityAccess(call: CrudCall, taskId: unknown) {
  const task = requireTask(call.db, taskId);
  const entity = requireEntity(call.db, task.entity_id);
  checkProjectAccess(call.access, call.db, entity.projectId);
  call.access.requireEntityAccess(entity.id, entity.projectId);
  return { task, entity };
}

/** `assets_service.get_asset_instance`: 404 when missing. */
export function requireAssetInstance(db: Db, id: unknown): Row {
  const instance = rowById(db, 'asset_instance', id);
  if (!instance) throw notFound();
  return instance;
}

/** `files_service.get_working_file`, for routes that treat a missing one as none. */
export function findWorkingFile(db: Db, id: unknown): Row | null {
  return rowById(db, 'working_file', id);
}

/** `persons_service.get_person`, for routes that answer their own 400 when missing. */
export function findPerson(db: Db, id: unknown): Row | null {
  return rowById(db, 'person', id);
}
