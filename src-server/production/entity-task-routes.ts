import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { serializeRows } from '../crud/present';
import { prepareCached } from '../crud/sql';
import type { Row } from '../models/serialize';
import { productionCall, taskModel } from './call';
import { sqlId } from './ids';
import { requireEntity } from './lookup';
import { checkEntityRead } from './project-access';

interface EntityTaskTypeParams {
  entity_id: string;
  task_type_id: string;
}

/** GET /data/entities/{entity_id}/task-types/{task_type_id}/tasks (tasks blueprint). */
export function registerEntityTaskRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get<{ Params: EntityTaskTypeParams }>(
    '/data/entities/:entity_id/task-types/:task_type_id/tasks',
    async (request) => {
      const { db, access } = productionCall(context, request);
      const entity = requireEntity(db, request.params.entity_id);
      // Zou checks the team only; vendors are kept to the entities they work on.
      checkEntityRead(access, db, entity);
      const rows = prepareCached(
        db,
        'SELECT * FROM task WHERE entity_id = ? AND task_type_id = ? ORDER BY name, id',
      ).all(entity.id, sqlId(request.params.task_type_id)) as Row[];
      return serializeRows(db, taskModel, rows, false);
    },
  );
}
