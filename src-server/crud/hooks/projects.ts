import { badRequest, badRequestPlain } from '../../http/errors';
import { PRODUCTION_STYLES } from '../../models/registry';
import type { Json } from '../../models/serialize';
import { clearProjectContents } from '../cascades/project';
import type { CrudCall } from '../crud-call';
import { temporalEntityTypeId } from '../entity-kind';
import { loadInstanceRow } from '../get-one';
import { modelOf } from '../model-of';
import { serializeById, serializeOne } from '../present';
import { openProjectStatusId, projectStatusName } from '../project-status';
import { boolParam } from '../query-params';
import { deleteModelRow, insertModelRow, type Data } from '../rows';
import { inJsonList, prepareCached } from '../sql';
import { defineHooks } from './define';

const RESOLUTION = /^(\d{3,4})?x\d{3,4}$/;

/** `validate_resolution`: "1920x1080" or "x1080"; empty means the default. */
function validateResolution(data: Data): void {
  const value = data.resolution;
  if (!('resolution' in data) || value === null || value === '') return;
  if (typeof value !== 'string' || !RESOLUTION.test(value)) {
    throw badRequest(
      `Invalid resolution ${String(value)}. Expected format: '1920x1080' or 'x1080'.`,
    );
  }
}

function validateProductionStyle(data: Data): void {
  if (!('production_style' in data)) return;
  if (data.production_style === null) data.production_style = '2d3d';
  if (!(PRODUCTION_STYLES as readonly unknown[]).includes(data.production_style)) {
    throw badRequest('Invalid production_style');
  }
}

/**
 * `shots_service.get_or_create_first_episode`: a tvshow always has an episode; the first by
 * name, else a new "E01" (which emits `episode:new`).
 */
function firstEpisodeId(call: CrudCall, projectId: string): string {
  const episodeTypeId = temporalEntityTypeId(call.db, 'Episode');
  const existing = prepareCached(
    call.db,
    'SELECT id FROM entity WHERE project_id = ? AND entity_type_id = ? ORDER BY name LIMIT 1',
  ).get(projectId, episodeTypeId) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = insertModelRow(call.db, modelOf('entity'), {
    entity_type_id: episodeTypeId,
    project_id: projectId,
    name: 'E01',
    status: 'running',
    description: '',
    data: {},
    created_by: call.personId,
  });
  call.emit('episode:new', { episode_id: id }, projectId);
  return id;
}

/** Projects (REFERENCE §3): the team reads, managers edit, admins create and delete. */
export const projectHooks = defineHooks({
  checkListRead: () => {},
  listScope(call) {
    if (call.access.isAdmin) return [];
    return [inJsonList('t.id', call.access.relatedProjectIds())];
  },

  checkRead: (call, project) => call.access.requireProjectAccess(String(project.id)),
  cleanGetResult(call, project) {
    project.project_status_name = projectStatusName(call.db, project.project_status_id);
    return project;
  },

  checkCreationIntegrity(_call, data) {
    validateProductionStyle(data);
    validateResolution(data);
  },
  prepareCreate(call, data) {
    // Templates are applied by their own service; the key must not reach the model.
    delete data.project_template_id;
    if (!('project_status_id' in data)) data.project_status_id = openProjectStatusId(call.db);
  },
  afterCreate(call, id) {
    const project = serializeById(call.db, call.model, id, true);
    if (project.production_type === 'tvshow') {
      project.first_episode_id = firstEpisodeId(call, id);
    }
    return project;
  },

  checkUpdate: (call, project) => call.access.requireManagerProjectAccess(String(project.id)),
  preUpdate: (_call, _project, data) => validateResolution(data),
  prepareUpdate: (_call, data) => validateProductionStyle(data),
  afterUpdate(call, _current, _data, updated: Json) {
    if (updated.production_type === 'tvshow') {
      updated.first_episode_id = firstEpisodeId(call, String(updated.id));
    }
  },

  remove(call, id) {
    call.write(() => {
      const row = loadInstanceRow(call, id);
      const project = serializeOne(call.db, call.model, row, false);
      const projectId = String(project.id);
      if (project.project_status_id === openProjectStatusId(call.db)) {
        throw badRequestPlain('Only closed projects can be deleted');
      }
      call.access.requireAdmin();
      if (boolParam(call.query, 'force')) clearProjectContents(call, projectId);
      deleteModelRow(call.db, call.model, projectId);
      call.emit('project:delete', { project_id: projectId });
    });
  },
});
