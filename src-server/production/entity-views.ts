import type { Db } from '../db/database';
import { entityKindsByTypeId, type EntityKind } from '../crud/entity-kind';
import { serializeRows } from '../crud/present';
import type { Json, Row } from '../models/serialize';
import { entityModel } from './call';

/**
 * `Entity.serialize_list(obj_type=<kind>)`: columns (and collections when asked), with `type`
 * the entity's kind. Without a kind, each row's own kind is looked up (one query).
 */
export function serializeEntities(
  db: Db,
  rows: Row[],
  kind: EntityKind | null,
  relations = false,
): Json[] {
  const kinds = kind === null ? entityKindsByTypeId(db) : null;
  return serializeRows(db, entityModel, rows, relations).map((entity) => {
    entity.type = kind ?? kinds?.get(String(entity.entity_type_id)) ?? 'Asset';
    return entity;
  });
}

export function serializeEntity(db: Db, row: Row, kind: EntityKind, relations = false): Json {
  return serializeEntities(db, [row], kind, relations)[0] as Json;
}
