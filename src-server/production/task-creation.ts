import type { CrudCall } from '../crud/crud-call';
import { insertModelRow } from '../crud/rows';
import { serializeRows } from '../crud/present';
import { inJsonList, prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import type { Json, Row } from '../models/serialize';
import { taskModel } from './call';

export interface EntityForTask {
  id: string;
  project_id: string;
  entity_type_id: string;
}

interface StatusRow {
  id: string;
  name: string;
  short_name: string;
  color: string;
}

/**
 * `get_default_status`: the default status (Neutral's slot for concepts), else the one with
 * the default's short name, else created (`task-status:new`).
 */
function defaultStatus(call: CrudCall, forConcept: boolean): StatusRow {
  const { db } = call;
  const flag = forConcept ? 1 : 0;
  const select = 'SELECT id, name, short_name, color FROM task_status';
  const found =
    (prepareCached(
      db,
      `${select} WHERE is_default = 1 AND COALESCE(for_concept, 0) = ? ORDER BY rowid LIMIT 1`,
    ).get(flag) as StatusRow | undefined) ??
    (prepareCached(
      db,
      `${select} WHERE short_name = ? AND COALESCE(for_concept, 0) = ? ORDER BY rowid LIMIT 1`,
    ).get(forConcept ? 'neutral' : 'todo', flag) as StatusRow | undefined);
  if (found) return found;
  const status: StatusRow = forConcept
    ? { id: newId(), name: 'Neutral', short_name: 'neutral', color: '#CCCCCC' }
    : { id: newId(), name: 'Todo', short_name: 'todo', color: '#f5f5f5' };
  const now = nowDateTime();
  prepareCached(
    db,
    `INSERT INTO task_status (id, created_at, updated_at, name, short_name, color, is_default,
       for_concept, is_done, is_retake, is_feedback_request, is_wip, is_artist_allowed,
       is_client_allowed)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0, 0, 0, 0, 1, 1)`,
  ).run(status.id, now, now, status.name, status.short_name, status.color, flag);
  call.emit('task-status:new', { task_status_id: status.id });
  return status;
}

function isConceptType(db: Db, entityTypeId: string): boolean {
  const row = prepareCached(db, 'SELECT name FROM entity_type WHERE id = ?').get(entityTypeId) as
    { name: string } | undefined;
  return row?.name === 'Concept';
}

/**
 * `tasks_service.create_tasks`: a "main" task of the type on every entity that has none yet,
 * in the default status, the caller as assigner; each announced with `task:new`. Returns the
 * tasks with their status and type summaries.
 */
export function createTasks(call: CrudCall, taskType: Row, entities: EntityForTask[]): Json[] {
  if (entities.length === 0) return [];
  const { db } = call;
  const entityIds = inJsonList('entity_id', [...new Set(entities.map((entity) => entity.id))]);
  const existing = new Set(
    (
      prepareCached(
        db,
        `SELECT entity_id FROM task WHERE task_type_id = ? AND ${entityIds.sql}`,
      ).all(taskType.id, ...entityIds.params) as { entity_id: string }[]
    ).map((row) => row.entity_id),
  );
  const status = defaultStatus(call, isConceptType(db, entities[0]!.entity_type_id));
  const ids: string[] = [];
  for (const entity of entities) {
    if (existing.has(entity.id)) continue;
    existing.add(entity.id);
    ids.push(
      insertModelRow(db, taskModel, {
        name: 'main',
        duration: 0,
        estimation: 0,
        completion_rate: 0,
        project_id: entity.project_id,
        task_type_id: taskType.id,
        task_status_id: status.id,
        entity_id: entity.id,
        assigner_id: call.personId,
      }),
    );
  }
  const created = inJsonList('id', ids);
  const rows = prepareCached(db, `SELECT * FROM task WHERE ${created.sql} ORDER BY rowid`).all(
    ...created.params,
  ) as Row[];
  return serializeRows(db, taskModel, rows, false).map((task) => {
    call.emit('task:new', { task_id: task.id }, (task.project_id as string | null) ?? null);
    return {
      ...task,
      assignees: [],
      task_status_id: status.id,
      task_status_name: status.name,
      task_status_short_name: status.short_name,
      task_status_color: status.color,
      task_type_id: taskType.id,
      task_type_name: taskType.name ?? '',
      task_type_color: taskType.color ?? '',
      task_type_priority: taskType.priority ?? '',
    };
  });
}
