import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { badRequest } from '../http/errors';
import { serializeRow, type Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';
import { parseSqlDate } from './dates';
import { dayOffCovering } from './day-off-reads';
import {
  createDesktopLoginLog,
  desktopLoginLogs,
  readDesktopLoginArgument,
} from './desktop-login-logs';
import { pathId } from './lookups';
import { personDayTimeSpents, timeSpentsInRequestRange } from './time-spent-queries';

const personOnly = { config: { personOnly: true } };

function dayOrWrongFormat(text: string): string {
  const day = parseSqlDate(text);
  if (day === null) throw badRequest('Wrong date format.');
  return day;
}

/** The caller's own time, day offs and desktop logins (`blueprints/user`, persons only). */
export function registerUserTimeRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get('/data/user/time-spents', personOnly, async (request) => {
    return timeSpentsInRequestRange(db, request, accessOf(db, request).personId);
  });

  api.get<{ Params: { date: string } }>(
    '/data/user/time-spents/:date',
    personOnly,
    async (request) => {
      const personId = accessOf(db, request).personId;
      return personDayTimeSpents(db, personId, dayOrWrongFormat(request.params.date));
    },
  );

  api.get<{ Params: { task_id: string; date: string } }>(
    '/data/user/tasks/:task_id/time-spents/:date',
    personOnly,
    async (request, reply) => {
      const personId = accessOf(db, request).personId;
      const taskId = pathId(request.params.task_id);
      const day = dayOrWrongFormat(request.params.date);
      const row = prepareCached(
        db,
        'SELECT * FROM time_spent WHERE person_id = ? AND task_id = ? AND date = ?',
      ).get(personId, taskId, day) as Row | undefined;
      const body = row ? JSON.stringify(serializeRow(modelOf('time_spent'), row)) : 'null';
      return reply.type('application/json').send(body);
    },
  );

  api.get<{ Params: { date: string } }>(
    '/data/user/day-offs/:date',
    personOnly,
    async (request) => {
      const personId = accessOf(db, request).personId;
      return dayOffCovering(db, personId, dayOrWrongFormat(request.params.date));
    },
  );

  api.get('/data/user/desktop-login-logs', personOnly, async (request) => {
    return desktopLoginLogs(db, accessOf(db, request).personId);
  });

  api.post('/data/user/desktop-login-logs', personOnly, async (request, reply) => {
    const personId = accessOf(db, request).personId;
    const date = readDesktopLoginArgument(request);
    return reply.code(201).send(createDesktopLoginLog(context, request, personId, date));
  });
}
