import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { normalizeUuid } from '../crud/values';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { projectMonthTimeSpents } from './budget-time-spents';
import { monthInterval, yearInterval, type DayInterval } from './dates';
import { tableScope, timeTable, type TableUnit } from './time-tables';

/** Studio-wide time tables (`TimeSpentDurationResource`) and the budget view of a project. */
export function registerTimeTableRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  const table = (
    request: Parameters<typeof accessOf>[1],
    unit: TableUnit,
    interval: () => DayInterval | null,
    message: string,
  ) => {
    const scope = tableScope(accessOf(db, request), request);
    const range = interval();
    // Zou crashes on a year int() cannot read; a 400 here.
    if (range === null) throw badRequest(message);
    return timeTable(db, scope, unit, range);
  };

  api.get('/data/persons/time-spents/year-table', async (request) => {
    return timeTable(db, tableScope(accessOf(db, request), request), 'year', null);
  });

  api.get<{ Params: { year: string } }>(
    '/data/persons/time-spents/month-table/:year',
    async (request) =>
      table(request, 'month', () => yearInterval(request.params.year), 'Invalid date format.'),
  );

  api.get<{ Params: { year: string } }>(
    '/data/persons/time-spents/week-table/:year',
    async (request) =>
      table(request, 'week', () => yearInterval(request.params.year), 'Invalid date format.'),
  );

  api.get<{ Params: { year: string; month: string } }>(
    '/data/persons/time-spents/day-table/:year/:month',
    async (request) =>
      table(
        request,
        'day',
        () => monthInterval(request.params.year, request.params.month),
        'Invalid month or year.',
      ),
  );

  api.get<{ Params: { project_id: string } }>(
    '/data/projects/:project_id/budgets/time-spents',
    async (request) => {
      const access = accessOf(db, request);
      access.requireAdmin();
      const projectId = normalizeUuid(request.params.project_id);
      if (projectId === null) throw badRequest('Wrong UUID format.');
      const timeZone = access.person.timezone;
      return projectMonthTimeSpents(db, projectId, typeof timeZone === 'string' ? timeZone : null);
    },
  );
}
