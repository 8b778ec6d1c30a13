import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { accessOf } from '../permissions/request-access';
import { personTasksJson } from './detailed-tasks';
import { sendJsonText } from './json-reply';
import { pathId } from './path-ids';
import { findRelatedTasks } from './related-tasks';
import { personTaskProjects, requireRelatedTasksAccess } from './task-scope';

interface PersonParams {
  person_id: string;
}

/** Another person's lists (`blueprints/tasks`): open to any token, bots included. */
export function registerPersonTaskRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get<{ Params: PersonParams }>('/data/persons/:person_id/tasks', async (request, reply) => {
    const personId = pathId(request.params.person_id);
    const projectIds = personTaskProjects(db, accessOf(db, request), personId);
    if (!projectIds) return [];
    return sendJsonText(reply, personTasksJson(db, personId, projectIds, false));
  });

  api.get<{ Params: PersonParams }>(
    '/data/persons/:person_id/done-tasks',
    async (request, reply) => {
      const personId = pathId(request.params.person_id);
      const projectIds = personTaskProjects(db, accessOf(db, request), personId);
      if (!projectIds) return [];
      return sendJsonText(reply, personTasksJson(db, personId, projectIds, true));
    },
  );

  api.get<{ Params: PersonParams & { task_type_id: string } }>(
    '/data/persons/:person_id/related-tasks/:task_type_id',
    async (request) => {
      const personId = pathId(request.params.person_id);
      requireRelatedTasksAccess(db, accessOf(db, request), personId);
      return findRelatedTasks(db, personId, pathId(request.params.task_type_id));
    },
  );
}
