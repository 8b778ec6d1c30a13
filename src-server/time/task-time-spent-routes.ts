import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { badRequest } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';
import { parseSqlDate } from './dates';
import { loadTask } from './lookups';
import { deleteTimeSpent, writeTimeSpent, type TimeSpentPathParams } from './time-spent-writes';

interface TaskParams {
  task_id: string;
}

/** `tasks_service.get_time_spents`: `{"total": minutes, "<person_id>": [TimeSpent…]}`. */
function taskTimeSpents(db: Db, taskId: string, day: string | null): Json {
  const rows = prepareCached(
    db,
    `SELECT * FROM time_spent WHERE task_id = ? AND (? IS NULL OR date = ?)
     ORDER BY date, created_at`,
  ).all(taskId, day, day) as Row[];
  const model = modelOf('time_spent');
  const result: Record<string, unknown> = { total: 0 };
  for (const row of rows) {
    const personId = String(row.person_id);
    const list = (result[personId] ??= []) as Json[];
    list.push(serializeRow(model, row));
    result.total = (result.total as number) + Number(row.duration);
  }
  return result;
}

/** Time logged on a task (`blueprints/tasks`, REFERENCE §5 "Time spents"). */
export function registerTaskTimeSpentRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const personPath = '/actions/tasks/:task_id/time-spents/:date/persons/:person_id';

  api.post<{ Params: TimeSpentPathParams }>(personPath, async (request, reply) => {
    return reply.code(201).send(writeTimeSpent(context, request, 'set'));
  });

  api.post<{ Params: TimeSpentPathParams }>(`${personPath}/add`, async (request, reply) => {
    return reply.code(201).send(writeTimeSpent(context, request, 'add'));
  });

  // 201 on a deletion is Zou's.
  api.delete<{ Params: TimeSpentPathParams }>(personPath, async (request, reply) => {
    return reply.code(201).send(deleteTimeSpent(context, request));
  });

  api.get<{ Params: TaskParams }>('/actions/tasks/:task_id/time-spents', async (request) => {
    const task = loadTask(db, request.params.task_id);
    accessOf(db, request).requireTaskAccess(task);
    return taskTimeSpents(db, task.id, null);
  });

  api.get<{ Params: TaskParams & { date: string } }>(
    '/actions/tasks/:task_id/time-spents/:date',
    async (request) => {
      const task = loadTask(db, request.params.task_id);
      accessOf(db, request).requireTaskAccess(task);
      const day = parseSqlDate(request.params.date);
      if (day === null) throw badRequest('Wrong date format.');
      return taskTimeSpents(db, task.id, day);
    },
  );
}
