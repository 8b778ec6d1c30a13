import type { RecordLookup } from '../../src-shared/file-tree';
import { ensureUnicodeLower, prepareCached } from '../crud/sql';
import type { Db } from '../db/database';

// `get_data_from_token`: the record a folder name stands for, by case-insensitive LIKE on its
// name (Postgres ILIKE, wildcards included), narrowed by the records the levels above found.

const NAME_MATCHES = `unicode_lower(name) LIKE unicode_lower(?) ESCAPE '\\'`;

type Found = Readonly<Record<string, string>>;

function first(db: Db, sql: string, ...params: unknown[]): string | null {
  const row = prepareCached(db, `${sql} ORDER BY rowid LIMIT 1`).get(...params) as
    { id: string } | undefined;
  return row?.id ?? null;
}

function byName(db: Db, table: string, value: string): string | null {
  return first(db, `SELECT id FROM ${table} WHERE ${NAME_MATCHES}`, value);
}

function typeId(db: Db, name: string): string | null {
  return first(db, 'SELECT id FROM entity_type WHERE name = ?', name);
}

/** An entity of a temporal type in the project, under `parentId` when one was found. */
function child(db: Db, type: string, value: string, found: Found, parent?: string): string | null {
  if (!found.Project) return null;
  const parentId = parent ? found[parent] : undefined;
  return first(
    db,
    `SELECT id FROM entity WHERE ${NAME_MATCHES} AND entity_type_id = ? AND project_id = ?
     AND (? IS NULL OR parent_id = ?)`,
    value,
    typeId(db, type),
    found.Project,
    parentId ?? null,
    parentId ?? null,
  );
}

function inProjectOfType(db: Db, value: string, entityTypeId: string, projectId: string) {
  return first(
    db,
    `SELECT id FROM entity WHERE ${NAME_MATCHES} AND entity_type_id = ? AND project_id = ?`,
    value,
    entityTypeId,
    projectId,
  );
}

function task(db: Db, value: string, found: Found): string | null {
  if (!found.Project || !found.TaskType) return null;
  const entityId = found.Scene ?? found.Asset ?? found.Shot;
  if (!entityId) return null;
  return first(
    db,
    `SELECT id FROM task WHERE ${NAME_MATCHES} AND task_type_id = ? AND project_id = ?
     AND entity_id = ?`,
    value,
    found.TaskType,
    found.Project,
    entityId,
  );
}

/** The lookup guess-from-path resolves each level with. */
export function guessLookup(db: Db): RecordLookup {
  ensureUnicodeLower(db);
  return (token, value, found) => {
    switch (token) {
      case 'Project':
        return byName(db, 'project', value);
      case 'AssetType':
      case 'TemporalEntityType':
        return byName(db, 'entity_type', value);
      case 'Department':
        return byName(db, 'department', value);
      case 'TaskType':
        return byName(db, 'task_type', value);
      case 'OutputType':
        return byName(db, 'output_type', value);
      case 'Asset':
        if (!found.Project || !found.AssetType) return null;
        return inProjectOfType(db, value, found.AssetType, found.Project);
      case 'TemporalEntity':
        if (!found.Project || !found.TemporalEntityType) return null;
        return inProjectOfType(db, value, found.TemporalEntityType, found.Project);
      case 'Episode':
        return child(db, 'Episode', value, found);
      case 'Sequence':
        return child(db, 'Sequence', value, found, 'Episode');
      case 'Scene':
        return child(db, 'Scene', value, found, 'Sequence');
      case 'Shot':
        if (!found.Sequence) return null;
        return child(db, 'Shot', value, found, 'Sequence');
      case 'Task':
        return task(db, value, found);
      default:
        // Instances are looked up by an episode column they do not have: nothing matches.
        return null;
    }
  };
}
