import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { removeTask } from '../crud/cascades/task';
import type { CrudCall } from '../crud/crud-call';
import { inJsonList, prepareCached } from '../crud/sql';
import { notFound } from '../http/errors';
import { readIdList } from './id-list';
import { productionCall } from './call';
import { sqlId } from './ids';
import { requireEntity, requireTaskType } from './lookup';
import { checkManagerProjectAccess } from './project-access';
import { createTasks, type EntityForTask } from './task-creation';

interface CreateParams {
  project_id: string;
  task_type_id: string;
  entity_type: string;
}

interface ProjectParams {
  project_id: string;
}

/** Batch task creation and deletion for a project (tasks blueprint), managers only. */
export function registerTaskCreationRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);

  api.post<{ Params: CreateParams }>(
    '/actions/projects/:project_id/task-types/:task_type_id/create-tasks/:entity_type',
    async (request, reply) => {
      const production = call(request);
      const { db, access, query } = production;
      const projectId = sqlId(checkManagerProjectAccess(access, db, request.params.project_id));
      const taskType = requireTaskType(db, request.params.task_type_id);
      const entityTypeId = entityTypeIdByName(production, capitalize(request.params.entity_type));
      const ids = readIdList(request, false);
      const created = production.write(() => {
        let entities: EntityForTask[];
        if (ids && ids.length > 0) {
          // The listed entities of the project, whatever their type (as Zou does).
          entities = ids
            .map((id) => requireEntity(db, id).row as unknown as EntityForTask)
            .filter((entity) => entity.project_id === projectId);
        } else {
          const episodeId = query.episode_id === undefined ? null : sqlId(query.episode_id);
          entities = prepareCached(
            db,
            `SELECT id, project_id, entity_type_id FROM entity
             WHERE entity_type_id = ? AND project_id = ? AND (? IS NULL OR parent_id = ?)
             ORDER BY name, id`,
          ).all(entityTypeId, projectId, episodeId, episodeId) as EntityForTask[];
        }
        return createTasks(production, taskType, entities);
      });
      return reply.code(201).send(created);
    },
  );

  api.post<{ Params: ProjectParams }>(
    '/actions/projects/:project_id/delete-tasks',
    async (request) => {
      const production = call(request);
      const { db, access } = production;
      const projectId = sqlId(checkManagerProjectAccess(access, db, request.params.project_id));
      const ids = [...new Set(readIdList(request, true) ?? [])];
      // Our decision: the answer lists the tasks actually deleted (Zou echoes the request).
      return production.write(() => {
        const listed = inJsonList('id', ids);
        const found = new Set(
          (
            prepareCached(db, `SELECT id FROM task WHERE project_id = ? AND ${listed.sql}`).all(
              projectId,
              ...listed.params,
            ) as { id: string }[]
          ).map((row) => row.id),
        );
        const deleted = ids.filter((id) => found.has(id));
        for (const id of deleted) removeTask(production, id, true);
        return deleted;
      });
    },
  );
}

/** Python's `str.capitalize()`. */
function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

/** `get_entity_type_by_name_or_not_found`. */
function entityTypeIdByName(call: CrudCall, name: string): string {
  const row = prepareCached(call.db, 'SELECT id FROM entity_type WHERE name = ?').get(name) as
    { id: string } | undefined;
  if (!row) throw notFound();
  return row.id;
}
