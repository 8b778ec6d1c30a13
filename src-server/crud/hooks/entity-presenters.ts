import { badRequest } from '../../http/errors';
import { ENTITY_STATUSES } from '../../models/registry';
import type { Json, Row } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import { entityKindOf, entityKindsByTypeId } from '../entity-kind';
import { serializeRows } from '../present';

/** Entities are served under their kind: `type` is Asset, Shot, Sequence… */
export function presentEntities(call: CrudCall, rows: Row[], relations: boolean): Json[] {
  const kinds = entityKindsByTypeId(call.db);
  return serializeRows(call.db, call.model, rows, relations).map((entity) => {
    entity.type = kinds.get(String(entity.entity_type_id)) ?? 'Asset';
    return entity;
  });
}

/** `<kind>:<action>` with `{"<kind>_id": id}`, e.g. `asset:new` {asset_id}. */
export function emitEntityEvent(call: CrudCall, action: string, entity: Json): void {
  const kind = entityKindOf(call.db, entity.entity_type_id).toLowerCase();
  call.emit(`${kind}:${action}`, { [`${kind}_id`]: entity.id }, String(entity.project_id));
}

export function checkEntityStatus(data: Record<string, unknown>): void {
  if ('status' in data && !(ENTITY_STATUSES as readonly unknown[]).includes(data.status)) {
    throw badRequest('Invalid status');
  }
}
