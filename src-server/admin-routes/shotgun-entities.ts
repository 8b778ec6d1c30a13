import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';

export const entityModel = modelOf('entity');

/** The id of an entity type, by name (the temporal types are seeded). */
export function entityTypeIdNamed(call: CrudCall, name: string): string {
  const row = prepareCached(call.db, 'SELECT id FROM entity_type WHERE name = ?').get(name) as
    { id: string } | undefined;
  if (!row) throw new Error(`The ${name} entity type is missing`);
  return row.id;
}

/** `Entity.get_by(shotgun_id=…, entity_type_id=…)`. */
export function entityByShotgunId(
  call: CrudCall,
  typeId: string,
  shotgunId: unknown,
): { id: string } | undefined {
  return prepareCached(
    call.db,
    'SELECT id FROM entity WHERE shotgun_id = ? AND entity_type_id = ? ORDER BY rowid LIMIT 1',
  ).get(shotgunId, typeId) as { id: string } | undefined;
}

/**
 * Assigning `entity.entities_out`: SQLAlchemy keeps the links still listed (with their
 * occurrences and labels), drops the others and adds the new ones.
 */
export function setEntitiesOut(
  call: CrudCall,
  entityId: string,
  assetIds: readonly string[],
): void {
  const wanted = JSON.stringify([...new Set(assetIds)]);
  prepareCached(
    call.db,
    `DELETE FROM entity_link WHERE entity_in_id = ?
     AND entity_out_id NOT IN (SELECT value FROM json_each(?))`,
  ).run(entityId, wanted);
  const now = nowDateTime();
  const insert = prepareCached(
    call.db,
    `INSERT OR IGNORE INTO entity_link (id, created_at, updated_at, entity_in_id, entity_out_id)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const assetId of new Set(assetIds)) insert.run(newId(), now, now, entityId, assetId);
}
