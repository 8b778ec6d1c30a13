import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { boolParam } from '../crud/query-params';
import { and, prepareCached, type SqlCondition } from '../crud/sql';
import type { Json, Row } from '../models/serialize';
import { productionCall } from './call';
import { assignedToCaller, entityCriteria, isKind } from './entity-criteria';
import { removeTemporalEntity } from './entity-removal';
import { serializeEntities } from './entity-views';
import { requireEntityOfKind } from './lookup';
import { checkEntityDeletion, checkProjectAccess, vendorDepartments } from './project-access';
import { maskMetadataForVendor } from './vendor-metadata';

interface EditParams {
  edit_id: string;
}

interface ConceptParams {
  concept_id: string;
}

/** Edit lists and the deletion of edits and concepts. */
export function registerEditConceptRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get('/data/edits', async (request) => listEdits(call(request)));
  api.get('/data/edits/all', async (request) => listEdits(call(request)));

  api.delete<{ Params: EditParams }>('/data/edits/:edit_id', async (request, reply) => {
    const production = call(request);
    const force = boolParam(production.query, 'force');
    production.write(() => {
      const edit = requireEntityOfKind(production.db, request.params.edit_id, 'Edit');
      checkEntityDeletion(production.access, edit);
      removeTemporalEntity(production, edit, 'edit', force);
    });
    return reply.code(204).send();
  });

  api.delete<{ Params: ConceptParams }>('/data/concepts/:concept_id', async (request, reply) => {
    const production = call(request);
    const force = boolParam(production.query, 'force');
    production.write(() => {
      const concept = requireEntityOfKind(production.db, request.params.concept_id, 'Concept');
      checkEntityDeletion(production.access, concept);
      removeTemporalEntity(production, concept, 'concept', force);
    });
    return reply.code(204).send();
  });
}

/**
 * `edits_service.get_edits` (GET /data/edits/all): edits matching the query, with their
 * project name, by name. Anyone but an admin must name a project of their team; vendors get
 * the edits they hold a task on, their metadata masked.
 */
function listEdits(call: CrudCall): Json[] {
  const { access, db, query } = call;
  const projectId = checkProjectAccess(access, db, query.project_id);
  const departments = vendorDepartments(access, query.project_id === undefined ? null : projectId);
  const conditions: SqlCondition[] = [isKind('Edit'), ...entityCriteria(query)];
  if (departments !== null || query.assigned_to !== undefined) {
    conditions.push(assignedToCaller(access));
  }
  const where = and(conditions);
  const rows = prepareCached(
    db,
    `SELECT t.*, p.name AS __project_name FROM entity t JOIN project p ON p.id = t.project_id
     WHERE ${where.sql} ORDER BY t.name, t.id`,
  ).all(...where.params) as Row[];
  const projectNames = rows.map((row) => {
    const name = row.__project_name;
    delete row.__project_name;
    return name;
  });
  const edits = serializeEntities(db, rows, 'Edit').map((edit, index) => ({
    ...edit,
    project_name: projectNames[index],
  }));
  return maskMetadataForVendor(db, 'Edit', departments, edits);
}
