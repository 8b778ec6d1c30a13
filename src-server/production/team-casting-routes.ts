import type { FastifyInstance, FastifyRequest } from 'fastify';
import { presentPersonsMinimal, serializePersonsSafe } from '../auth/person-views';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { fromStored, type Json, type Row } from '../models/serialize';
import { productionCall } from './call';
import { sqlId } from './ids';
import { requireProject } from './lookup';
import { checkProjectAccess } from './project-access';

interface ProjectParams {
  project_id: string;
}

interface CastingParams extends ProjectParams {
  episode_id: string;
}

/** A project's team (projects blueprint) and its episode casting (breakdown blueprint). */
export function registerTeamCastingRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get<{ Params: ProjectParams }>('/data/projects/:project_id/team', async (request) => {
    const { access, db } = call(request);
    const projectId = String(requireProject(db, request.params.project_id).id);
    checkProjectAccess(access, db, projectId);
    const rows = prepareCached(
      db,
      `SELECT p.*, l.role AS __project_role FROM project_person_link l
       JOIN person p ON p.id = l.person_id WHERE l.project_id = ? ORDER BY l.rowid`,
    ).all(projectId) as Row[];
    const roles = rows.map((row) => {
      const role = row.__project_role ?? null;
      delete row.__project_role;
      return role;
    });
    // Managers (of this project) see full profiles, everyone else the minimal card.
    const persons = access.isManager(projectId)
      ? serializePersonsSafe(db, rows, true)
      : presentPersonsMinimal(db, rows, false);
    return persons.map((person, index) => ({ ...person, project_role: roles[index] }));
  });

  api.get<{ Params: CastingParams }>(
    '/data/projects/:project_id/episodes/:episode_id/sequences/all/casting',
    async (request) => {
      const { access, db } = call(request);
      const projectId = checkProjectAccess(access, db, request.params.project_id);
      access.blockVendor(projectId);
      const { episode_id: episodeId } = request.params;
      if (episodeId === 'main') return {};
      return sequencesCasting(db, sqlId(projectId), episodeId === 'all' ? null : sqlId(episodeId));
    },
  );
}

/**
 * `get_all_sequences_casting`: the casting of every shot of the project (of one episode when
 * given), keyed by shot, canceled assets left out, by sequence, shot, asset type and asset.
 */
function sequencesCasting(
  db: CrudCall['db'],
  projectId: string,
  episodeId: string | null,
): Record<string, Json[]> {
  const rows = prepareCached(
    db,
    `SELECT l.entity_in_id AS shot_id, l.entity_out_id AS asset_id, a.name AS asset_name,
       at.name AS asset_type_name, sq.name AS sequence_name, a.preview_file_id, l.nb_occurences,
       l.label, a.is_shared, a.project_id
     FROM entity_link l
     JOIN entity sh ON sh.id = l.entity_in_id
     JOIN entity sq ON sq.id = sh.parent_id
     JOIN entity a ON a.id = l.entity_out_id
     JOIN entity_type at ON at.id = a.entity_type_id
     WHERE a.canceled != 1 AND sh.project_id = ? AND (? IS NULL OR sq.parent_id = ?)
     ORDER BY sq.name, sh.name, at.name, a.name`,
  ).all(projectId, episodeId, episodeId) as Row[];
  const castings: Record<string, Json[]> = {};
  for (const row of rows) {
    (castings[String(row.shot_id)] ??= []).push({
      asset_id: row.asset_id,
      name: row.asset_name,
      asset_name: row.asset_name,
      asset_type_name: row.asset_type_name,
      sequence_name: row.sequence_name,
      preview_file_id: row.preview_file_id,
      nb_occurences: row.nb_occurences,
      label: row.label,
      is_shared: fromStored('bool', row.is_shared),
      project_id: row.project_id,
    });
  }
  return castings;
}
