import { badRequestPlain, crudError, crudErrorFromSqlite, notFound } from '../../http/errors';
import { isUuid } from '../../db/ids';
import { loadTaskFacts } from '../../permissions/access';
import type { Json } from '../../models/serialize';
import { requireJsonObject } from '../body';
import { removeTask } from '../cascades/task';
import type { CrudCall } from '../crud-call';
import { entityKindOf, temporalEntityTypeId } from '../entity-kind';
import { castFilterValue } from '../filters';
import { loadInstanceRow } from '../get-one';
import { createNotification } from '../notifications';
import { serializeById, serializeOne } from '../present';
import { boolParam } from '../query-params';
import { readRelationIds } from '../relations';
import { insertModelRow, type Data } from '../rows';
import { inJsonList, prepareCached } from '../sql';
import { defineHooks } from './define';

const previousAssignees = new WeakMap<CrudCall, Set<string>>();

function requireRow<T>(call: CrudCall, sql: string, id: unknown): T {
  if (typeof id !== 'string' || !isUuid(id)) throw notFound();
  const row = prepareCached(call.db, sql).get(id.toLowerCase()) as T | undefined;
  if (!row) throw notFound();
  return row;
}

/**
 * POST /data/tasks (`TasksResource.post`): name defaults to "main", the task type must be
 * for the entity's kind, any integrity failure reads "Task already exists.". Unlike Zou
 * (our decision), the caller must manage the project.
 */
async function createTask(call: CrudCall): Promise<Json> {
  const data = requireJsonObject(call.request);
  data.name = data.name || 'main';
  if (!('task_type_id' in data)) throw crudError("'task_type_id'");
  if (!('entity_id' in data)) throw crudError("'entity_id'");
  return call.write(() => {
    const taskType = requireRow<{ for_entity: string | null }>(
      call,
      'SELECT for_entity FROM task_type WHERE id = ?',
      data.task_type_id,
    );
    const entity = requireRow<{ project_id: string; entity_type_id: string }>(
      call,
      'SELECT project_id, entity_type_id FROM entity WHERE id = ?',
      data.entity_id,
    );
    call.access.requireManagerProjectAccess(entity.project_id);
    if (typeof data.project_id === 'string' && data.project_id !== entity.project_id) {
      call.access.requireManagerProjectAccess(data.project_id);
    }
    const matches =
      taskType.for_entity === 'Asset'
        ? entityKindOf(call.db, entity.entity_type_id) === 'Asset'
        : temporalEntityTypeId(call.db, String(taskType.for_entity)) === entity.entity_type_id;
    if (!matches) throw badRequestPlain('Task type of the task does not match entity type.');
    let id: string;
    try {
      id = insertModelRow(call.db, call.model, data);
    } catch (error) {
      if (crudErrorFromSqlite(error)) throw crudError('Task already exists.');
      throw error;
    }
    const task = serializeById(call.db, call.model, id, true);
    call.emit('task:new', { task_id: id }, (task.project_id as string | null) ?? null);
    return task;
  });
}

/** Assignees added or removed by a PUT: events, and a notification for each newcomer. */
function announceAssignationChanges(call: CrudCall, task: Json): void {
  const before = previousAssignees.get(call);
  if (!before) return;
  const taskId = String(task.id);
  const projectId = (task.project_id as string | null) ?? null;
  const after = new Set(readRelationIds(call, 'assignees', taskId));
  for (const personId of after) {
    if (before.has(personId)) continue;
    call.emit('task:assign', { task_id: taskId, person_id: personId }, projectId);
    if (personId !== call.personId) {
      createNotification(call, {
        personId,
        authorId: call.personId,
        type: 'assignation',
        taskId,
        projectId,
      });
    }
  }
  for (const personId of before) {
    if (!after.has(personId)) {
      call.emit('task:unassign', { task_id: taskId, person_id: personId }, projectId);
    }
  }
}

/** Tasks (REFERENCE §3). */
export const taskHooks = defineHooks({
  checkListRead: () => {},
  extraFilters(_call, options) {
    if (options.episode_id === undefined) return [];
    return [
      {
        sql: `EXISTS (SELECT 1 FROM entity e JOIN entity s ON s.id = e.parent_id
          WHERE e.id = t.entity_id AND s.parent_id = ?)`,
        params: [castFilterValue('uuid', options.episode_id)],
      },
    ];
  },
  listScope(call) {
    const { access } = call;
    if (access.isVendor()) {
      return [
        {
          sql: `EXISTS (SELECT 1 FROM task_person_link a
            WHERE a.task_id = t.id AND a.person_id = ?)`,
          params: [access.personId],
        },
      ];
    }
    if (access.isAdmin) return [];
    return [inJsonList('t.project_id', access.relatedProjectIds())];
  },

  checkRead(call, task) {
    call.access.requireProjectAccess(String(task.project_id));
    call.access.requireEntityAccess(String(task.entity_id), String(task.project_id));
  },

  create: createTask,

  checkUpdate(call, task, data) {
    call.access.requireSupervisorTaskAccess(
      loadTaskFacts(call.db, String(task.id)),
      Object.keys(data),
    );
  },
  preUpdate(call, task, data: Data) {
    if ('assignees' in data) {
      previousAssignees.set(call, new Set(readRelationIds(call, 'assignees', String(task.id))));
    }
    // Metadata pile up in the JSON bag: merge rather than replace (as entities do).
    const incoming = data.data;
    if (incoming && typeof incoming === 'object' && Object.keys(incoming).length > 0) {
      data.data = { ...((task.data as Data | null) ?? {}), ...(incoming as Data) };
    }
  },
  afterUpdate: (call, _current, _data, updated) => announceAssignationChanges(call, updated),

  remove(call, id) {
    call.write(() => {
      const task = serializeOne(call.db, call.model, loadInstanceRow(call, id), false);
      call.access.requireManagerProjectAccess(String(task.project_id));
      removeTask(call, String(task.id), boolParam(call.query, 'force'));
    });
  },
});
