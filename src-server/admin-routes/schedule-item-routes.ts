import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { readQuery } from '../crud/query-params';
import { prepareCached } from '../crud/sql';
import { notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { checkProjectAccess } from '../production/project-access';
import { requireProject } from '../production/lookup';
import { adminCall, checkIdParameter } from './admin-call';
import { sequenceScheduleItems } from './sequence-schedule-items';

interface Params {
  project_id: string;
  task_type_id: string;
}

/** A production's schedule per sequence for one task type (`blueprints/projects`). */
export function registerScheduleItemRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  // Team members but vendors. Zou answers [] for an unknown project and fails on the foreign
  // key of an unknown task type; both are 404s here.
  api.get<{ Params: Params }>(
    '/data/projects/:project_id/schedule-items/:task_type_id/sequences',
    async (request) => {
      const access = accessOf(db, request);
      checkProjectAccess(access, db, request.params.project_id);
      const projectId = checkIdParameter(request.params.project_id);
      access.blockVendor(projectId);
      const taskTypeId = checkIdParameter(request.params.task_type_id);
      const episode = readQuery(request).episode_id;
      const episodeId = episode === undefined || episode === '' ? null : checkIdParameter(episode);
      requireProject(db, projectId);
      if (prepareCached(db, 'SELECT 1 FROM task_type WHERE id = ?').get(taskTypeId) === undefined) {
        throw notFound();
      }
      return sequenceScheduleItems(adminCall(context, request), projectId, taskTypeId, episodeId);
    },
  );
}
