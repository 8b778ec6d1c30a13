import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import {
  dayInterval,
  monthInterval,
  parseSqlDate,
  weekInterval,
  yearInterval,
  type DayInterval,
} from './dates';
import { requirePersonNotBot } from './lookups';
import { personDurationScope, personTimeScope } from './person-scope';
import {
  personDayTimeSpents,
  personTimeSpentEntries,
  personTimeSpentsBetween,
  timeSpentsInRequestRange,
} from './time-spent-queries';

type PersonRequest<Extra = object> = FastifyRequest<{ Params: { person_id: string } & Extra }>;

function intervalOr400(interval: DayInterval | null, message: string): DayInterval {
  if (interval === null) throw badRequest(message);
  return interval;
}

/** Another person's logged time (`blueprints/persons`); bots are refused, unknown ids 404. */
export function registerPersonTimeSpentRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  const base = '/data/persons/:person_id/time-spents';

  api.get(base, async (request: PersonRequest) => {
    const personId = requirePersonNotBot(db, request.params.person_id);
    accessOf(db, request).requireAdmin();
    return timeSpentsInRequestRange(db, request, personId);
  });

  api.get(`${base}/:date`, async (request: PersonRequest<{ date: string }>) => {
    const personId = requirePersonNotBot(db, request.params.person_id);
    const scope = personTimeScope(accessOf(db, request), personId);
    const day = parseSqlDate(request.params.date);
    if (day === null) throw badRequest('Invalid month or year.');
    return personDayTimeSpents(db, personId, day, scope);
  });

  /** The per-task totals of an interval, scoped by `personDurationScope`. */
  const entries = (
    request: PersonRequest,
    interval: (personId: string) => DayInterval | null,
    message: string,
  ) => {
    const personId = requirePersonNotBot(db, request.params.person_id);
    const scope = personDurationScope(accessOf(db, request), personId, request);
    return personTimeSpentEntries(db, personId, intervalOr400(interval(personId), message), scope);
  };

  api.get(`${base}/year/:year`, async (request: PersonRequest<{ year: string }>) =>
    entries(request, () => yearInterval(request.params.year), 'Invalid date format.'),
  );

  api.get(
    `${base}/month/:year/:month`,
    async (request: PersonRequest<{ year: string; month: string }>) =>
      entries(
        request,
        () => monthInterval(request.params.year, request.params.month),
        'Invalid date format.',
      ),
  );

  api.get(
    `${base}/week/:year/:week`,
    async (request: PersonRequest<{ year: string; week: string }>) =>
      entries(
        request,
        () => weekInterval(request.params.year, request.params.week),
        'Invalid month or year.',
      ),
  );

  api.get(
    `${base}/day/:year/:month/:day`,
    async (request: PersonRequest<{ year: string; month: string; day: string }>) =>
      entries(
        request,
        () => dayInterval(request.params.year, request.params.month, request.params.day),
        'Invalid month or year.',
      ),
  );

  api.get(
    `${base}/month/all/:year/:month`,
    async (request: PersonRequest<{ year: string; month: string }>) => {
      const personId = requirePersonNotBot(db, request.params.person_id);
      accessOf(db, request).requireSelfOrAdmin(personId);
      const interval = monthInterval(request.params.year, request.params.month);
      return personTimeSpentsBetween(
        db,
        personId,
        intervalOr400(interval, 'Invalid month or year.'),
      );
    },
  );
}
