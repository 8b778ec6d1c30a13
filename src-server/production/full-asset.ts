import type { Db } from '../db/database';
import { fromStored, type Json, type Row } from '../models/serialize';
import { loadRelations } from '../models/serialize';
import { prepareCached } from '../crud/sql';
import { taskModel } from './call';
import { serializeEntity } from './entity-views';
import type { EntityRecord } from './lookup';

/**
 * `assets_service.get_full_asset`: the asset with its collections, project and type names,
 * the episodes it is cast in and its tasks in the short "with tasks" shape, overlaid the way
 * Zou overlays them (`preview_file_id` "" when none, `ready_for` as Python's `str()`, so
 * "None" when unset).
 */
export function fullAsset(db: Db, asset: EntityRecord): Json {
  const result = serializeEntity(db, asset.row, 'Asset', true);
  const names = prepareCached(
    db,
    `SELECT p.name AS project_name, et.name AS asset_type_name FROM entity e
     JOIN project p ON p.id = e.project_id JOIN entity_type et ON et.id = e.entity_type_id
     WHERE e.id = ?`,
  ).get(asset.id) as { project_name: string; asset_type_name: string };
  result.project_name = names.project_name;
  result.asset_type_id = asset.row.entity_type_id;
  result.asset_type_name = names.asset_type_name;
  delete result.source_id;
  delete result.nb_frames;
  const row = asset.row;
  Object.assign(result, {
    id: asset.id,
    name: row.name,
    preview_file_id: row.preview_file_id ?? '',
    description: row.description,
    asset_type_name: names.asset_type_name,
    asset_type_id: row.entity_type_id,
    canceled: fromStored('bool', row.canceled),
    ready_for: row.ready_for === null || row.ready_for === undefined ? 'None' : row.ready_for,
    episode_id: row.source_id ?? '',
    casting_episode_ids: castingEpisodeIds(db, asset.id),
    is_casting_standby: fromStored('bool', row.is_casting_standby),
    is_shared: fromStored('bool', row.is_shared),
    data: fromStored('json', row.data) ?? {},
    tasks: shortTasks(db, asset.id),
  });
  return result;
}

function castingEpisodeIds(db: Db, assetId: string): string[] {
  const rows = prepareCached(
    db,
    `SELECT l.entity_in_id AS id FROM entity_link l
     JOIN entity ep ON ep.id = l.entity_in_id
     JOIN entity_type et ON et.id = ep.entity_type_id
     WHERE et.name = 'Episode' AND l.entity_out_id = ? ORDER BY ep.name`,
  ).all(assetId) as { id: string }[];
  return rows.map((row) => row.id);
}

/** The task entries of `prepare_assets_and_tasks` (never subscribed: no project criterion). */
function shortTasks(db: Db, assetId: string): Json[] {
  const rows = prepareCached(db, 'SELECT * FROM task WHERE entity_id = ? ORDER BY rowid').all(
    assetId,
  ) as Row[];
  const assignees = loadRelations(
    db,
    taskModel,
    rows.map((row) => String(row.id)),
  );
  return rows.map((row) => ({
    id: row.id,
    due_date: row.due_date,
    done_date: row.done_date,
    duration: row.duration,
    entity_id: row.entity_id,
    estimation: row.estimation,
    end_date: row.end_date,
    is_subscribed: false,
    last_comment_date: row.last_comment_date,
    last_preview_file_id: row.last_preview_file_id ?? '',
    priority: row.priority ?? 0,
    real_start_date: row.real_start_date,
    retake_count: row.retake_count,
    start_date: row.start_date,
    difficulty: row.difficulty,
    task_status_id: row.task_status_id,
    task_type_id: row.task_type_id,
    assignees: assignees.get(String(row.id))?.assignees ?? [],
    data: fromStored('json', row.data),
  }));
}
