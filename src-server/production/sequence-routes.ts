import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { boolParam } from '../crud/query-params';
import { productionCall } from './call';
import { removeSequence } from './entity-removal';
import { requireEntityOfKind } from './lookup';
import { checkEntityDeletion, checkEntityRead } from './project-access';
import { detailedTasks, taskTypesOf } from './task-views';

interface SequenceParams {
  sequence_id: string;
}

/** A sequence's shot tasks and task types, and its deletion (the shots blueprint). */
export function registerSequenceRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.get<{ Params: SequenceParams }>(
    '/data/sequences/:sequence_id/shot-tasks',
    async (request) => {
      const { db, access, query } = call(request);
      const sequence = requireEntityOfKind(db, request.params.sequence_id, 'Sequence');
      checkEntityRead(access, db, sequence);
      access.blockVendor(sequence.projectId);
      return detailedTasks(
        db,
        { sql: 'e.parent_id = ?', params: [sequence.id] },
        boolParam(query, 'relations'),
      );
    },
  );

  api.get<{ Params: SequenceParams }>(
    '/data/sequences/:sequence_id/task-types',
    async (request) => {
      const { db, access } = call(request);
      const sequence = requireEntityOfKind(db, request.params.sequence_id, 'Sequence');
      checkEntityRead(access, db, sequence);
      // The task types of the sequence's shots, not of the sequence's own tasks.
      return taskTypesOf(db, { sql: 'e.parent_id = ?', params: [sequence.id] });
    },
  );

  api.delete<{ Params: SequenceParams }>('/data/sequences/:sequence_id', async (request, reply) => {
    const production = call(request);
    const force = boolParam(production.query, 'force');
    production.write(() => {
      const sequence = requireEntityOfKind(production.db, request.params.sequence_id, 'Sequence');
      checkEntityDeletion(production.access, sequence);
      removeSequence(production, sequence, force);
    });
    return reply.code(204).send();
  });
}
