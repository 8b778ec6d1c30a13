import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { crudError } from '../http/errors';
import type { ModelDef, RelationDef } from '../models/model-def';
import type { Row } from '../models/serialize';
import { pythonRepr } from './python-repr';
import { inJsonList, prepareCached, quoteId } from './sql';
import { INVALID_FORMAT, normalizeUuid, toStored } from './values';

export type Data = Record<string, unknown>;

export function fetchRow(db: Db, model: ModelDef, id: string): Row | undefined {
  return prepareCached(db, `SELECT * FROM ${quoteId(model.table)} WHERE id = ?`).get(id) as
    Row | undefined;
}

/** A one-to-many collection: the "link" is the child table itself, holding our id. */
export function isOneToMany(relation: RelationDef): boolean {
  return relation.linkTable === relation.otherTable;
}

function relationByKey(model: ModelDef, key: string): RelationDef | undefined {
  return model.relations.find((relation) => relation.key === key);
}

/**
 * `Model.create(**data)`: every key must be a column or a relation (else Zou's TypeError
 * text), values are converted for their columns, defaults fill absent columns, relations take
 * lists of ids of which unknown ones are dropped. Returns the new id.
 */
export function insertModelRow(db: Db, model: ModelDef, data: Data, id = newId()): string {
  for (const key of Object.keys(data)) {
    if (!(key in model.columns) && !relationByKey(model, key)) {
      throw crudError(`${pythonRepr(key)} is an invalid keyword argument for ${model.typeName}`);
    }
  }
  const now = nowDateTime();
  const values: Data = { id, created_at: now, updated_at: now };
  for (const [key, column] of Object.entries(model.columns)) {
    if (key in data) values[key] = toStored(column, data[key]);
    else if (column.default !== undefined) values[key] = toStored(column, column.default);
  }
  const keys = Object.keys(values);
  prepareCached(
    db,
    `INSERT INTO ${quoteId(model.table)} (${keys.map(quoteId).join(', ')})
     VALUES (${keys.map(() => '?').join(', ')})`,
  ).run(...keys.map((key) => values[key]));
  for (const relation of model.relations) {
    if (relation.key in data) writeRelation(db, relation, id, data[relation.key]);
  }
  return id;
}

/**
 * `instance.update(data)`: columns and relations present in `data` are written, other keys
 * ignored; `updated_at` always moves.
 */
export function updateModelRow(db: Db, model: ModelDef, id: string, data: Data): void {
  const values: Data = { updated_at: nowDateTime() };
  for (const [key, value] of Object.entries(data)) {
    const column = model.columns[key];
    if (column) values[key] = toStored(column, value);
  }
  const keys = Object.keys(values);
  prepareCached(
    db,
    `UPDATE ${quoteId(model.table)} SET ${keys.map((key) => `${quoteId(key)} = ?`).join(', ')}
     WHERE id = ?`,
  ).run(...keys.map((key) => values[key]), id);
  for (const relation of model.relations) {
    if (relation.key in data) writeRelation(db, relation, id, data[relation.key]);
  }
}

/** Replaces a collection with the given ids (strings or `{id}` objects); unknown ids dropped. */
export function writeRelation(db: Db, relation: RelationDef, ownId: string, value: unknown): void {
  const ids = relationIds(value);
  const own = quoteId(relation.ownColumn);
  const other = quoteId(relation.otherColumn);
  const link = quoteId(relation.linkTable);
  if (isOneToMany(relation)) {
    prepareCached(db, `UPDATE ${link} SET ${own} = NULL WHERE ${own} = ?`).run(ownId);
    const known = inJsonList(other, ids);
    prepareCached(db, `UPDATE ${link} SET ${own} = ? WHERE ${known.sql}`).run(
      ownId,
      ...known.params,
    );
    return;
  }
  prepareCached(db, `DELETE FROM ${link} WHERE ${own} = ?`).run(ownId);
  if (ids.length === 0) return;
  const known = inJsonList('o.id', ids);
  prepareCached(
    db,
    `INSERT OR IGNORE INTO ${link} (${own}, ${other})
     SELECT ?, o.id FROM ${quoteId(relation.otherTable)} o WHERE ${known.sql}`,
  ).run(ownId, ...known.params);
}

function relationIds(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw crudError(INVALID_FORMAT);
  const ids: string[] = [];
  for (const item of value) {
    const id =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && 'id' in item
          ? (item as { id: unknown }).id
          : undefined;
    const uuid = normalizeUuid(id);
    if (uuid === null) throw crudError(INVALID_FORMAT);
    ids.push(uuid);
  }
  return ids;
}

/**
 * `instance.delete()`: SQLAlchemy empties the row's own collections first (link rows go,
 * one-to-many children lose their reference), then deletes the row. Remaining references
 * make SQLite refuse, which the error handler turns into Zou's sanitized 400.
 */
export function deleteModelRow(db: Db, model: ModelDef, id: string): void {
  for (const relation of model.relations) {
    const own = quoteId(relation.ownColumn);
    const link = quoteId(relation.linkTable);
    if (isOneToMany(relation)) {
      prepareCached(db, `UPDATE ${link} SET ${own} = NULL WHERE ${own} = ?`).run(id);
    } else {
      prepareCached(db, `DELETE FROM ${link} WHERE ${own} = ?`).run(id);
    }
  }
  prepareCached(db, `DELETE FROM ${quoteId(model.table)} WHERE id = ?`).run(id);
}
