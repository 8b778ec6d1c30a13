import type { CrudCall } from '../crud/crud-call';
import { entityKindOf } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import type { TaskRow } from './lookups';

interface AutomationRow {
  entity_type: string | null;
  in_task_type_id: string;
  in_task_status_id: string;
  out_field_type: string;
  out_task_type_id: string;
  out_task_status_id: string | null;
  archived: number | null;
}

/** Comments another task (the status automation's effect), through `create_comment`. */
export type AutomationComment = (taskId: string, taskStatusId: string, text: string) => void;

// Automations can chain (A sets B, B sets C…); Zou's only guard is the priority rollback test,
// which equal priorities slip through. Past this depth the chain stops instead of recursing
// forever.
const MAX_CHAIN = 8;

/**
 * `_run_status_automation` for every automation of the project: when the task now has the
 * automation's input type and status, either comment the entity's task of the output type
 * with the output status, or mark the asset ready for the output task type. A status
 * automation going back in the pipeline (higher to lower priority) is skipped.
 */
export function runStatusAutomations(
  call: CrudCall,
  taskId: string,
  depth: number,
  commentOn: AutomationComment,
): void {
  if (depth >= MAX_CHAIN) return;
  const { db } = call;
  const task = prepareCached(
    db,
    'SELECT id, project_id, entity_id, task_type_id, task_status_id FROM task WHERE id = ?',
  ).get(taskId) as TaskRow | undefined;
  if (!task) return;
  const automations = prepareCached(
    db,
    `SELECT a.* FROM status_automation a
     JOIN project_status_automation_link l ON l.status_automation_id = a.id
     WHERE l.project_id = ? ORDER BY a.created_at, a.rowid`,
  ).all(task.project_id) as AutomationRow[];
  const relevant = automations.filter(
    (automation) =>
      !automation.archived &&
      automation.in_task_type_id === task.task_type_id &&
      automation.in_task_status_id === task.task_status_id,
  );
  if (relevant.length === 0) return;
  const entity = prepareCached(
    db,
    `SELECT e.id, e.entity_type_id, t.name AS type_name FROM entity e
     JOIN entity_type t ON t.id = e.entity_type_id WHERE e.id = ?`,
  ).get(task.entity_id) as { id: string; entity_type_id: string; type_name: string } | undefined;
  if (!entity) return;
  const kind = entityKindOf(db, entity.entity_type_id);
  for (const automation of relevant) {
    const wanted = (automation.entity_type ?? '').toLowerCase();
    const matches =
      wanted === 'asset' ? kind === 'Asset' : entity.type_name.toLowerCase() === wanted;
    if (!matches) continue;
    if (automation.out_field_type === 'ready_for') {
      markReadyFor(call, task, automation.out_task_type_id);
      continue;
    }
    if (isRollback(call, task.project_id, automation) || !automation.out_task_status_id) continue;
    const target = prepareCached(
      db,
      'SELECT id FROM task WHERE entity_id = ? AND task_type_id = ? ORDER BY name LIMIT 1',
    ).get(task.entity_id, automation.out_task_type_id) as { id: string } | undefined;
    if (!target) continue;
    const names = prepareCached(
      db,
      `SELECT (SELECT name FROM task_type WHERE id = ?) AS task_type,
         (SELECT name FROM task_status WHERE id = ?) AS task_status`,
    ).get(automation.in_task_type_id, automation.in_task_status_id) as {
      task_type: string;
      task_status: string;
    };
    commentOn(
      target.id,
      automation.out_task_status_id,
      `Change triggered by ${names.task_type} set to ${names.task_status}`,
    );
  }
}

function isRollback(call: CrudCall, projectId: string, automation: AutomationRow): boolean {
  const forEntity = capitalize(automation.entity_type ?? '');
  const priority = (taskTypeId: string): number => {
    const row = prepareCached(
      call.db,
      `SELECT l.priority FROM project_task_type_link l JOIN task_type t ON t.id = l.task_type_id
       WHERE l.project_id = ? AND l.task_type_id = ? AND t.for_entity = ?`,
    ).get(projectId, taskTypeId, forEntity) as { priority: number | null } | undefined;
    return row?.priority ?? 0;
  };
  return priority(automation.in_task_type_id) > priority(automation.out_task_type_id);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

/** The `ready_for` automation: the asset is marked ready for the output task type. */
function markReadyFor(call: CrudCall, task: TaskRow, taskTypeId: string): void {
  if (entityKindOf(call.db, entityTypeOf(call, task.entity_id)) !== 'Asset') return;
  prepareCached(call.db, 'UPDATE entity SET ready_for = ?, updated_at = ? WHERE id = ?').run(
    taskTypeId,
    nowDateTime(),
    task.entity_id,
  );
  call.emit(
    'asset:update',
    { asset_id: task.entity_id, data: { ready_for: taskTypeId } },
    task.project_id,
  );
}

function entityTypeOf(call: CrudCall, entityId: string): string | undefined {
  const row = prepareCached(call.db, 'SELECT entity_type_id FROM entity WHERE id = ?').get(
    entityId,
  ) as { entity_type_id: string } | undefined;
  return row?.entity_type_id;
}
