import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { insertModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import type { Db } from '../db/database';
import { notFound } from '../http/errors';
import type { Row } from '../models/serialize';
import { DEFAULT_FILE_STATUS } from '../seed/base-data';

// The reference rows file paths read: softwares, output types and file statuses, looked up by
// id (404 when missing, as files_service does) or got-or-created by name where Zou does.

/** The software Zou's working-file-path route uses when none is given. */
export const PATH_DEFAULT_SOFTWARE = { name: '3ds Max', short_name: 'max', file_extension: '.max' };
/** The one a `<Software>` token falls back to (a different row: Zou spells it so). */
export const TOKEN_DEFAULT_SOFTWARE = { name: '3dsmax', short_name: 'max', file_extension: '.max' };
/** The one a new working file is made with when none is given. */
export const NEW_WORKING_FILE_SOFTWARE = {
  name: 'Blender',
  short_name: 'blender',
  file_extension: '.blend',
};
/** The output type an `<OutputType>` token falls back to. */
export const TOKEN_DEFAULT_OUTPUT_TYPE = { name: 'Geometry', short_name: '' };

function rowById(db: Db, table: string, id: unknown): Row | null {
  const normalized = normalizeUuid(id);
  if (normalized === null) return null;
  return (prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(normalized) as Row) ?? null;
}

/** `files_service.get_software`: 404 when missing or malformed. */
export function requireSoftware(db: Db, id: unknown): Row {
  const row = rowById(db, 'software', id);
  if (!row) throw notFound();
  return row;
}

/** `files_service.get_output_type`, or null when missing (some routes answer 404, some 400). */
export function findOutputType(db: Db, id: unknown): Row | null {
  return rowById(db, 'output_type', id);
}

export function requireOutputType(db: Db, id: unknown): Row {
  const row = findOutputType(db, id);
  if (!row) throw notFound();
  return row;
}

/**
 * `get_or_create_instance_by_name`: the row of that exact name, else a new one announced as
 * `<table>:new` with `{<table>_id}` (Zou emits the table name here, underscores kept).
 */
function getOrCreateByName(call: CrudCall, table: string, fields: { name: string }): Row {
  const found = prepareCached(call.db, `SELECT * FROM ${table} WHERE name = ?`).get(fields.name) as
    Row | undefined;
  if (found) return found;
  const id = insertModelRow(call.db, modelOf(table), fields);
  call.emit(`${table}:new`, { [`${table}_id`]: id });
  return prepareCached(call.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row;
}

export function getOrCreateSoftware(
  call: CrudCall,
  software: { name: string; short_name: string; file_extension: string },
): Row {
  return getOrCreateByName(call, 'software', software);
}

export function getOrCreateOutputType(
  call: CrudCall,
  outputType: { name: string; short_name: string },
): Row {
  return getOrCreateByName(call, 'output_type', outputType);
}

/** `files_service.get_default_status`: "To review", created (silently) when missing. */
export function defaultFileStatusId(db: Db): string {
  const found = prepareCached(db, 'SELECT id FROM file_status WHERE name = ?').get(
    DEFAULT_FILE_STATUS.name,
  ) as { id: string } | undefined;
  if (found) return found.id;
  return insertModelRow(db, modelOf('file_status'), DEFAULT_FILE_STATUS);
}
