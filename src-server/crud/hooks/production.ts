import { badRequest } from '../../http/errors';
import { METADATA_DATA_TYPES } from '../../models/registry';
import { clearPlaylistDependents } from '../cascades/playlist';
import type { CrudCall } from '../crud-call';
import { inJsonList } from '../sql';
import { normalizeUuid } from '../values';
import { defineHooks } from './define';

const VALID_FOR_ENTITY = ['shot', 'asset', 'sequence', 'edit', 'episode'];

function checkForEntity(data: Record<string, unknown>): void {
  if (data.for_entity !== undefined && data.for_entity !== null) {
    if (!VALID_FOR_ENTITY.includes(String(data.for_entity))) {
      throw badRequest(`for_entity must be one of ${VALID_FOR_ENTITY.join(', ')}`);
    }
  }
}

function projectOf(instance: Record<string, unknown>): string {
  return String(instance.project_id);
}

/** Playlists: team members except vendors read (clients only `for_client` ones). */
export const playlistHooks = defineHooks({
  checkListRead: (call) => call.access.blockVendor(),
  listScope(call) {
    const { access } = call;
    if (access.isAdmin) return [];
    const scope = [
      {
        sql: `EXISTS (SELECT 1 FROM project_person_link l
          WHERE l.project_id = t.project_id AND l.person_id = ?)`,
        params: [access.personId] as unknown[],
      },
    ];
    if (access.isClient()) scope.push({ sql: 't.for_client = 1', params: [] });
    return scope;
  },
  checkRead(call, playlist) {
    call.access.requireProjectAccess(projectOf(playlist));
    call.access.blockVendor(projectOf(playlist));
  },
  checkCreate: (call, data) => call.access.requireSupervisorProjectAccess(String(data.project_id)),
  prepareCreate(call, data) {
    checkForEntity(data);
    if (data.episode_id === 'all' || data.episode_id === 'main') data.episode_id = null;
    if ('task_type_id' in data && normalizeUuid(data.task_type_id) === null) {
      data.task_type_id = null;
    }
    data.created_by = call.personId;
  },
  checkUpdate: (call, playlist) =>
    call.access.requirePlaylistUpdateAccess({
      project_id: projectOf(playlist),
      created_by: (playlist.created_by as string | null) ?? null,
    }),
  preUpdate(_call, _playlist, data) {
    checkForEntity(data);
    if (Array.isArray(data.shots)) {
      data.shots = (data.shots as Record<string, unknown>[])
        .filter((shot) => shot && typeof shot === 'object' && 'preview_file_id' in shot)
        .map((shot) => ({
          entity_id: shot.entity_id ?? shot.id ?? '',
          preview_file_id: shot.preview_file_id,
        }));
    }
  },
  checkDelete: (call, playlist) =>
    call.access.requirePlaylistUpdateAccess({
      project_id: projectOf(playlist),
      created_by: (playlist.created_by as string | null) ?? null,
    }),
  preDelete: (call, playlist) => clearPlaylistDependents(call.db, String(playlist.id)),
});

/** Milestones: read by the team (not vendors), written by the project's managers. */
export const milestoneHooks = defineHooks({
  checkRead(call, milestone) {
    call.access.requireProjectAccess(projectOf(milestone));
    call.access.blockVendor(projectOf(milestone));
  },
  checkCreate: (call, data) => call.access.requireManagerProjectAccess(String(data.project_id)),
  checkUpdate: (call, milestone) => call.access.requireManagerProjectAccess(projectOf(milestone)),
  checkDelete: (call, milestone) => call.access.requireManagerProjectAccess(projectOf(milestone)),
});

function checkDataType(data: Record<string, unknown>): void {
  if (
    'data_type' in data &&
    !(METADATA_DATA_TYPES as readonly unknown[]).includes(data.data_type)
  ) {
    throw badRequest('Invalid data_type');
  }
}

/**
 * Metadata descriptors: listed for the caller's open projects, with their departments when
 * no query string is given. Vendors are refused (Zou computes the refusal but ignores it).
 */
export const metadataDescriptorHooks = defineHooks({
  checkListRead: (call: CrudCall) => call.access.blockVendor(),
  listScope(call) {
    if (call.access.isAdmin) return [];
    return [inJsonList('t.project_id', call.access.relatedProjectIds())];
  },
  listRelationsByDefault: true,
  checkCreationIntegrity: (_call, data) => checkDataType(data),
  prepareUpdate: (_call, data) => checkDataType(data),
});

/** Schedule items: admin, but supervisors of the task type may update. */
export const scheduleItemHooks = defineHooks({
  checkCreationIntegrity(call, data) {
    const existing = call.db
      .prepare(
        `SELECT 1 FROM schedule_item
         WHERE project_id IS ? AND task_type_id IS ? AND object_id IS ?`,
      )
      .get(data.project_id ?? null, data.task_type_id ?? null, data.object_id ?? null);
    if (existing) throw badRequest('A similar schedule item already exists');
  },
  checkUpdate: (call, item) =>
    call.access.requireSupervisorTaskTypeAccess(projectOf(item), String(item.task_type_id)),
  prepareUpdate(_call, data) {
    if (typeof data.man_days === 'string') delete data.man_days;
  },
});
