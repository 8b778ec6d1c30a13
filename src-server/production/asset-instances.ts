import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { fromStored, type Json, type Row } from '../models/serialize';

function serializeAssetInstance(row: Row): Json {
  return {
    ...row,
    active: fromStored('bool', row.active),
    data: fromStored('json', row.data),
    type: 'AssetInstance',
  };
}

/**
 * `_group_serialized_instances` over the instances in `column` = `id`, by asset and number,
 * keyed by `keyColumn` as Python's `str()` gives it ("None" for a missing scene).
 */
export function groupedAssetInstances(
  db: Db,
  column: 'asset_id' | 'scene_id',
  id: string,
  keyColumn: 'asset_id' | 'scene_id',
): Record<string, Json[]> {
  const rows = prepareCached(
    db,
    `SELECT * FROM asset_instance WHERE ${column} = ? ORDER BY asset_id, number`,
  ).all(id) as Row[];
  const result: Record<string, Json[]> = {};
  for (const row of rows) {
    const key = row[keyColumn] === null ? 'None' : String(row[keyColumn]);
    (result[key] ??= []).push(serializeAssetInstance(row));
  }
  return result;
}
