import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { readQuery } from '../crud/query-params';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { adminCall } from './admin-call';
import { importKitsuEntries, KITSU_IMPORTS } from './kitsu-import';

/**
 * `/import/kitsu/<model>` (`blueprints/source/kitsu.py`): a JSON array of Zou-serialized rows
 * upserted by id. Only admins' entries are imported; anyone else's are silently skipped (200,
 * `[]`). `?silent=true` keeps the events back.
 */
export function registerKitsuImportRoutes(api: FastifyInstance, context: ServerContext): void {
  for (const spec of KITSU_IMPORTS) {
    api.post(`/import/kitsu/${spec.slug}`, async (request) => {
      const entries: unknown = request.body;
      if (!Array.isArray(entries)) throw badRequest('A list of entities is expected.');
      const silent = ['1', 'true', 'yes'].includes((readQuery(request).silent ?? '').toLowerCase());
      if (!accessOf(context.db, request).isAdmin) return [];
      return importKitsuEntries(adminCall(context, request, spec.model), spec, entries, silent);
    });
  }
}
