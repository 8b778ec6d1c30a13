import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { TEMPORAL_KINDS } from '../crud/entity-kind';
import { buildFilters, castFilterValue } from '../crud/filters';
import { modelOf } from '../crud/model-of';
import { serializeRows } from '../crud/present';
import { readQuery } from '../crud/query-params';
import { and, ensureUnicodeLower } from '../crud/sql';
import type { Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';

const entityTypeModel = modelOf('entity_type');

/**
 * `GET /data/asset-types` (`assets_service.get_asset_types`): every entity type that is not a
 * temporal one, serialized with its task types and typed "AssetType". `project_id` keeps the
 * types some entity of that project has; other query keys filter the entity type's columns.
 */
export function registerAssetTypeRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get('/data/asset-types', async (request) => {
    accessOf(db, request);
    ensureUnicodeLower(db);
    const { page: _page, project_id: projectId, ...criterions } = readQuery(request);
    const conditions = [
      {
        sql: 't.name NOT IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(TEMPORAL_KINDS)],
      },
      ...buildFilters({ model: entityTypeModel, filterable: null }, criterions),
    ];
    if (projectId !== undefined) {
      conditions.push({
        sql: 't.id IN (SELECT entity_type_id FROM entity WHERE project_id = ?)',
        params: [castFilterValue('uuid', projectId)],
      });
    }
    const where = and(conditions);
    const rows = db
      .prepare(`SELECT t.* FROM entity_type t WHERE ${where.sql} ORDER BY t.rowid`)
      .all(...where.params) as Row[];
    return serializeRows(db, entityTypeModel, rows, true).map((entry) => ({
      ...entry,
      type: 'AssetType',
    }));
  });
}
