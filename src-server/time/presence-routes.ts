import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import { badRequest, forbidden, notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { parseStrptimeMonth } from './dates';
import {
  createDesktopLoginLog,
  desktopLoginLogs,
  readDesktopLoginBody,
} from './desktop-login-logs';
import { presenceTable, toCsv } from './presence-csv';

interface PersonParams {
  person_id: string;
}

/** Desktop logins and the monthly presence sheet built from them (`blueprints/persons`). */
export function registerPresenceRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  /** The path id as compared with the caller's (Zou compares the raw strings). */
  const pathPersonId = (value: string): string => normalizeUuid(value) ?? value;

  const requireExisting = (personId: string): void => {
    if (prepareCached(db, 'SELECT 1 FROM person WHERE id = ?').get(personId) === undefined) {
      throw notFound();
    }
  };

  // Self, or a manager or admin (global role); then the person must exist.
  api.get<{ Params: PersonParams }>(
    '/data/persons/:person_id/desktop-login-logs',
    async (request) => {
      const access = accessOf(db, request);
      const personId = pathPersonId(request.params.person_id);
      if (access.personId !== personId && !access.isManager()) throw forbidden();
      requireExisting(personId);
      return desktopLoginLogs(db, personId);
    },
  );

  // The body first, then self or admin. Zou writes a log for an unknown id (a 500 on the
  // foreign key); a 404 here.
  api.post<{ Params: PersonParams }>(
    '/data/persons/:person_id/desktop-login-logs',
    async (request, reply) => {
      const date = readDesktopLoginBody(request);
      const access = accessOf(db, request);
      const personId = pathPersonId(request.params.person_id);
      access.requireSelfOrAdmin(personId);
      requireExisting(personId);
      return reply.code(201).send(createDesktopLoginLog(context, request, personId, date));
    },
  );

  api.get<{ Params: { month_date: string } }>(
    '/data/persons/presence-logs/:month_date',
    async (request, reply) => {
      accessOf(db, request).requireAdmin();
      const month = parseStrptimeMonth(request.params.month_date);
      if (month === null) throw badRequest('Invalid month or year.');
      const csv = toCsv(presenceTable(db, month[0], month[1]));
      return reply
        .header('Content-Disposition', 'attachment; filename=kitsu_export.csv')
        .type('text/csv')
        .send(csv);
    },
  );
}
