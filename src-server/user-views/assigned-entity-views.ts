import type { Db } from '../db/database';
import { notFound } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { kindOfTypeName } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import { requiredModel as model } from './models';

// `/data/user/<kind>/{id}/tasks|task-types` and `/data/user/projects/{pid}/asset-types/{id}/
// assets`: what of an entity the caller is assigned to, in open projects only.

const OPEN_PROJECT = `p.project_status_id IN (SELECT id FROM project_status WHERE name = 'Open')`;
const ASSIGNED = `EXISTS (
  SELECT 1 FROM task_person_link a WHERE a.task_id = t.id AND a.person_id = ?
)`;

/** The entity's kind must be the one the route names (`get_shot`, `get_asset`…), else 404. */
export function requireEntityOfKind(db: Db, entityId: string, kind: 'Shot' | 'Sequence' | 'Asset') {
  const row = prepareCached(
    db,
    `SELECT t.name FROM entity e JOIN entity_type t ON t.id = e.entity_type_id WHERE e.id = ?`,
  ).get(entityId) as { name: string } | undefined;
  if (!row || kindOfTypeName(row.name) !== kind) throw notFound();
}

/** `get_project` then `get_asset_type`: both must exist, the type must be an asset type. */
export function requireProjectAndAssetType(db: Db, projectId: string, assetTypeId: string): void {
  if (!prepareCached(db, 'SELECT 1 FROM project WHERE id = ?').get(projectId)) throw notFound();
  const type = prepareCached(db, 'SELECT name FROM entity_type WHERE id = ?').get(assetTypeId) as
    { name: string } | undefined;
  if (!type || kindOfTypeName(type.name) !== 'Asset') throw notFound();
}

/** `get_tasks_for_entity`: the caller's tasks on the entity, as plain `Task.serialize()`. */
export function assignedTasksOfEntity(db: Db, personId: string, entityId: string): Json[] {
  const rows = prepareCached(
    db,
    `SELECT t.* FROM task t JOIN project p ON p.id = t.project_id
     WHERE t.entity_id = ? AND ${ASSIGNED} AND ${OPEN_PROJECT}`,
  ).all(entityId, personId) as Row[];
  const taskModel = model('task');
  return rows.map((row) => serializeRow(taskModel, row));
}

/** `get_task_types_for_entity`: the task types of those tasks, each once. */
export function assignedTaskTypesOfEntity(db: Db, personId: string, entityId: string): Json[] {
  const rows = prepareCached(
    db,
    `SELECT tt.* FROM task_type tt WHERE tt.id IN (
       SELECT t.task_type_id FROM task t JOIN project p ON p.id = t.project_id
       WHERE t.entity_id = ? AND ${ASSIGNED} AND ${OPEN_PROJECT}
     )`,
  ).all(entityId, personId) as Row[];
  const taskTypeModel = model('task_type');
  return rows.map((row) => serializeRow(taskTypeModel, row));
}

/** `get_assets_for_asset_type`: assets of the type in the project holding one of the caller's tasks. */
export function assignedAssetsOfType(
  db: Db,
  personId: string,
  projectId: string,
  assetTypeId: string,
): Json[] {
  const rows = prepareCached(
    db,
    `SELECT e.* FROM entity e JOIN project p ON p.id = e.project_id
     WHERE e.project_id = ? AND e.entity_type_id = ? AND ${OPEN_PROJECT}
       AND EXISTS (SELECT 1 FROM task t WHERE t.entity_id = e.id AND ${ASSIGNED})`,
  ).all(projectId, assetTypeId, personId) as Row[];
  const entityModel = model('entity');
  return rows.map((row) => ({ ...serializeRow(entityModel, row), type: 'Asset' }));
}
