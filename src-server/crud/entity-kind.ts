import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { prepareCached } from './sql';

/** Entity types that are not asset types (`entities_service.TEMPORAL_ENTITY_TYPE_NAMES`). */
export const TEMPORAL_KINDS = ['Shot', 'Sequence', 'Episode', 'Scene', 'Edit', 'Concept'] as const;

export type EntityKind = (typeof TEMPORAL_KINDS)[number] | 'Asset';

/** `get_base_entity_type_name`: the entity type's name when temporal, else "Asset". */
export function kindOfTypeName(typeName: string | undefined): EntityKind {
  return (TEMPORAL_KINDS as readonly string[]).includes(typeName ?? '')
    ? (typeName as EntityKind)
    : 'Asset';
}

/** Every entity type's kind, in one query (entity types are few). */
export function entityKindsByTypeId(db: Db): Map<string, EntityKind> {
  const rows = prepareCached(db, 'SELECT id, name FROM entity_type').all() as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, kindOfTypeName(row.name)]));
}

export function entityKindOf(db: Db, entityTypeId: unknown): EntityKind {
  const row = prepareCached(db, 'SELECT name FROM entity_type WHERE id = ?').get(entityTypeId) as
    { name: string } | undefined;
  return kindOfTypeName(row?.name);
}

/** `get_temporal_entity_type_by_name`: the type with that name, created when missing. */
export function temporalEntityTypeId(db: Db, name: string): string {
  const row = prepareCached(db, 'SELECT id FROM entity_type WHERE name = ?').get(name) as
    { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  const now = nowDateTime();
  prepareCached(
    db,
    `INSERT INTO entity_type (id, created_at, updated_at, name, archived) VALUES (?, ?, ?, ?, 0)`,
  ).run(id, now, now, name);
  return id;
}
