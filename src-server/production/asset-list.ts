import type { CrudCall } from '../crud/crud-call';
import { and, prepareCached, type SqlCondition } from '../crud/sql';
import type { Json, Row } from '../models/serialize';
import { assignedToCaller, entityCriteria, inCallerTeams, IS_ASSET } from './entity-criteria';
import { serializeEntities } from './entity-views';
import { sqlId } from './ids';
import { requireEntityOfKind } from './lookup';
import { checkProjectAccess, vendorDepartments } from './project-access';
import { maskMetadataForVendor } from './vendor-metadata';

/**
 * GET /data/assets (`AllAssetsResource`): the assets of the caller's teams matching the query
 * (any entity attribute; `episode_id` for the main episode or episode casting; `assigned_to`
 * for the caller's own). Vendors get the assets they hold a task on, their metadata masked.
 * Unlike Zou, the vendor scope also covers the assets cast in the episode.
 */
export function listAssets(call: CrudCall): Json[] {
  const { access, db, query } = call;
  let projectId: string | null = null;
  if (query.project_id !== undefined) {
    projectId = checkProjectAccess(access, db, query.project_id);
  } else if (query.episode_id !== undefined) {
    const episode = requireEntityOfKind(db, query.episode_id, 'Episode');
    projectId = checkProjectAccess(access, db, episode.projectId);
  }
  const departments = vendorDepartments(access, projectId);

  const conditions: SqlCondition[] = [IS_ASSET, ...entityCriteria(query)];
  if (departments !== null || query.assigned_to !== undefined) {
    conditions.push(assignedToCaller(access));
  }
  if (!access.isAdmin) conditions.push(inCallerTeams(access));
  if (query.episode_id !== undefined) {
    const episodeId = sqlId(query.episode_id);
    conditions.push({
      sql: `(t.source_id = ? OR EXISTS (SELECT 1 FROM entity_link c
        WHERE c.entity_out_id = t.id AND c.entity_in_id = ?))`,
      params: [episodeId, episodeId],
    });
  }
  const where = and(conditions);
  const rows = prepareCached(
    db,
    `SELECT t.* FROM entity t JOIN entity_type et ON et.id = t.entity_type_id
     WHERE ${where.sql} ORDER BY et.name, t.name, t.id`,
  ).all(...where.params) as Row[];
  return maskMetadataForVendor(db, 'Asset', departments, serializeEntities(db, rows, 'Asset'));
}
