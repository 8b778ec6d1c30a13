import { badRequest } from '../../http/errors';
import { removeBackgroundFiles } from '../../preview-serving/picture-storage';
import type { Json, Row } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import { serializeById, serializeRows } from '../present';
import { readRelationIds } from '../relations';
import { prepareCached } from '../sql';
import { ANYONE_READS, defineHooks } from './define';
import type { CrudHooks } from './types';

/** Project status, departments, studios, file status. */
export const referenceTableHooks = defineHooks(ANYONE_READS);

/** Softwares and output types: one is read through files_service, where a bad id is a 404. */
export const fileReferenceHooks = defineHooks({ ...ANYONE_READS, malformedIdNotFound: true });

function sameNameExists(call: CrudCall, name: unknown, exceptId?: string): boolean {
  const row = prepareCached(
    call.db,
    `SELECT id FROM "${call.model.table}" WHERE name IS ? LIMIT 1`,
  ).get(typeof name === 'string' ? name : null) as { id: string } | undefined;
  return row !== undefined && row.id !== exceptId;
}

/** Task types: unique names, and a forced delete detaches schedule items and projects. */
export const taskTypeHooks = defineHooks({
  ...ANYONE_READS,
  prepareCreate(call, data) {
    if (sameNameExists(call, data.name ?? null)) {
      throw badRequest('A task type with similar name already exists');
    }
  },
  prepareUpdate(call, data, current) {
    if (data.name !== undefined && data.name !== null) {
      if (sameNameExists(call, data.name, String(current.id))) {
        throw badRequest('A task type with similar name already exists');
      }
    }
  },
  preDelete(call, taskType) {
    const id = taskType.id;
    if (call.query.force?.toLowerCase() === 'true') {
      prepareCached(call.db, 'DELETE FROM schedule_item WHERE task_type_id = ?').run(id);
      prepareCached(call.db, 'DELETE FROM project_task_type_link WHERE task_type_id = ?').run(id);
      return;
    }
    const blockers: string[] = [];
    const scheduleItems = prepareCached(
      call.db,
      'SELECT 1 FROM schedule_item WHERE task_type_id = ? LIMIT 1',
    ).get(id);
    if (scheduleItems) blockers.push('schedule items');
    const links = prepareCached(
      call.db,
      'SELECT 1 FROM project_task_type_link WHERE task_type_id = ? LIMIT 1',
    ).get(id);
    if (links) blockers.push('projects');
    if (blockers.length > 0) {
      throw badRequest(
        `Task type is attached to ${blockers.join(' and ')}. ` +
          'Re-issue the request with force=true to detach.',
      );
    }
  },
});

function clearDefaultTaskStatus(call: CrudCall, data: Record<string, unknown>): void {
  if (data.is_default === true || data.is_default === 'true') {
    prepareCached(call.db, 'UPDATE task_status SET is_default = 0 WHERE is_default = 1').run();
  }
}

/** Task statuses: a new default one takes the title from the previous default. */
export const taskStatusHooks = defineHooks({
  ...ANYONE_READS,
  checkCreationIntegrity: clearDefaultTaskStatus,
  preUpdate: (call, _current, data) => clearDefaultTaskStatus(call, data),
});

/** Entity types are asset types on the wire: events are `asset-type:*`, without project. */
export const entityTypeHooks = defineHooks({
  ...ANYONE_READS,
  checkCreationIntegrity(call, data) {
    const name = typeof data.name === 'string' ? data.name : '';
    const existing = prepareCached(
      call.db,
      `SELECT 1 FROM entity_type WHERE unicode_lower(name) LIKE unicode_lower(?) ESCAPE '\\'`,
    ).get(name);
    if (existing) throw badRequest('Entity type with this name already exists');
  },
  emitCreated: (call, created) => call.emit('asset-type:new', { asset_type_id: created.id }),
  afterUpdate(call, _current, _data, updated) {
    updated.task_types = readRelationIds(call, 'task_types', String(updated.id));
  },
  emitUpdated: (call, updated) => call.emit('asset-type:update', { asset_type_id: updated.id }),
  emitDeleted: (call, instance) => call.emit('asset-type:delete', { asset_type_id: instance.id }),
});

function unseatOtherDefaultBackgrounds(call: CrudCall, id: string): void {
  prepareCached(
    call.db,
    'UPDATE preview_background_file SET is_default = 0 WHERE is_default = 1 AND id != ?',
  ).run(id);
}

/** Preview background files: unique names, one default; a deleted one takes its files along. */
export const previewBackgroundFileHooks = defineHooks({
  ...ANYONE_READS,
  prepareCreate(call, data) {
    if (sameNameExists(call, data.name ?? null)) {
      throw badRequest('A preview background file with similar name already exists');
    }
  },
  afterCreate(call, id) {
    const created = serializeById(call.db, call.model, id, true);
    if (created.is_default) unseatOtherDefaultBackgrounds(call, id);
    return created;
  },
  prepareUpdate(call, data, current) {
    if (data.name !== undefined && data.name !== null) {
      if (sameNameExists(call, data.name, String(current.id))) {
        throw badRequest('A preview background file with similar name already exists');
      }
    }
  },
  afterUpdate(call, _current, _data, updated) {
    if (updated.is_default) unseatOtherDefaultBackgrounds(call, String(updated.id));
  },
  postDelete(call, instance) {
    const extension = typeof instance.extension === 'string' ? instance.extension : 'hdr';
    removeBackgroundFiles(call.context.dataDir, String(instance.id), [extension]);
  },
});

const ORGANISATION_SECRETS = ['chat_token_slack', 'chat_webhook_mattermost', 'chat_token_discord'];

function withoutSecrets(call: CrudCall, organisation: Json): Json {
  if (call.access.isAdmin) return organisation;
  const result = { ...organisation };
  for (const key of ORGANISATION_SECRETS) delete result[key];
  return result;
}

/** Organisations: chat tokens are for admins only, in reads and in filters. */
export const organisationHooks: CrudHooks = defineHooks({
  ...ANYONE_READS,
  filterable(call) {
    if (call.access.isAdmin) return null;
    return new Set(
      ['id', 'created_at', 'updated_at', ...Object.keys(call.model.columns)].filter(
        (key) => !ORGANISATION_SECRETS.includes(key),
      ),
    );
  },
  presentList: (call, rows: Row[], relations) =>
    serializeRows(call.db, call.model, rows, relations).map((row) => withoutSecrets(call, row)),
  presentOne: (call, row, relations) =>
    withoutSecrets(call, serializeRows(call.db, call.model, [row], relations)[0] as Json),
  prepareUpdate(_call, data) {
    if ('hours_by_day' in data && data.hours_by_day !== null) {
      data.hours_by_day = Number(data.hours_by_day);
    }
  },
});
