import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest, forbidden } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { findEventNames, findLastEvents } from './last-events';
import { dateArg, idArg, QueryArgs } from './query-args';

const MAX_LIMIT = 1000;

/** `/data/events/last` and `/data/events/names` (REFERENCE §7; the CRUD owns `/data/events`). */
export function registerEventRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get('/data/events/last', async (request) => {
    const args = new QueryArgs(request);
    const limit = args.int('limit', 100);
    // Postgres fails on a negative LIMIT (a 500 in Zou); answer as get_args does for bad values.
    if (limit < 0) throw badRequest('Wrong value for parameter limit.');
    const projectId = idArg(args.text('project_id'), 'The project_id parameter is not a valid id');

    // Checked before the other parameters so a denied caller never gets a validation error.
    // A manager role held on the requested project counts; an unknown project is a denial.
    const access = accessOf(context.db, request);
    if (!access.isManager() && !(projectId !== null && access.isManager(projectId))) {
      throw forbidden();
    }

    const before = dateArg(args.text('before'));
    const after = dateArg(args.text('after'));
    const cursorEventId = idArg(
      args.text('cursor_event_id'),
      'The cursor_event_id parameter is not a valid id',
    );
    if (!access.isAdmin && projectId !== null && !access.isTeamMember(projectId)) {
      throw forbidden();
    }

    return findLastEvents(context.db, {
      after,
      before,
      cursorEventId,
      limit: Math.min(limit, MAX_LIMIT),
      onlyFiles: args.text('only_files') === 'true',
      projectId,
      teamOf: access.isAdmin ? null : access.personId,
      name: args.text('name'),
      namePrefixes: args.list('name_prefixes'),
      nameSuffixes: args.list('name_suffixes'),
      personIds: args.list('person_ids'),
    });
  });

  api.get('/data/events/names', async (request) => {
    accessOf(context.db, request).requireManager();
    return findEventNames(context.db);
  });
}
