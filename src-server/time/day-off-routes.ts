import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import {
  lastDayOf,
  monthInterval,
  parseSqlDate,
  weekInterval,
  yearInterval,
  type DayInterval,
} from './dates';
import { dayOffCovering, dayOffsBetween } from './day-off-reads';
import { requirePersonNotBot } from './lookups';

type PersonRequest<Extra = object> = FastifyRequest<{ Params: { person_id: string } & Extra }>;

/**
 * Day-off reads beyond the `/data/day-offs` CRUD (`blueprints/persons`). Leave is between the
 * person and the admins: every per-person route is self or admin, after the bot check.
 */
export function registerDayOffRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  /** Bot check (404 for an unknown id), then self or admin. */
  const readablePerson = (request: PersonRequest): string => {
    const personId = requirePersonNotBot(db, request.params.person_id);
    accessOf(db, request).requireSelfOrAdmin(personId);
    return personId;
  };

  /** Zou lets a bad year, month or week escape as a 500; it is a 400 here. */
  const daysOf = (interval: DayInterval | null): { start: string; end: string } => {
    if (interval === null) throw badRequest('Invalid date format.');
    return { start: interval.start, end: lastDayOf(interval) };
  };

  api.get('/data/persons/:person_id/day-offs', async (request: PersonRequest) => {
    return dayOffsBetween(db, { personId: readablePerson(request) });
  });

  api.get(
    '/data/persons/:person_id/day-offs/:date',
    async (request: PersonRequest<{ date: string }>) => {
      const personId = readablePerson(request);
      const day = parseSqlDate(request.params.date);
      if (day === null) throw badRequest('Invalid date format.');
      return dayOffCovering(db, personId, day);
    },
  );

  api.get(
    '/data/persons/:person_id/day-offs/year/:year',
    async (request: PersonRequest<{ year: string }>) => {
      const personId = readablePerson(request);
      return dayOffsBetween(db, { personId, ...daysOf(yearInterval(request.params.year)) });
    },
  );

  api.get(
    '/data/persons/:person_id/day-offs/month/:year/:month',
    async (request: PersonRequest<{ year: string; month: string }>) => {
      const personId = readablePerson(request);
      const interval = monthInterval(request.params.year, request.params.month);
      return dayOffsBetween(db, { personId, ...daysOf(interval) });
    },
  );

  api.get(
    '/data/persons/:person_id/day-offs/week/:year/:week',
    async (request: PersonRequest<{ year: string; week: string }>) => {
      const personId = readablePerson(request);
      const interval = weekInterval(request.params.year, request.params.week);
      return dayOffsBetween(db, { personId, ...daysOf(interval) });
    },
  );

  // Admins see everyone's day offs of the month, anyone else their own.
  api.get<{ Params: { year: string; month: string } }>(
    '/data/persons/day-offs/:year/:month',
    async (request) => {
      const access = accessOf(db, request);
      const interval = daysOf(monthInterval(request.params.year, request.params.month));
      return dayOffsBetween(db, {
        ...interval,
        ...(access.isAdmin ? {} : { personId: access.personId }),
      });
    },
  );
}
