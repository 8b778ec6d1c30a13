import type { Db } from '../db/database';
import { serializeRows } from '../crud/present';
import { prepareCached, type SqlCondition } from '../crud/sql';
import { loadRelations, type Json, type Row } from '../models/serialize';
import { taskModel, taskTypeModel } from './call';

const DETAIL_COLUMNS = {
  project_name: 'p.name',
  task_type_name: 'tt.name',
  task_status_name: 'ts.name',
  entity_type_name: 'et.name',
  entity_name: 'e.name',
} as const;

const DETAIL_SELECT = Object.entries(DETAIL_COLUMNS)
  .map(([key, sql]) => `${sql} AS "__${key}"`)
  .join(', ');

/**
 * `_get_entity_task_query` + `_convert_rows_to_detailed_tasks`: the tasks matching `where`
 * (over `t` the task and `e` its entity), with project, type, status and entity names, ordered
 * as Zou orders them; `assignees` when relations are asked for. Two queries at most.
 */
export function detailedTasks(db: Db, where: SqlCondition, relations: boolean): Json[] {
  const rows = prepareCached(
    db,
    `SELECT t.*, ${DETAIL_SELECT} FROM task t
     JOIN project p ON p.id = t.project_id
     JOIN task_type tt ON tt.id = t.task_type_id
     JOIN task_status ts ON ts.id = t.task_status_id
     JOIN entity e ON e.id = t.entity_id
     JOIN entity_type et ON et.id = e.entity_type_id
     WHERE ${where.sql}
     ORDER BY t.name, p.name, tt.name, et.name, e.name`,
  ).all(...where.params) as Row[];
  const extras = rows.map((row) => {
    const detail: Json = {};
    for (const key of Object.keys(DETAIL_COLUMNS)) {
      detail[key] = row[`__${key}`];
      delete row[`__${key}`];
    }
    return detail;
  });
  const tasks = serializeRows(db, taskModel, rows, false).map((task, index) => ({
    ...task,
    ...extras[index],
  }));
  if (relations && tasks.length > 0) {
    const byId = loadRelations(
      db,
      taskModel,
      tasks.map((task) => String(task.id)),
    );
    for (const task of tasks) task.assignees = byId.get(String(task.id))?.assignees ?? [];
  }
  return tasks;
}

/**
 * The task types of the tasks matching `where` (over `t` the task and `e` its entity), each
 * once, as `TaskType.serialize()`.
 */
export function taskTypesOf(db: Db, where: SqlCondition): Json[] {
  const rows = prepareCached(
    db,
    `SELECT tt.* FROM task_type tt WHERE tt.id IN (
       SELECT t.task_type_id FROM task t JOIN entity e ON e.id = t.entity_id WHERE ${where.sql})
     ORDER BY tt.name, tt.for_entity, tt.id`,
  ).all(...where.params) as Row[];
  return serializeRows(db, taskTypeModel, rows, false);
}
