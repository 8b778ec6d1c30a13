import type { Db } from '../db/database';
import { kindOfTypeName, type EntityKind } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import { notFound } from '../http/errors';
import type { Row } from '../models/serialize';

/** An entity row with the name of its entity type kept aside (not a column). */
export interface EntityRecord {
  row: Row;
  id: string;
  projectId: string;
  kind: EntityKind;
  typeName: string;
  createdBy: string | null;
  parentId: string | null;
}

/** `entities_service.get_entity`: any entity, 404 when malformed or missing. */
export function requireEntity(db: Db, id: unknown): EntityRecord {
  const normalized = normalizeUuid(id);
  if (normalized === null) throw notFound();
  const row = prepareCached(
    db,
    `SELECT e.*, et.name AS __type_name FROM entity e
     JOIN entity_type et ON et.id = e.entity_type_id WHERE e.id = ?`,
  ).get(normalized) as Row | undefined;
  if (!row) throw notFound();
  const typeName = String(row.__type_name);
  delete row.__type_name;
  return {
    row,
    id: String(row.id),
    projectId: String(row.project_id),
    kind: kindOfTypeName(typeName),
    typeName,
    createdBy: (row.created_by as string | null) ?? null,
    parentId: (row.parent_id as string | null) ?? null,
  };
}

/** `get_shot`, `get_asset`, `get_sequence`…: an entity of that kind, else 404. */
export function requireEntityOfKind(db: Db, id: unknown, kind: EntityKind): EntityRecord {
  const entity = requireEntity(db, id);
  if (entity.kind !== kind) throw notFound();
  return entity;
}

/** `projects_service.get_project`: the project row, 404 when malformed or missing. */
export function requireProject(db: Db, id: unknown): Row {
  const normalized = normalizeUuid(id);
  if (normalized === null) throw notFound();
  const row = prepareCached(db, 'SELECT * FROM project WHERE id = ?').get(normalized) as
    Row | undefined;
  if (!row) throw notFound();
  return row;
}

/** `tasks_service.get_task_type`: the task type row, 404 when malformed or missing. */
export function requireTaskType(db: Db, id: unknown): Row {
  const normalized = normalizeUuid(id);
  if (normalized === null) throw notFound();
  const row = prepareCached(db, 'SELECT * FROM task_type WHERE id = ?').get(normalized) as
    Row | undefined;
  if (!row) throw notFound();
  return row;
}
