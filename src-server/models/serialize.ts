import type { Db } from '../db/database';
import type { ModelDef } from './model-def';

export type Row = Record<string, unknown>;
export type Json = Record<string, unknown>;

/**
 * A stored row as Zou's `serialize()` gives it: booleans as booleans, JSON parsed, secrets
 * left out, `type` added. Relations, when asked for, come from `loadRelations`.
 */
export function serializeRow(
  model: ModelDef,
  row: Row,
  relations?: Record<string, string[]>,
): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(row)) {
    if (model.sensitiveKeys?.includes(key)) continue;
    const column = model.columns[key];
    result[key] = column ? fromStored(column.type, value) : value;
  }
  result.type = model.typeName;
  if (relations) Object.assign(result, relations);
  return result;
}

export function fromStored(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  switch (type) {
    case 'bool':
      return value === 1 || value === true;
    case 'json':
      return typeof value === 'string' ? parseJson(value) : value;
    default:
      return value;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Every many-to-many collection of `ids`, one query per relation whatever the row count:
 * id → { relationKey: [related ids] }.
 */
export function loadRelations(
  db: Db,
  model: ModelDef,
  ids: readonly string[],
): Map<string, Record<string, string[]>> {
  const byId = new Map<string, Record<string, string[]>>();
  for (const id of ids) {
    byId.set(id, Object.fromEntries(model.relations.map((relation) => [relation.key, []])));
  }
  if (ids.length === 0) return byId;
  const idList = JSON.stringify(ids);
  for (const relation of model.relations) {
    const rows = db
      .prepare(
        `SELECT "${relation.ownColumn}" AS own, "${relation.otherColumn}" AS other
         FROM "${relation.linkTable}"
         WHERE "${relation.ownColumn}" IN (SELECT value FROM json_each(?))`,
      )
      .all(idList) as { own: string; other: string }[];
    for (const row of rows) byId.get(row.own)?.[relation.key]?.push(row.other);
  }
  return byId;
}
