import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { boolParam } from '../crud/query-params';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import type { Json, Row } from '../models/serialize';
import { groupedAssetInstances } from './asset-instances';
import { listAssets } from './asset-list';
import { validateBody } from './body';
import { productionCall } from './call';
import { IS_ASSET } from './entity-criteria';
import { serializeEntities } from './entity-views';
import { fullAsset } from './full-asset';
import { sqlId } from './ids';
import { requireEntityOfKind } from './lookup';
import { checkEntityRead, checkManagerProjectAccess } from './project-access';
import { detailedTasks, taskTypesOf } from './task-views';

interface AssetParams {
  asset_id: string;
}

interface ShareParams {
  project_id: string;
  asset_type_id: string;
}

/** The assets blueprint: lists, one asset, its tasks and task types, sharing. */
export function registerAssetRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get('/data/assets', async (request) => listAssets(call(request)));
  api.get('/data/assets/all', async (request) => listAssets(call(request)));

  api.get<{ Params: AssetParams }>('/data/assets/:asset_id', async (request) => {
    const { db, access } = call(request);
    const asset = requireEntityOfKind(db, request.params.asset_id, 'Asset');
    checkEntityRead(access, db, asset);
    return fullAsset(db, asset);
  });

  api.get<{ Params: AssetParams }>('/data/assets/:asset_id/tasks', async (request) => {
    const { db, access, query } = call(request);
    const asset = requireEntityOfKind(db, request.params.asset_id, 'Asset');
    checkEntityRead(access, db, asset);
    return detailedTasks(
      db,
      { sql: 't.entity_id = ?', params: [asset.id] },
      boolParam(query, 'relations'),
    );
  });

  api.get<{ Params: AssetParams }>('/data/assets/:asset_id/task-types', async (request) => {
    const { db, access } = call(request);
    const asset = requireEntityOfKind(db, request.params.asset_id, 'Asset');
    checkEntityRead(access, db, asset);
    return taskTypesOf(db, { sql: 'e.id = ?', params: [asset.id] });
  });

  api.get<{ Params: AssetParams }>(
    '/data/assets/:asset_id/scene-asset-instances',
    async (request) => {
      const { db, access } = call(request);
      const asset = requireEntityOfKind(db, request.params.asset_id, 'Asset');
      // Zou checks only the team here; vendors are kept to the assets they work on, as elsewhere.
      checkEntityRead(access, db, asset);
      return groupedAssetInstances(db, 'asset_id', asset.id, 'scene_id');
    },
  );

  api.post<{ Params: ShareParams }>(
    '/actions/projects/:project_id/asset-types/:asset_type_id/assets/share',
    async (request) => {
      const production = call(request);
      const projectId = checkManagerProjectAccess(
        production.access,
        production.db,
        request.params.project_id,
      );
      const body = validateBody(request, 'SetSharedAssetsSchema', {
        is_shared: { type: 'bool', default: true },
        asset_ids: { type: 'uuid-list' },
      });
      return shareAssetsOfType(
        production,
        sqlId(projectId),
        sqlId(request.params.asset_type_id),
        body.is_shared,
      );
    },
  );
}

/** `set_shared_assets` for one asset type of a project: every such asset, no events. */
function shareAssetsOfType(
  call: CrudCall,
  projectId: string,
  assetTypeId: string,
  isShared: unknown,
): Json[] {
  return call.write(() => {
    const scope = `t.project_id = ? AND t.entity_type_id = ? AND ${IS_ASSET.sql}`;
    const params = [projectId, assetTypeId, ...IS_ASSET.params];
    prepareCached(
      call.db,
      `UPDATE entity AS t SET is_shared = ?, updated_at = ? WHERE ${scope}`,
    ).run(isShared === null ? null : isShared ? 1 : 0, nowDateTime(), ...params);
    const rows = prepareCached(
      call.db,
      `SELECT t.* FROM entity t WHERE ${scope} ORDER BY t.name, t.id`,
    ).all(...params) as Row[];
    return serializeEntities(call.db, rows, 'Asset');
  });
}
