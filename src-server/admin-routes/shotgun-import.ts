import type { CrudCall } from '../crud/crud-call';
import { kindOfTypeName, type EntityKind } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import { badRequest } from '../http/errors';
import type { ModelDef } from '../models/model-def';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { asImportError } from './import-errors';

export type ShotgunRecord = Record<string, unknown>;

/** A KeyError or `ShotgunEntryImportFailed` in Zou: the entry is logged and skipped. */
export class SkipEntry extends Error {}

/** What an import step wrote: the row answered for the entry. */
export interface Imported {
  model: ModelDef;
  id: string;
}

/**
 * One `/import/shotgun/<type>` resource: `prepare` runs once, then each entry is turned into
 * Zou's data and upserted by its ShotGrid id. `importEntry` answers null when the entry leaves
 * nothing to show.
 */
export interface ShotgunImporter<State, Data> {
  prepare(call: CrudCall, entries: readonly ShotgunRecord[]): State;
  accepts?(entry: ShotgunRecord): boolean;
  extract(state: State, entry: ShotgunRecord): Data;
  importEntry(call: CrudCall, state: State, data: Data): Imported | null;
}

/** `sg_entry[key]`: a missing key skips the entry; a non-object is malformed input. */
export function field(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw badRequest('Your data is not properly formatted.');
  }
  if (!(key in record)) throw new SkipEntry(`Missing key ${key}`);
  return (record as ShotgunRecord)[key];
}

/** `sg_entry.get(key)`: null when absent; a non-object is malformed input. */
export function optionalField(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw badRequest('Your data is not properly formatted.');
  }
  return (record as ShotgunRecord)[key] ?? null;
}

/** `extract_custom_data`: the non-null `sg_*` fields but the excluded ones. */
export function customData(record: ShotgunRecord, excluded: readonly string[]): ShotgunRecord {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key, value]) => key.startsWith('sg_') && !excluded.includes(key) && value !== null,
    ),
  );
}

/**
 * `BaseImportShotgunResource.post`: admins only; every entry in one transaction (Zou commits
 * entry by entry and fails half way on integrity errors), answered serialized.
 */
export function runShotgunImport<State, Data>(
  call: CrudCall,
  importer: ShotgunImporter<State, Data>,
  entries: readonly unknown[],
): Json[] {
  const records = entries.map((entry) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw badRequest('Your data is not properly formatted.');
    }
    return entry as ShotgunRecord;
  });
  try {
    return call.write(() => {
      const state = importer.prepare(call, records);
      const written: Imported[] = [];
      for (const record of records) {
        if (importer.accepts && !importer.accepts(record)) continue;
        try {
          const imported = importer.importEntry(call, state, importer.extract(state, record));
          if (imported) written.push(imported);
        } catch (error) {
          if (!(error instanceof SkipEntry)) throw error;
          call.request.log.warn({ entry: record }, `shotgun entry skipped: ${error.message}`);
        }
      }
      return written.map(({ model, id }) => {
        const row = prepareCached(call.db, `SELECT * FROM "${model.table}" WHERE id = ?`).get(id);
        return serializeRow(model, row as Row);
      });
    });
  } catch (error) {
    throw asImportError(error);
  }
}

/** `get_<kind>_by_shotgun_id`: the entity of that kind holding the ShotGrid id, else null. */
export function entityIdByShotgunId(
  call: CrudCall,
  kind: EntityKind,
  shotgunId: unknown,
): string | null {
  if (shotgunId === null || shotgunId === undefined) return null;
  const rows = prepareCached(
    call.db,
    `SELECT e.id, et.name AS type_name FROM entity e
     JOIN entity_type et ON et.id = e.entity_type_id WHERE e.shotgun_id = ? ORDER BY e.rowid`,
  ).all(shotgunId) as { id: string; type_name: string }[];
  return rows.find((row) => kindOfTypeName(row.type_name) === kind)?.id ?? null;
}

/** `ModelClass.get_id_map(field)`: the column's values to ids (the last row wins). */
export function idMap(call: CrudCall, table: string, column: string): Map<unknown, string> {
  const rows = prepareCached(
    call.db,
    `SELECT id, "${column}" AS value FROM "${table}" ORDER BY rowid`,
  ).all() as { id: string; value: unknown }[];
  return new Map(rows.map((row) => [row.value, row.id]));
}

/** Project.get_id_map(field="name"). */
export function projectIdsByName(call: CrudCall): Map<unknown, string> {
  return idMap(call, 'project', 'name');
}

/** `sg_entry["project"]["name"]` looked up in the project map; null when there is none. */
export function projectIdOf(
  record: ShotgunRecord,
  projectsByName: ReadonlyMap<unknown, string>,
): string | null {
  const project = field(record, 'project');
  if (project === null) return null;
  return projectsByName.get(field(project, 'name')) ?? null;
}
