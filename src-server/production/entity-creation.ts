import type { CrudCall } from '../crud/crud-call';
import { insertModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import { temporalEntityTypeId } from '../crud/entity-kind';
import { notFound } from '../http/errors';
import type { Json, Row } from '../models/serialize';
import { entityModel } from './call';
import { serializeEntity } from './entity-views';
import { requireEntityOfKind } from './lookup';

export interface NewTemporalEntity {
  kind: 'Shot' | 'Scene';
  projectId: string;
  sequenceId: string | null;
  name: string;
  /** Columns set on creation only (data, nb_frames, description). */
  fields: Record<string, unknown>;
}

/**
 * `shots_service.create_shot` / `create_scene`: the sequence must be one of the project's
 * (else 404); an entity of that kind with the same name under the same sequence is answered
 * as is, without an event. A new one is created by the caller and announced
 * (`shot:new` {shot_id, episode_id}, `scene:new` {scene_id}).
 */
export function createTemporalEntity(call: CrudCall, entity: NewTemporalEntity): Json {
  const { db } = call;
  let episodeId: string | null = null;
  if (entity.sequenceId !== null) {
    const sequence = requireEntityOfKind(db, entity.sequenceId, 'Sequence');
    if (sequence.projectId !== entity.projectId) throw notFound();
    episodeId = sequence.parentId;
  }
  const entityTypeId = temporalEntityTypeId(db, entity.kind);
  const existing = prepareCached(
    db,
    `SELECT * FROM entity WHERE entity_type_id = ? AND parent_id IS ? AND project_id = ?
     AND name = ? LIMIT 1`,
  ).get(entityTypeId, entity.sequenceId, entity.projectId, entity.name) as Row | undefined;
  if (existing) return serializeEntity(db, existing, entity.kind);

  const id = insertModelRow(db, entityModel, {
    ...entity.fields,
    entity_type_id: entityTypeId,
    parent_id: entity.sequenceId,
    project_id: entity.projectId,
    name: entity.name,
    created_by: call.personId,
  });
  const created = prepareCached(db, 'SELECT * FROM entity WHERE id = ?').get(id) as Row;
  if (entity.kind === 'Shot') {
    call.emit('shot:new', { shot_id: id, episode_id: episodeId }, entity.projectId);
  } else {
    call.emit('scene:new', { scene_id: id }, entity.projectId);
  }
  return serializeEntity(db, created, entity.kind);
}
