import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { checkManagerProjectAccess, checkProjectAccess } from '../production/project-access';
import { accessOf } from '../permissions/request-access';
import { adminCall } from './admin-call';
import { intField, readBodyFields, stringField } from './body-fields';
import {
  addSetting,
  ASSET_TYPES,
  projectTaskStatuses,
  removeSetting,
  TASK_STATUSES,
  TASK_TYPES,
} from './project-settings';

interface ProjectParams {
  project_id: string;
}

/**
 * A production's settings lists (`blueprints/projects`): asset types, task types and task
 * statuses are added (201, the project) and removed (204) by managers of the project.
 */
export function registerProjectSettingsRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.post<{ Params: ProjectParams }>(
    '/data/projects/:project_id/settings/asset-types',
    async (request, reply) => {
      const { values } = readBodyFields(request, 'ProjectAssetTypeSchema', {
        asset_type_id: { parse: stringField(1), required: true },
      });
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const project = addSetting(
        adminCall(context, request),
        ASSET_TYPES,
        request.params.project_id,
        String(values.asset_type_id),
      );
      return reply.code(201).send(project);
    },
  );

  api.delete<{ Params: ProjectParams & { asset_type_id: string } }>(
    '/data/projects/:project_id/settings/asset-types/:asset_type_id',
    async (request, reply) => {
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const call = adminCall(context, request);
      removeSetting(call, ASSET_TYPES, request.params.project_id, request.params.asset_type_id);
      return reply.code(204).send();
    },
  );

  api.post<{ Params: ProjectParams }>(
    '/data/projects/:project_id/settings/task-types',
    async (request, reply) => {
      const { values } = readBodyFields(request, 'ProjectTaskTypeSchema', {
        task_type_id: { parse: stringField(1), required: true },
        priority: { parse: intField },
      });
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const project = addSetting(
        adminCall(context, request),
        TASK_TYPES,
        request.params.project_id,
        String(values.task_type_id),
        values.priority as number | null,
      );
      return reply.code(201).send(project);
    },
  );

  api.delete<{ Params: ProjectParams & { task_type_id: string } }>(
    '/data/projects/:project_id/settings/task-types/:task_type_id',
    async (request, reply) => {
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const call = adminCall(context, request);
      removeSetting(call, TASK_TYPES, request.params.project_id, request.params.task_type_id);
      return reply.code(204).send();
    },
  );

  api.get<{ Params: ProjectParams }>(
    '/data/projects/:project_id/settings/task-status',
    async (request) => {
      checkProjectAccess(accessOf(db, request), db, request.params.project_id);
      return projectTaskStatuses(db, request.params.project_id);
    },
  );

  api.post<{ Params: ProjectParams }>(
    '/data/projects/:project_id/settings/task-status',
    async (request, reply) => {
      const { values } = readBodyFields(request, 'ProjectTaskStatusSchema', {
        task_status_id: { parse: stringField(1), required: true },
      });
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const project = addSetting(
        adminCall(context, request),
        TASK_STATUSES,
        request.params.project_id,
        String(values.task_status_id),
      );
      return reply.code(201).send(project);
    },
  );

  api.delete<{ Params: ProjectParams & { task_status_id: string } }>(
    '/data/projects/:project_id/settings/task-status/:task_status_id',
    async (request, reply) => {
      checkManagerProjectAccess(accessOf(db, request), db, request.params.project_id);
      const call = adminCall(context, request);
      removeSetting(call, TASK_STATUSES, request.params.project_id, request.params.task_status_id);
      return reply.code(204).send();
    },
  );
}
