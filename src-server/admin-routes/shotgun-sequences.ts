import type { CrudCall } from '../crud/crud-call';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import { entityByShotgunId, entityModel, entityTypeIdNamed } from './shotgun-entities';
import {
  entityIdByShotgunId,
  field,
  optionalField,
  projectIdOf,
  projectIdsByName,
  SkipEntry,
  type Imported,
  type ShotgunImporter,
} from './shotgun-import';

interface SequenceState {
  sequenceTypeId: string;
  episodeIdOf: (shotgunId: unknown) => string | null;
  projectsByName: Map<unknown, string>;
  personId: string;
}

interface SequenceData {
  name: unknown;
  shotgun_id: unknown;
  description: unknown;
  project_id: string;
  parent_id: string | null;
  entity_type_id: string;
}

/**
 * `ImportShotgunSequencesResource`: sequences of a known project (by name), under their
 * episode when ShotGrid names one already imported. A sequence already holding the name is
 * only given the description and the ShotGrid id; a new one with the name of an existing,
 * unimported sequence is left out.
 */
export const shotgunSequences: ShotgunImporter<SequenceState, SequenceData> = {
  prepare: (call) => ({
    sequenceTypeId: entityTypeIdNamed(call, 'Sequence'),
    episodeIdOf: (shotgunId) => entityIdByShotgunId(call, 'Episode', shotgunId),
    projectsByName: projectIdsByName(call),
    personId: call.personId,
  }),

  extract(state, entry) {
    const projectId = projectIdOf(entry, state.projectsByName);
    const episode = 'episode' in entry ? entry.episode : null;
    const parentId = episode === null ? null : state.episodeIdOf(optionalField(episode, 'id'));
    if (projectId === null) throw new SkipEntry('Unknown project');
    return {
      name: field(entry, 'code'),
      shotgun_id: field(entry, 'id'),
      description: field(entry, 'description'),
      project_id: projectId,
      parent_id: parentId,
      entity_type_id: state.sequenceTypeId,
    };
  },

  importEntry(call: CrudCall, state, data): Imported | null {
    const sequence = entityByShotgunId(call, state.sequenceTypeId, data.shotgun_id);
    const similar = prepareCached(
      call.db,
      `SELECT id FROM entity WHERE name = ? AND parent_id IS ? AND project_id = ?
       AND entity_type_id = ? ORDER BY rowid LIMIT 1`,
    ).get(data.name, data.parent_id, data.project_id, state.sequenceTypeId) as
      { id: string } | undefined;
    if (!sequence && !similar) {
      const id = insertModelRow(call.db, entityModel, { ...data, created_by: state.personId });
      return { model: entityModel, id };
    }
    if (!sequence) return null;
    const changes = similar
      ? { description: data.description, shotgun_id: data.shotgun_id }
      : { ...data };
    updateModelRow(call.db, entityModel, sequence.id, changes);
    return { model: entityModel, id: sequence.id };
  },
};
