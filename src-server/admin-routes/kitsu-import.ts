import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { fetchRow, insertModelRow, updateModelRow, writeRelation } from '../crud/rows';
import { prepareCached, quoteId } from '../crud/sql';
import { normalizeUuid, toStored } from '../crud/values';
import { nowDateTime } from '../db/time';
import { badRequest } from '../http/errors';
import type { ModelDef } from '../models/model-def';
import { serializeRow, type Json } from '../models/serialize';
import { asImportError } from './import-errors';

type Entry = Record<string, unknown>;

/** One `/import/kitsu/<slug>` route: the model and how its rows are announced. */
export interface KitsuImportSpec {
  slug: string;
  model: ModelDef;
  /** The event name prefix and its payload; null project when it cannot be told. */
  event(call: CrudCall, entry: Entry): { prefix: string; data: Json; projectId: string | null };
  /** Task rows: `assignees` replaces the assignees, and updated_at is the import time. */
  isTask?: boolean;
}

const AUDIT_KEYS = ['id', 'created_at', 'updated_at'];

function projectOfEntry(entry: Entry): string | null {
  return typeof entry.project_id === 'string' ? entry.project_id : null;
}

function projectOfTask(call: CrudCall, entry: Entry): string | null {
  const taskId = normalizeUuid(entry.task_id);
  if (taskId === null) return null;
  const task = prepareCached(call.db, 'SELECT project_id FROM task WHERE id = ?').get(taskId) as
    { project_id: string | null } | undefined;
  return task?.project_id ?? null;
}

function projectScoped(slug: string, table: string, prefix: string): KitsuImportSpec {
  return {
    slug,
    model: modelOf(table),
    event: (_call, entry) => ({
      prefix,
      data: { [`${table}_id`]: entry.id },
      projectId: projectOfEntry(entry),
    }),
  };
}

function taskScoped(slug: string, table: string, prefix: string): KitsuImportSpec {
  return {
    slug,
    model: modelOf(table),
    event: (call, entry) => ({
      prefix,
      data: { [`${table}_id`]: entry.id },
      projectId: projectOfTask(call, entry),
    }),
  };
}

/**
 * The `/import/kitsu/<model>` routes whose model imports through Zou's base
 * `create_from_import` (plus tasks and their assignees). The others (entities, comments,
 * projects, previews…) have their own import rules and are not served.
 */
export const KITSU_IMPORTS: readonly KitsuImportSpec[] = [
  {
    slug: 'tasks',
    model: modelOf('task'),
    isTask: true,
    event: (_call, entry) => ({ prefix: 'task', data: {}, projectId: projectOfEntry(entry) }),
  },
  projectScoped('milestones', 'milestone', 'milestone'),
  projectScoped('schedule-items', 'schedule_item', 'schedule-item'),
  taskScoped('time-spents', 'time_spent', 'time-spent'),
  taskScoped('subscriptions', 'subscription', 'subscription'),
];

/** `set_assignees`: "unassigned", malformed and unknown ids are left out. */
function assigneeIds(value: unknown): string[] {
  if (!Array.isArray(value)) throw badRequest('assignees must be a list of person ids.');
  return value.flatMap((item) => {
    const id = typeof item === 'string' ? normalizeUuid(item) : null;
    return id === null ? [] : [id];
  });
}

function auditValue(value: unknown): string {
  return toStored({ type: 'datetime' }, value) as string;
}

/**
 * `create_from_import` for each entry, all in one transaction: the row with the entry's id is
 * updated (unknown keys ignored) or created (unknown keys refused), keeping the entry's
 * timestamps. Events follow the commit unless `silent`.
 */
export function importKitsuEntries(
  call: CrudCall,
  spec: KitsuImportSpec,
  entries: readonly unknown[],
  silent: boolean,
): Json[] {
  const { model } = spec;
  const table = quoteId(model.table);
  try {
    return call.write(() => {
      const ids = entries.map((raw) => {
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
          throw badRequest('A list of entities is expected.');
        }
        const entry = { ...(raw as Entry) };
        const id = normalizeUuid(entry.id);
        if (id === null) throw badRequest('Each entry needs a valid id.');
        const assignees =
          spec.isTask && entry.assignees != null ? assigneeIds(entry.assignees) : null;
        delete entry.assignees;
        delete entry.type;
        const data = Object.fromEntries(
          Object.entries(entry).filter(([key]) => !AUDIT_KEYS.includes(key)),
        );
        const updated = fetchRow(call.db, model, id) !== undefined;
        if (updated) updateModelRow(call.db, model, id, data);
        else insertModelRow(call.db, model, data, id);
        const now = nowDateTime();
        const createdAt = entry.created_at == null ? null : auditValue(entry.created_at);
        const updatedAt =
          spec.isTask || entry.updated_at == null ? now : auditValue(entry.updated_at);
        prepareCached(
          call.db,
          `UPDATE ${table} SET created_at = COALESCE(?, created_at), updated_at = ? WHERE id = ?`,
        ).run(createdAt, updatedAt, id);
        const assigneeRelation = model.relations.find((relation) => relation.key === 'assignees');
        if (assignees !== null && assigneeRelation) {
          writeRelation(call.db, assigneeRelation, id, assignees);
        }
        if (!silent) {
          const event = spec.event(call, { ...entry, id });
          call.emit(`${event.prefix}:${updated ? 'update' : 'new'}`, event.data, event.projectId);
        }
        return id;
      });
      return ids.map((id) => serializeRow(model, fetchRow(call.db, model, id) ?? { id }));
    });
  } catch (error) {
    throw asImportError(error);
  }
}
