import type { Db } from '../db/database';
import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { prepareCached, quoteId } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import { nowDateTime } from '../db/time';
import { badRequest } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { requireProject } from '../production/lookup';
import { projectModel } from './admin-call';

const taskStatusModel = modelOf('task_status');

/** One of the project's settings lists (`project.asset_types`, `task_types`, `task_statuses`). */
export interface SettingList {
  linkTable: string;
  column: string;
  /** The table of the listed rows and Zou's model name, for "<Model> with id <id> not found". */
  table: string;
  modelName: string;
}

export const ASSET_TYPES: SettingList = {
  linkTable: 'project_asset_type_link',
  column: 'asset_type_id',
  table: 'entity_type',
  modelName: 'EntityType',
};

export const TASK_TYPES: SettingList = {
  linkTable: 'project_task_type_link',
  column: 'task_type_id',
  table: 'task_type',
  modelName: 'TaskType',
};

export const TASK_STATUSES: SettingList = {
  linkTable: 'project_task_status_link',
  column: 'task_status_id',
  table: 'task_status',
  modelName: 'TaskStatus',
};

function linked(db: Db, list: SettingList, projectId: string, id: string): boolean {
  return (
    prepareCached(
      db,
      `SELECT 1 FROM ${quoteId(list.linkTable)} WHERE project_id = ? AND ${quoteId(list.column)} = ?`,
    ).get(projectId, id) !== undefined
  );
}

/**
 * `_save_project`: the project row is saved (updated_at moves), clients hear `project:update`,
 * and the project is answered without its relations.
 */
function saveProject(call: CrudCall, projectId: string): Json {
  const now = nowDateTime();
  prepareCached(call.db, 'UPDATE project SET updated_at = ? WHERE id = ?').run(now, projectId);
  call.emit('project:update', {}, projectId);
  const row = prepareCached(call.db, 'SELECT * FROM project WHERE id = ?').get(projectId) as Row;
  return serializeRow(projectModel, row);
}

/**
 * `_add_to_list_attr` (and `add_task_type_setting`): links an existing row to the project; a
 * row already listed leaves the project untouched and unannounced.
 */
export function addSetting(
  call: CrudCall,
  list: SettingList,
  projectIdParam: string,
  rawId: string,
  priority: number | null = null,
): Json {
  const project = requireProject(call.db, projectIdParam);
  const projectId = String(project.id);
  const id = normalizeUuid(rawId);
  if (list === TASK_TYPES && id === null) {
    throw badRequest('task_type_id is required and must be a valid UUID');
  }
  const exists =
    id !== null &&
    prepareCached(call.db, `SELECT 1 FROM ${quoteId(list.table)} WHERE id = ?`).get(id) !==
      undefined;
  if (!exists || id === null) throw badRequest(`${list.modelName} with id ${rawId} not found`);
  return call.write(() => {
    if (linked(call.db, list, projectId, id)) {
      if (list !== TASK_TYPES) return serializeRow(projectModel, project);
      return saveProject(call, projectId);
    }
    const columns = list === TASK_TYPES ? ', priority' : '';
    const values = list === TASK_TYPES ? ', ?' : '';
    const params: unknown[] = [projectId, id];
    if (list === TASK_TYPES) params.push(priority);
    prepareCached(
      call.db,
      `INSERT INTO ${quoteId(list.linkTable)} (project_id, ${quoteId(list.column)}${columns})
       VALUES (?, ?${values})`,
    ).run(...params);
    return saveProject(call, projectId);
  });
}

/** `_remove_from_list_attr`: unlinks the row when listed; the project is saved either way. */
export function removeSetting(
  call: CrudCall,
  list: SettingList,
  projectIdParam: string,
  rawId: string,
): void {
  const project = requireProject(call.db, projectIdParam);
  const projectId = String(project.id);
  const id = normalizeUuid(rawId);
  call.write(() => {
    if (id !== null) {
      prepareCached(
        call.db,
        `DELETE FROM ${quoteId(list.linkTable)} WHERE project_id = ? AND ${quoteId(list.column)} = ?`,
      ).run(projectId, id);
    }
    saveProject(call, projectId);
  });
}

/** `get_project_task_statuses`: the statuses listed on the project, in link order. */
export function projectTaskStatuses(db: Db, projectIdParam: string): Json[] {
  const project = requireProject(db, projectIdParam);
  const rows = prepareCached(
    db,
    `SELECT s.* FROM task_status s
     JOIN project_task_status_link l ON l.task_status_id = s.id
     WHERE l.project_id = ? ORDER BY l.rowid`,
  ).all(project.id) as Row[];
  return rows.map((row) => serializeRow(taskStatusModel, row));
}
