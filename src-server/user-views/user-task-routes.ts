import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { accessOf } from '../permissions/request-access';
import {
  assignedAssetsOfType,
  assignedTaskTypesOfEntity,
  assignedTasksOfEntity,
  requireEntityOfKind,
  requireProjectAndAssetType,
} from './assigned-entity-views';
import { personTasksJson, tasksToCheckJson } from './detailed-tasks';
import { sendJsonText } from './json-reply';
import { pathId } from './path-ids';
import { toCheckScope } from './task-scope';
import { buildUserContext } from './user-context';

/** The whole `/data/user/*` blueprint answers persons only (`require_person`). */
export const PERSON_ONLY = { config: { personOnly: true } } as const;

/** The caller's own lists: context, to-do, done, to check, and the per-entity views. */
export function registerUserTaskRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get('/data/user/context', PERSON_ONLY, async (request) =>
    buildUserContext(db, accessOf(db, request)),
  );

  // Zou scopes the caller's own lists to their related projects, admins included.
  api.get('/data/user/tasks', PERSON_ONLY, async (request, reply) => {
    const access = accessOf(db, request);
    const tasks = personTasksJson(db, access.personId, access.relatedProjectIds(), false);
    return sendJsonText(reply, tasks);
  });

  api.get('/data/user/done-tasks', PERSON_ONLY, async (request, reply) => {
    const access = accessOf(db, request);
    const tasks = personTasksJson(db, access.personId, access.relatedProjectIds(), true);
    return sendJsonText(reply, tasks);
  });

  api.get('/data/user/tasks-to-check', PERSON_ONLY, async (request, reply) => {
    const scope = toCheckScope(accessOf(db, request));
    if (!scope) return [];
    return sendJsonText(reply, tasksToCheckJson(db, scope.projectIds, scope.departmentIds));
  });

  api.get<{ Params: { shot_id: string } }>(
    '/data/user/shots/:shot_id/tasks',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const shotId = pathId(request.params.shot_id);
      requireEntityOfKind(db, shotId, 'Shot');
      return assignedTasksOfEntity(db, access.personId, shotId);
    },
  );

  api.get<{ Params: { sequence_id: string } }>(
    '/data/user/sequences/:sequence_id/tasks',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const sequenceId = pathId(request.params.sequence_id);
      requireEntityOfKind(db, sequenceId, 'Sequence');
      return assignedTasksOfEntity(db, access.personId, sequenceId);
    },
  );

  api.get<{ Params: { asset_id: string } }>(
    '/data/user/assets/:asset_id/task-types',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const assetId = pathId(request.params.asset_id);
      requireEntityOfKind(db, assetId, 'Asset');
      return assignedTaskTypesOfEntity(db, access.personId, assetId);
    },
  );

  api.get<{ Params: { project_id: string; asset_type_id: string } }>(
    '/data/user/projects/:project_id/asset-types/:asset_type_id/assets',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const projectId = pathId(request.params.project_id);
      const assetTypeId = pathId(request.params.asset_type_id);
      requireProjectAndAssetType(db, projectId, assetTypeId);
      return assignedAssetsOfType(db, access.personId, projectId, assetTypeId);
    },
  );
}
