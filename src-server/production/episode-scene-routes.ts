import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { boolParam } from '../crud/query-params';
import { prepareCached } from '../crud/sql';
import type { Json, Row } from '../models/serialize';
import { groupedAssetInstances } from './asset-instances';
import { productionCall } from './call';
import { serializeEntities, serializeEntity } from './entity-views';
import { requireEntityOfKind } from './lookup';
import { checkEntityRead, vendorDepartments } from './project-access';
import { maskMetadataForVendor } from './vendor-metadata';

interface EpisodeParams {
  episode_id: string;
}

interface SceneParams {
  scene_id: string;
}

/** One episode and its edits; one scene and its asset instances (shots, edits, breakdown). */
export function registerEpisodeSceneRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get<{ Params: EpisodeParams }>('/data/episodes/:episode_id', async (request) => {
    const { db, access } = call(request);
    const episode = requireEntityOfKind(db, request.params.episode_id, 'Episode');
    checkEntityRead(access, db, episode);
    const result = serializeEntity(db, episode.row, 'Episode');
    result.project_name = projectName(context, episode.projectId);
    return result;
  });

  api.get<{ Params: EpisodeParams }>('/data/episodes/:episode_id/edits', async (request) => {
    const { db, access, query } = call(request);
    const episode = requireEntityOfKind(db, request.params.episode_id, 'Episode');
    checkEntityRead(access, db, episode);
    const rows = prepareCached(
      db,
      `SELECT t.* FROM entity t JOIN entity_type et ON et.id = t.entity_type_id
       WHERE et.name = 'Edit' AND t.parent_id = ? ORDER BY t.name, t.id`,
    ).all(episode.id) as Row[];
    const edits = serializeEntities(db, rows, 'Edit', boolParam(query, 'relations'));
    return maskMetadataForVendor(db, 'Edit', vendorDepartments(access, episode.projectId), edits);
  });

  api.get<{ Params: SceneParams }>('/data/scenes/:scene_id', async (request) => {
    const { db, access } = call(request);
    const scene = requireEntityOfKind(db, request.params.scene_id, 'Scene');
    checkEntityRead(access, db, scene);
    return fullScene(context, serializeEntity(db, scene.row, 'Scene'));
  });

  api.get<{ Params: SceneParams }>('/data/scenes/:scene_id/asset-instances', async (request) => {
    const { db, access } = call(request);
    const scene = requireEntityOfKind(db, request.params.scene_id, 'Scene');
    checkEntityRead(access, db, scene);
    return groupedAssetInstances(db, 'scene_id', scene.id, 'asset_id');
  });
}

function projectName(context: ServerContext, projectId: string): unknown {
  const row = prepareCached(context.db, 'SELECT name FROM project WHERE id = ?').get(projectId) as
    { name: string } | undefined;
  return row?.name ?? null;
}

/**
 * `get_full_scene`: the scene with its project, sequence and episode names. Zou answers 404 for
 * a scene outside any sequence; here it simply comes without the sequence keys.
 */
function fullScene(context: ServerContext, scene: Json): Json {
  scene.project_name = projectName(context, String(scene.project_id));
  if (scene.parent_id === null) return scene;
  const parents = prepareCached(
    context.db,
    `SELECT s.id, s.name, ep.id AS episode_id, ep.name AS episode_name FROM entity s
     LEFT JOIN entity ep ON ep.id = s.parent_id WHERE s.id = ?`,
  ).get(scene.parent_id) as
    | { id: string; name: string; episode_id: string | null; episode_name: string | null }
    | undefined;
  if (!parents) return scene;
  scene.sequence_id = parents.id;
  scene.sequence_name = parents.name;
  if (parents.episode_id !== null) {
    scene.episode_id = parents.episode_id;
    scene.episode_name = parents.episode_name;
  }
  return scene;
}
