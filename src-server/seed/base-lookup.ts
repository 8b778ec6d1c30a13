import type { Db } from '../db/database';

export interface TaskStatusRow {
  id: string;
  short_name: string;
  is_done: number;
  is_retake: number;
  is_feedback_request: number;
  is_wip: number;
}

/** Ids of the reference rows the demo points at, by name. */
export interface BaseIds {
  projectStatus: (name: string) => string;
  entityType: (name: string) => string;
  department: (name: string) => string;
  /** Keyed by task type name and for_entity, which together identify a task type in Zou. */
  taskType: (name: string, forEntity: string) => string;
  taskStatus: (shortName: string) => TaskStatusRow;
  taskStatuses: TaskStatusRow[];
}

export function loadBaseIds(db: Db): BaseIds {
  const projectStatuses = byKey(db, 'SELECT id, name AS key FROM project_status');
  const entityTypes = byKey(db, 'SELECT id, name AS key FROM entity_type');
  const departments = byKey(db, 'SELECT id, name AS key FROM department');
  const taskTypes = byKey(db, `SELECT id, name || '/' || for_entity AS key FROM task_type`);
  const findTaskType = db.prepare('SELECT id FROM task_type WHERE name = ? AND for_entity = ?');
  const taskStatuses = db
    .prepare(
      `SELECT id, short_name, is_done, is_retake, is_feedback_request, is_wip FROM task_status
       ORDER BY priority, created_at`,
    )
    .all() as TaskStatusRow[];
  const statusByShortName = new Map(taskStatuses.map((status) => [status.short_name, status]));
  return {
    projectStatus: (name) => required(projectStatuses, name, 'project status'),
    entityType: (name) => required(entityTypes, name, 'entity type'),
    department: (name) => required(departments, name, 'department'),
    taskType: (name, forEntity) => {
      const key = `${name}/${forEntity}`;
      if (!taskTypes.has(key)) {
        // Task types may be added after loading (the large demo brings its own).
        const row = findTaskType.get(name, forEntity) as { id: string } | undefined;
        if (row) taskTypes.set(key, row.id);
      }
      return required(taskTypes, key, 'task type');
    },
    taskStatus: (shortName) => required(statusByShortName, shortName, 'task status'),
    taskStatuses,
  };
}

function byKey(db: Db, sql: string): Map<string, string> {
  const rows = db.prepare(sql).all() as { id: string; key: string }[];
  return new Map(rows.map((row) => [row.key, row.id]));
}

function required<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`The base data has no ${what} "${key}"`);
  return value;
}
