import type { CrudCall } from '../crud/crud-call';
import { kindOfTypeName } from '../crud/entity-kind';
import { pythonRepr } from '../crud/python-repr';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { loadCastingTargets, type CastingTargets } from './casting-targets';
import { refreshShotCastingStats } from './casting-stats';
import type { CsvRecord } from './csv-reader';
import { slugify } from '../../src-shared/slugify';

/** A row that cannot be imported: Zou's 400 names its line. */
export class ImportRowError extends Error {
  constructor(
    message: string,
    readonly lineNumber: number,
  ) {
    super(message);
  }
}

interface TargetEntity {
  id: string;
  project_id: string;
  parent_id: string | null;
  nb_entities_out: number | null;
  type_name: string;
}

/** `row[key]`: a missing column is Zou's KeyError text; a short row's cell is Python's None. */
function cell(record: CsvRecord, key: string): string | null {
  if (!record.values.has(key)) {
    throw new ImportRowError(`A columns is missing: ${pythonRepr(key)}`, record.lineNumber);
  }
  return record.values.get(key) ?? null;
}

/** f-string interpolation of a cell: None reads "None". */
function text(value: string | null): string {
  return value ?? 'None';
}

/** `int(row["Occurences"])` when the cell is not empty, else 1. */
function occurrences(record: CsvRecord): number {
  const value = cell(record, 'Occurences');
  if (value === null) {
    throw new ImportRowError("object of type 'NoneType' has no len()", record.lineNumber);
  }
  if (value.length === 0) return 1;
  if (!/^\s*[+-]?\d+\s*$/.test(value)) {
    throw new ImportRowError(
      `A value is invalid: invalid literal for int() with base 10: ${pythonRepr(value)}`,
      record.lineNumber,
    );
  }
  return Number.parseInt(value, 10);
}

/**
 * `CastingCsvImportResource.import_row` over every record, in one transaction: an asset is
 * cast into a shot, an episode or another asset found by slug keys; rows naming nothing known
 * are skipped. Answers one null per row, as Zou does.
 */
export function importCasting(call: CrudCall, projectId: string, records: CsvRecord[]): null[] {
  const targets = loadCastingTargets(call.db, projectId);
  return call.write(() =>
    records.map((record) => {
      importRow(call, targets, record);
      return null;
    }),
  );
}

function importRow(call: CrudCall, targets: CastingTargets, record: CsvRecord): void {
  const assetKey = slugify(`${text(cell(record, 'Asset Type'))}${text(cell(record, 'Asset'))}`);
  const episodeCell = record.values.get('Episode') ?? null;
  const episode = episodeCell === null || episodeCell === 'MP' ? '' : episodeCell;
  const parent = text(cell(record, 'Parent'));
  const name = text(cell(record, 'Name'));
  const targetKey = slugify(`${episode}${parent}${name}`);
  const count = occurrences(record);
  const assetId = targets.assets.get(assetKey);
  const targetId =
    targets.shots.get(targetKey) ??
    targets.assets.get(slugify(`${parent}${name}`)) ??
    targets.episodes.get(targetKey);
  const labelCell = record.values.get('Label');
  const label = slugify(labelCell === undefined || labelCell === null ? 'fixed' : labelCell);
  if (assetId === undefined || targetId === undefined) return;

  const entity = prepareCached(
    call.db,
    `SELECT e.id, e.project_id, e.parent_id, e.nb_entities_out, et.name AS type_name
     FROM entity e JOIN entity_type et ON et.id = e.entity_type_id WHERE e.id = ?`,
  ).get(targetId) as TargetEntity;
  const kind = kindOfTypeName(entity.type_name);
  let castCount = entity.nb_entities_out ?? 0;
  if (linkOf(call, targetId, assetId) === undefined) {
    if (kind === 'Shot') castIntoEpisode(call, entity, assetId, label);
    const linkId = insertLink(call, targetId, assetId, count, label);
    call.emit(
      'entity-link:new',
      {
        entity_link_id: linkId,
        entity_in_id: targetId,
        entity_out_id: assetId,
        nb_occurences: count,
      },
      entity.project_id,
    );
    castCount += 1;
    prepareCached(
      call.db,
      'UPDATE entity SET nb_entities_out = ?, updated_at = ? WHERE id = ?',
    ).run(castCount, nowDateTime(), targetId);
  } else {
    prepareCached(
      call.db,
      `UPDATE entity_link SET nb_occurences = ?, label = ?, updated_at = ?
       WHERE entity_in_id = ? AND entity_out_id = ?`,
    ).run(count, label, nowDateTime(), targetId, assetId);
  }
  if (kind === 'Shot') {
    refreshShotCastingStats(call, targetId, entity.project_id);
    call.emit(
      'shot:casting-update',
      { shot_id: targetId, nb_entities_out: castCount },
      entity.project_id,
    );
  } else if (kind === 'Episode') {
    call.emit(
      'episode:casting-update',
      { episode_id: targetId, nb_entities_out: castCount },
      entity.project_id,
    );
  } else {
    call.emit('asset:casting-update', { asset_id: targetId }, entity.project_id);
  }
}

function linkOf(call: CrudCall, inId: string, outId: string): { id: string } | undefined {
  return prepareCached(
    call.db,
    'SELECT id FROM entity_link WHERE entity_in_id = ? AND entity_out_id = ?',
  ).get(inId, outId) as { id: string } | undefined;
}

function insertLink(
  call: CrudCall,
  inId: string,
  outId: string,
  count: number,
  label: string,
): string {
  const id = newId();
  const now = nowDateTime();
  prepareCached(
    call.db,
    `INSERT INTO entity_link (id, created_at, updated_at, entity_in_id, entity_out_id,
       nb_occurences, label)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, now, now, inId, outId, count, label);
  return id;
}

/**
 * `_create_episode_casting_link`: an asset cast into a shot of a sequence under an episode is
 * cast into that episode too (once), which counts one more cast asset.
 */
function castIntoEpisode(call: CrudCall, shot: TargetEntity, assetId: string, label: string): void {
  if (shot.parent_id === null) return;
  const sequence = prepareCached(call.db, 'SELECT parent_id FROM entity WHERE id = ?').get(
    shot.parent_id,
  ) as { parent_id: string | null } | undefined;
  const episodeId = sequence?.parent_id ?? null;
  if (episodeId === null || linkOf(call, episodeId, assetId) !== undefined) return;
  insertLink(call, episodeId, assetId, 1, label);
  prepareCached(
    call.db,
    `UPDATE entity SET nb_entities_out = COALESCE(nb_entities_out, 0) + 1, updated_at = ?
     WHERE id = ?`,
  ).run(nowDateTime(), episodeId);
  call.emit('asset:update', { asset_id: assetId }, shot.project_id);
}
