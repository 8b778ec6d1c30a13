import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { forbidden, notFound } from '../http/errors';
import type { Json } from '../models/serialize';
import { addTeamMember, assignTask, clearAssignation } from './assignment';
import {
  botMayWorkOn,
  canAssign,
  canUnassign,
  findAssignableTask,
  requireAssignee,
  type AssignableTask,
} from './assignment-access';
import { validateBody } from './body';
import { productionCall } from './call';

interface TaskParams {
  task_id: string;
}

interface PersonParams {
  person_id: string;
}

const TASK_IDS = { type: 'string-list', required: true, minLength: 1 } as const;

/** Task assignation (tasks blueprint): assign one task, assign many, clear assignations. */
export function registerAssignmentRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.put<{ Params: TaskParams }>('/actions/tasks/:task_id/assign', async (request) => {
    const body = validateBody(request, 'AssignPersonSchema', {
      person_id: { type: 'string', required: true, minLength: 1 },
    });
    const production = call(request);
    const task = findAssignableTask(production.db, request.params.task_id);
    if (!task) throw notFound();
    const person = requireAssignee(production.db, body.person_id);
    if (!botMayWorkOn(production.db, person, task.project_id)) throw forbidden();
    if (!canAssign(production.access, task, person.id)) throw forbidden();
    return production.write(() => {
      const assigned = assignTask(production, task.id, person.id);
      addTeamMember(production, task.project_id, person.id);
      return assigned;
    });
  });

  api.put<{ Params: PersonParams }>('/actions/persons/:person_id/assign', async (request) => {
    const body = validateBody(request, 'AssignTasksSchema', { task_ids: TASK_IDS });
    const production = call(request);
    const tasks = (body.task_ids as string[])
      .map((taskId) => findAssignableTask(production.db, taskId))
      .filter((task): task is AssignableTask => task !== undefined);
    if (tasks.length === 0) return [];
    // Zou reads the assignee at the first existing task: unknown, nothing is assigned.
    const person = requireAssignee(production.db, request.params.person_id);
    // Tasks the caller may not assign, or a bot may not work on, are skipped silently.
    const allowed = tasks.filter(
      (task) =>
        botMayWorkOn(production.db, person, task.project_id) &&
        canAssign(production.access, task, person.id),
    );
    return production.write(() => {
      const assigned: Json[] = allowed.map((task) => assignTask(production, task.id, person.id));
      // Zou adds the assignee to the first task's team only; every project touched gets them.
      for (const projectId of new Set(allowed.map((task) => task.project_id))) {
        addTeamMember(production, projectId, person.id);
      }
      return assigned;
    });
  });

  api.put('/actions/tasks/clear-assignation', async (request) => {
    const body = validateBody(request, 'UnassignTasksSchema', {
      task_ids: TASK_IDS,
      person_id: { type: 'string' },
    });
    const production = call(request);
    const personId = (body.person_id as string | null) ?? null;
    const cleared: { sent: string; task: AssignableTask }[] = [];
    for (const sent of body.task_ids as string[]) {
      const task = findAssignableTask(production.db, sent);
      if (task && canUnassign(production.access, task, personId)) cleared.push({ sent, task });
    }
    production.write(() => {
      for (const { task } of cleared) clearAssignation(production, task.id, personId);
    });
    return cleared.map(({ sent }) => sent);
  });
}
