import type { Db } from '../db/database';
import type { ModelDef } from '../models/model-def';
import { loadRelations, serializeRow, type Json, type Row } from '../models/serialize';
import { fetchRow } from './rows';

/** `serialize_list`: rows as Zou serializes them, collections loaded in one query each. */
export function serializeRows(db: Db, model: ModelDef, rows: Row[], relations: boolean): Json[] {
  if (!relations || model.relations.length === 0) {
    return rows.map((row) => serializeRow(model, row));
  }
  const byId = loadRelations(
    db,
    model,
    rows.map((row) => String(row.id)),
  );
  return rows.map((row) => serializeRow(model, row, byId.get(String(row.id))));
}

export function serializeOne(db: Db, model: ModelDef, row: Row, relations: boolean): Json {
  return serializeRows(db, model, [row], relations)[0] as Json;
}

/** Re-reads a row just written and serializes it. */
export function serializeById(db: Db, model: ModelDef, id: string, relations: boolean): Json {
  const row = fetchRow(db, model, id);
  if (!row) throw new Error(`${model.table} ${id} vanished inside its own transaction`);
  return serializeOne(db, model, row, relations);
}

/** `pick_fields`: keep the named keys plus id and type. */
export function pickFields(entries: Json[], names: readonly string[]): Json[] {
  const kept = new Set([...names, 'id', 'type']);
  return entries.map((entry) =>
    Object.fromEntries(Object.entries(entry).filter(([key]) => kept.has(key))),
  );
}
