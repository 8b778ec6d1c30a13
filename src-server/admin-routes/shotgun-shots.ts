import type { CrudCall } from '../crud/crud-call';
import { insertModelRow, updateModelRow } from '../crud/rows';
import { badRequest } from '../http/errors';
import {
  entityByShotgunId,
  entityModel,
  entityTypeIdNamed,
  setEntitiesOut,
} from './shotgun-entities';
import {
  customData,
  entityIdByShotgunId,
  field,
  projectIdOf,
  projectIdsByName,
  SkipEntry,
  type Imported,
  type ShotgunImporter,
  type ShotgunRecord,
} from './shotgun-import';

interface ShotState {
  shotTypeId: string;
  projectsByName: Map<unknown, string>;
  personId: string;
  lookup: (kind: 'Sequence' | 'Scene' | 'Asset', shotgunId: unknown) => string | null;
}

interface ShotData {
  name: unknown;
  shotgun_id: unknown;
  project_id: string;
  entity_type_id: string;
  parent_id: string | null;
  source_id: string | null;
  entities_out: string[];
  data: ShotgunRecord;
}

/** `extract_frame_range`: frame out is the cut in plus the cut duration when both are set. */
function frameRange(entry: ShotgunRecord): [unknown, unknown] {
  const frameIn = field(entry, 'sg_cut_in');
  if (frameIn === null) return [null, null];
  const duration = field(entry, 'sg_cut_duration');
  if (duration === null) return [frameIn, frameIn];
  if (typeof frameIn !== 'number' || typeof duration !== 'number') {
    throw badRequest('Your data is not properly formatted.');
  }
  return [frameIn, frameIn + duration];
}

/** A `{"id": …}` link of the entry, resolved by ShotGrid id; null when absent or unknown. */
function linked(state: ShotState, entry: ShotgunRecord, key: string, kind: 'Sequence' | 'Scene') {
  const link = entry[key];
  if (link === undefined || link === null) return null;
  return state.lookup(kind, field(link, 'id'));
}

/**
 * `ImportShotgunShotsResource`: shots of a known project (by name) under their imported
 * sequence and scene, cast with the imported assets ShotGrid lists; the other `sg_*` fields and
 * the frame range become the shot's data, replaced on update. A shot of an unknown project is
 * skipped (Zou fails on the missing project).
 */
export const shotgunShots: ShotgunImporter<ShotState, ShotData> = {
  prepare: (call: CrudCall) => ({
    shotTypeId: entityTypeIdNamed(call, 'Shot'),
    projectsByName: projectIdsByName(call),
    personId: call.personId,
    lookup: (kind, shotgunId) => entityIdByShotgunId(call, kind, shotgunId),
  }),

  extract(state, entry) {
    const [frameIn, frameOut] = frameRange(entry);
    const custom = customData(entry, ['sg_cut_in', 'sg_cut_out', 'sg_sequence']);
    const projectId = projectIdOf(entry, state.projectsByName);
    const sequenceId = linked(state, entry, 'sg_sequence', 'Sequence');
    const sceneId = linked(state, entry, 'sg_scene', 'Scene');
    const assets = Array.isArray(entry.assets) ? entry.assets : [];
    const assetIds = assets.flatMap((asset: unknown) => {
      const id = state.lookup('Asset', field(asset, 'id'));
      return id === null ? [] : [id];
    });
    const data: ShotData = {
      name: field(entry, 'code'),
      shotgun_id: field(entry, 'id'),
      project_id: projectId ?? '',
      entity_type_id: state.shotTypeId,
      parent_id: sequenceId,
      source_id: sceneId,
      entities_out: assetIds,
      data: { ...custom, frame_in: frameIn, frame_out: frameOut },
    };
    if (projectId === null) throw new SkipEntry('Unknown project');
    return data;
  },

  importEntry(call: CrudCall, state, data): Imported {
    const { entities_out: assetIds, ...columns } = data;
    const shot = entityByShotgunId(call, state.shotTypeId, data.shotgun_id);
    const id = shot
      ? shot.id
      : insertModelRow(call.db, entityModel, { ...columns, created_by: state.personId });
    if (shot) updateModelRow(call.db, entityModel, shot.id, columns);
    setEntitiesOut(call, id, assetIds);
    return { model: entityModel, id };
  },
};
