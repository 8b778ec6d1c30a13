import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { readBody } from '../auth/body';
import { accessOf } from '../permissions/request-access';
import {
  createFilterGroup,
  getFilterGroup,
  listFilterGroups,
  removeFilterGroup,
  updateFilterGroup,
} from './filter-groups';
import {
  createFilterGroupSchema,
  createFilterSchema,
  updateFilterGroupSchema,
  updateFilterSchema,
} from './filter-schemas';
import { pathId } from './path-ids';
import { createFilter, listFilters, removeFilter, updateFilter } from './search-filters';
import { PERSON_ONLY } from './user-task-routes';

/** `/data/user/filters` and `/data/user/filter-groups` (REFERENCE §8). */
export function registerFilterRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get('/data/user/filters', PERSON_ONLY, async (request) =>
    listFilters(db, accessOf(db, request)),
  );

  api.post('/data/user/filters', PERSON_ONLY, async (request, reply) => {
    const access = accessOf(db, request);
    const body = readBody(request, createFilterSchema, 'CreateSearchFilterSchema');
    const created = db.transaction(() => createFilter(db, access, body))();
    return reply.code(201).send(created);
  });

  api.put<{ Params: { filter_id: string } }>(
    '/data/user/filters/:filter_id',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const filterId = pathId(request.params.filter_id);
      const body = readBody(request, updateFilterSchema, 'UpdateSearchFilterSchema');
      return db.transaction(() => updateFilter(db, access, filterId, body))();
    },
  );

  api.delete<{ Params: { filter_id: string } }>(
    '/data/user/filters/:filter_id',
    PERSON_ONLY,
    async (request, reply) => {
      const access = accessOf(db, request);
      const filterId = pathId(request.params.filter_id);
      db.transaction(() => removeFilter(db, access, filterId))();
      return reply.code(204).send();
    },
  );

  api.get('/data/user/filter-groups', PERSON_ONLY, async (request) =>
    listFilterGroups(db, accessOf(db, request)),
  );

  api.post('/data/user/filter-groups', PERSON_ONLY, async (request, reply) => {
    const access = accessOf(db, request);
    const body = readBody(request, createFilterGroupSchema, 'CreateSearchFilterGroupSchema');
    const created = db.transaction(() => createFilterGroup(db, access, body))();
    return reply.code(201).send(created);
  });

  api.get<{ Params: { filter_group_id: string } }>(
    '/data/user/filter-groups/:filter_group_id',
    PERSON_ONLY,
    async (request) =>
      getFilterGroup(db, accessOf(db, request), pathId(request.params.filter_group_id)),
  );

  api.put<{ Params: { filter_group_id: string } }>(
    '/data/user/filter-groups/:filter_group_id',
    PERSON_ONLY,
    async (request) => {
      const access = accessOf(db, request);
      const groupId = pathId(request.params.filter_group_id);
      const body = readBody(request, updateFilterGroupSchema, 'UpdateSearchFilterGroupSchema');
      return db.transaction(() => updateFilterGroup(db, access, groupId, body))();
    },
  );

  api.delete<{ Params: { filter_group_id: string } }>(
    '/data/user/filter-groups/:filter_group_id',
    PERSON_ONLY,
    async (request, reply) => {
      const access = accessOf(db, request);
      const groupId = pathId(request.params.filter_group_id);
      db.transaction(() => removeFilterGroup(db, access, groupId))();
      return reply.code(204).send();
    },
  );
}
