import { TEMPORAL_KINDS } from '../crud/entity-kind';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { slugify } from '../../src-shared/slugify';

/**
 * `CastingCsvImportResource.prepare_import`: slug keys to entity ids for the project's assets
 * ("<asset type><asset>"), shots ("<episode><sequence><shot>", the episode only on TV shows)
 * and episodes ("episode<episode>"). Four statements whatever the project's size.
 */
export interface CastingTargets {
  assets: Map<string, string>;
  shots: Map<string, string>;
  episodes: Map<string, string>;
}

interface NamedEntity {
  id: string;
  name: string;
  parent_id: string | null;
  type_name: string;
}

export function loadCastingTargets(db: Db, projectId: string): CastingTargets {
  const project = prepareCached(db, 'SELECT production_type FROM project WHERE id = ?').get(
    projectId,
  ) as { production_type: string | null };
  const isTvShow = project.production_type === 'tvshow';
  const assetTypes = prepareCached(
    db,
    'SELECT id, name FROM entity_type WHERE name NOT IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(TEMPORAL_KINDS)) as { id: string; name: string }[];
  const assetTypeSlugs = new Map(assetTypes.map((type) => [type.id, slugify(type.name)]));
  const entities = prepareCached(
    db,
    `SELECT e.id, e.name, e.parent_id, e.entity_type_id, et.name AS type_name
     FROM entity e JOIN entity_type et ON et.id = e.entity_type_id
     WHERE e.project_id = ? ORDER BY e.name, e.rowid`,
  ).all(projectId) as (NamedEntity & { entity_type_id: string })[];

  const assets = new Map<string, string>();
  const episodeSlugs = new Map<string, string>();
  const episodes = new Map<string, string>();
  const sequenceKeys = new Map<string, string>();
  const shots = new Map<string, string>();
  const ofType = (name: string): NamedEntity[] =>
    entities.filter((entity) => entity.type_name === name);

  for (const entity of entities) {
    const typeSlug = assetTypeSlugs.get(entity.entity_type_id);
    if (typeSlug !== undefined) assets.set(`${typeSlug}${slugify(entity.name)}`, entity.id);
  }
  if (isTvShow) {
    for (const episode of ofType('Episode')) {
      episodeSlugs.set(episode.id, slugify(episode.name));
      episodes.set(`episode${slugify(episode.name)}`, episode.id);
    }
  }
  for (const sequence of ofType('Sequence')) {
    const episode = sequence.parent_id === null ? '' : (episodeSlugs.get(sequence.parent_id) ?? '');
    sequenceKeys.set(sequence.id, `${episode}${slugify(sequence.name)}`);
  }
  for (const shot of ofType('Shot')) {
    // Zou fails the whole import on a shot outside the project's sequences; it is skipped here.
    const sequenceKey = shot.parent_id === null ? undefined : sequenceKeys.get(shot.parent_id);
    if (sequenceKey !== undefined) shots.set(`${sequenceKey}${slugify(shot.name)}`, shot.id);
  }
  return { assets, shots, episodes };
}
