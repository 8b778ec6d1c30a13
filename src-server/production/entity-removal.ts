import { removeTask } from '../crud/cascades/task';
import type { CrudCall } from '../crud/crud-call';
import { deleteModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import { KitsuError } from '../http/errors';
import { entityModel } from './call';
import type { EntityRecord } from './lookup';

// The deletions of shots_service, edits_service and concepts_service. They run inside the
// caller's transaction: where Zou commits step by step and can stop halfway, a refusal here
// leaves everything as it was.

type Kind = 'shot' | 'edit' | 'concept';

function isForeignKeyError(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code) === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}

function taskIdsOf(call: CrudCall, entityId: string): string[] {
  const rows = prepareCached(call.db, 'SELECT id FROM task WHERE entity_id = ?').all(entityId) as {
    id: string;
  }[];
  return rows.map((row) => row.id);
}

function cancel(call: CrudCall, entity: EntityRecord, kind: Kind): void {
  prepareCached(call.db, 'UPDATE entity SET canceled = 1, updated_at = ? WHERE id = ?').run(
    nowDateTime(),
    entity.id,
  );
  call.emit(`${kind}:update`, { [`${kind}_id`]: entity.id }, entity.projectId);
}

/** Tasks (forced), versions, subscriptions, casting and concept links, output files. */
function clearEntityDependents(call: CrudCall, entityId: string): void {
  for (const taskId of taskIdsOf(call, entityId)) removeTask(call, taskId, true);
  const { db } = call;
  prepareCached(db, 'DELETE FROM entity_version WHERE entity_id = ?').run(entityId);
  prepareCached(db, 'DELETE FROM subscription WHERE entity_id = ?').run(entityId);
  prepareCached(db, 'DELETE FROM entity_link WHERE entity_in_id = ? OR entity_out_id = ?').run(
    entityId,
    entityId,
  );
  prepareCached(
    db,
    'DELETE FROM entity_concept_link WHERE entity_in_id = ? OR entity_out_id = ?',
  ).run(entityId, entityId);
  prepareCached(
    db,
    `UPDATE preview_file SET source_file_id = NULL
     WHERE source_file_id IN (SELECT id FROM output_file WHERE entity_id = ?)`,
  ).run(entityId);
  prepareCached(db, 'DELETE FROM output_file WHERE entity_id = ?').run(entityId);
}

/**
 * `remove_shot`, `remove_edit`, `remove_concept`: an entity with tasks is only canceled
 * unless forced; otherwise it goes with everything hanging off it.
 */
export function removeTemporalEntity(
  call: CrudCall,
  entity: EntityRecord,
  kind: Kind,
  force: boolean,
): void {
  if (!force && taskIdsOf(call, entity.id).length > 0) {
    cancel(call, entity, kind);
    return;
  }
  clearEntityDependents(call, entity.id);
  if (kind === 'edit') {
    prepareCached(call.db, 'DELETE FROM schedule_item WHERE object_id = ?').run(entity.id);
  }
  deleteModelRow(call.db, entityModel, entity.id);
  call.emit(`${kind}:delete`, { [`${kind}_id`]: entity.id }, entity.projectId);
}

/** `remove_scene`: deleted when nothing holds on to it, else canceled; `scene:delete` anyway. */
function removeScene(call: CrudCall, scene: EntityRecord): void {
  try {
    call.db.transaction(() => deleteModelRow(call.db, entityModel, scene.id))();
  } catch (error) {
    if (!isForeignKeyError(error)) throw error;
    prepareCached(call.db, 'UPDATE entity SET canceled = 1, updated_at = ? WHERE id = ?').run(
      nowDateTime(),
      scene.id,
    );
  }
  call.emit('scene:delete', { scene_id: scene.id }, scene.projectId);
}

function childrenOfKind(call: CrudCall, parent: EntityRecord, kind: string): EntityRecord[] {
  const rows = prepareCached(
    call.db,
    `SELECT e.id, e.project_id, e.created_by FROM entity e
     JOIN entity_type et ON et.id = e.entity_type_id
     WHERE e.parent_id = ? AND et.name = ? ORDER BY e.rowid`,
  ).all(parent.id, kind) as { id: string; project_id: string; created_by: string | null }[];
  return rows.map((row) => ({
    row,
    id: row.id,
    projectId: row.project_id,
    kind: kind as EntityRecord['kind'],
    typeName: kind,
    createdBy: row.created_by,
    parentId: parent.id,
  }));
}

/**
 * `remove_sequence`: forced, its shots (forced), scenes, subscriptions, schedule items, tasks
 * and output files go first. Whatever still points at the sequence refuses the deletion with
 * Zou's 400.
 */
export function removeSequence(call: CrudCall, sequence: EntityRecord, force: boolean): void {
  if (force) {
    for (const shot of childrenOfKind(call, sequence, 'Shot')) {
      removeTemporalEntity(call, shot, 'shot', true);
    }
    for (const scene of childrenOfKind(call, sequence, 'Scene')) removeScene(call, scene);
    prepareCached(call.db, 'DELETE FROM schedule_item WHERE object_id = ?').run(sequence.id);
    clearEntityDependents(call, sequence.id);
  }
  try {
    deleteModelRow(call.db, entityModel, sequence.id);
  } catch (error) {
    if (!isForeignKeyError(error)) throw error;
    throw new KitsuError(400, {
      error: true,
      message: 'Some data are still linked to this sequence.',
    });
  }
  call.emit('sequence:delete', { sequence_id: sequence.id }, sequence.projectId);
}
