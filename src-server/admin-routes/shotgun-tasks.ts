import type { CrudCall } from '../crud/crud-call';
import type { EntityKind } from '../crud/entity-kind';
import { modelOf } from '../crud/model-of';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import {
  entityIdByShotgunId,
  field,
  idMap,
  SkipEntry,
  type Imported,
  type ShotgunImporter,
  type ShotgunRecord,
} from './shotgun-import';

const taskModel = modelOf('task');
const ENTITY_KINDS: readonly EntityKind[] = ['Asset', 'Shot', 'Scene', 'Sequence', 'Episode'];

interface TaskState {
  projects: Map<unknown, string>;
  persons: Map<unknown, string>;
  taskTypes: Map<unknown, string>;
  taskStatuses: Map<unknown, string>;
  entityIdOf: (kind: EntityKind, shotgunId: unknown) => string | null;
}

type TaskData = Record<string, unknown> & {
  name: unknown;
  project_id: string | null;
  task_type_id: string | null;
  entity_id: string | null;
  assignees: string[];
};

/**
 * `ImportShotgunTasksResource`: tasks with a step and a project. Projects, people and steps
 * (task types) are matched by ShotGrid id, statuses by short name; an assignee not imported
 * yet skips the task. An existing task is found by ShotGrid id, else by its unique columns.
 */
export const shotgunTasks: ShotgunImporter<TaskState, TaskData> = {
  prepare: (call: CrudCall) => ({
    projects: idMap(call, 'project', 'shotgun_id'),
    persons: idMap(call, 'person', 'shotgun_id'),
    taskTypes: idMap(call, 'task_type', 'shotgun_id'),
    taskStatuses: idMap(call, 'task_status', 'short_name'),
    entityIdOf: (kind, shotgunId) => entityIdByShotgunId(call, kind, shotgunId),
  }),

  accepts: (entry) => (entry.step ?? null) !== null && (entry.project ?? null) !== null,

  extract(state, entry) {
    const sgEntity = field(entry, 'entity');
    let entityId: string | null = null;
    if (sgEntity !== null) {
      const shotgunId = field(sgEntity, 'id');
      const kind = field(sgEntity, 'type');
      entityId = ENTITY_KINDS.includes(kind as EntityKind)
        ? state.entityIdOf(kind as EntityKind, shotgunId)
        : null;
    }
    const statusId = state.taskStatuses.get(field(entry, 'sg_status_list')) ?? null;
    const stepId = field(field(entry, 'step'), 'id');
    const creator = field(entry, 'created_by');
    const assignerId = creator === null ? null : (state.persons.get(field(creator, 'id')) ?? null);
    const projectId = state.projects.get(field(field(entry, 'project'), 'id')) ?? null;
    const assignees = field(entry, 'task_assignees');
    const assigneeIds = (Array.isArray(assignees) ? assignees : []).map((person: unknown) => {
      const id = state.persons.get(field(person, 'id'));
      if (id === undefined) throw new SkipEntry('Unknown assignee');
      return id;
    });
    return {
      name: field(entry, 'cached_display_name'),
      shotgun_id: field(entry, 'id'),
      start_date: field(entry, 'start_date'),
      due_date: field(entry, 'due_date'),
      sort_order: field(entry, 'sg_sort_order'),
      duration: field(entry, 'duration'),
      task_type_id: state.taskTypes.get(stepId) ?? null,
      task_status_id: statusId,
      project_id: projectId,
      entity_id: entityId,
      assigner_id: assignerId,
      assignees: assigneeIds,
    };
  },

  importEntry(call: CrudCall, _state, data): Imported {
    const bySameColumns = (): { id: string } | undefined =>
      prepareCached(
        call.db,
        `SELECT id FROM task WHERE name = ? AND project_id IS ? AND task_type_id IS ?
         AND entity_id IS ? ORDER BY rowid LIMIT 1`,
      ).get(data.name, data.project_id, data.task_type_id, data.entity_id) as
        { id: string } | undefined;
    const task =
      (prepareCached(
        call.db,
        'SELECT id FROM task WHERE shotgun_id = ? ORDER BY rowid LIMIT 1',
      ).get(data.shotgun_id) as { id: string } | undefined) ?? bySameColumns();
    if (!task) return { model: taskModel, id: insertModelRow(call.db, taskModel, data) };
    const changes: ShotgunRecord = { ...data };
    if (bySameColumns()) {
      for (const key of ['name', 'project_id', 'task_type_id', 'entity_id']) delete changes[key];
    }
    updateModelRow(call.db, taskModel, task.id, changes);
    return { model: taskModel, id: task.id };
  },
};
