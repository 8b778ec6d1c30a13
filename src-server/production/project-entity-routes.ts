import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { and, prepareCached, type SqlCondition } from '../crud/sql';
import type { Json, Row } from '../models/serialize';
import { validateBody } from './body';
import { productionCall } from './call';
import { createTemporalEntity } from './entity-creation';
import { assignedToCaller, isKind } from './entity-criteria';
import { serializeEntities } from './entity-views';
import { requireProject } from './lookup';
import { checkManagerProjectAccess, checkProjectAccess, vendorDepartments } from './project-access';
import { maskMetadataForVendor } from './vendor-metadata';

interface ProjectParams {
  project_id: string;
}

/** A project's episodes and edits; shot and scene creation (shots and edits blueprints). */
export function registerProjectEntityRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get<{ Params: ProjectParams }>('/data/projects/:project_id/episodes', async (request) =>
    projectEntities(call(request), request.params.project_id, 'Episode'),
  );

  api.get<{ Params: ProjectParams }>('/data/projects/:project_id/edits', async (request) =>
    projectEntities(call(request), request.params.project_id, 'Edit'),
  );

  api.post<{ Params: ProjectParams }>(
    '/data/projects/:project_id/shots',
    async (request, reply) => {
      const body = validateBody(request, 'NewShotSchema', {
        name: { type: 'string', required: true, minLength: 1 },
        sequence_id: { type: 'uuid' },
        data: { type: 'dict' },
        nb_frames: { type: 'int' },
        description: { type: 'string' },
      });
      const production = call(request);
      const projectId = String(requireProject(production.db, request.params.project_id).id);
      checkManagerProjectAccess(production.access, production.db, projectId);
      const shot = production.write(() =>
        createTemporalEntity(production, {
          kind: 'Shot',
          projectId,
          sequenceId: body.sequence_id as string | null,
          name: body.name as string,
          fields: {
            data: body.data ?? {},
            nb_frames: body.nb_frames,
            description: body.description,
          },
        }),
      );
      return reply.code(201).send(shot);
    },
  );

  api.post<{ Params: ProjectParams }>(
    '/data/projects/:project_id/scenes',
    async (request, reply) => {
      const body = validateBody(request, 'NewSceneSchema', {
        name: { type: 'string', required: true, minLength: 1 },
        sequence_id: { type: 'uuid' },
      });
      const production = call(request);
      const projectId = String(requireProject(production.db, request.params.project_id).id);
      checkManagerProjectAccess(production.access, production.db, projectId);
      const scene = production.write(() =>
        createTemporalEntity(production, {
          kind: 'Scene',
          projectId,
          sequenceId: body.sequence_id as string | null,
          name: body.name as string,
          fields: { data: {} },
        }),
      );
      return reply.code(201).send(scene);
    },
  );
}

/** Where a vendor works: episodes through their shots' sequences or their assets' source. */
const VENDOR_EPISODES = `(EXISTS (SELECT 1 FROM entity sq JOIN entity sh ON sh.parent_id = sq.id
    JOIN task k ON k.entity_id = sh.id JOIN task_person_link a ON a.task_id = k.id
    WHERE sq.parent_id = t.id AND a.person_id = ?)
  OR EXISTS (SELECT 1 FROM entity s JOIN task k ON k.entity_id = s.id
    JOIN task_person_link a ON a.task_id = k.id
    WHERE s.source_id = t.id AND a.person_id = ?))`;

/**
 * `get_episodes_for_project` / `get_edits_for_project`: by name; vendors get only where they
 * work (Zou then serializes them as plain "Entity"; here they keep their kind), metadata masked.
 */
function projectEntities(call: CrudCall, projectParam: string, kind: 'Episode' | 'Edit'): Json[] {
  const { access, db } = call;
  const projectId = String(requireProject(db, projectParam).id);
  checkProjectAccess(access, db, projectId);
  const departments = vendorDepartments(access, projectId);
  const conditions: SqlCondition[] = [
    isKind(kind),
    { sql: 't.project_id = ?', params: [projectId] },
  ];
  if (departments !== null) {
    conditions.push(
      kind === 'Episode'
        ? { sql: VENDOR_EPISODES, params: [access.personId, access.personId] }
        : assignedToCaller(access),
    );
  }
  const where = and(conditions);
  const rows = prepareCached(
    db,
    `SELECT t.* FROM entity t WHERE ${where.sql} ORDER BY t.name, t.id`,
  ).all(...where.params) as Row[];
  return maskMetadataForVendor(db, kind, departments, serializeEntities(db, rows, kind), projectId);
}
