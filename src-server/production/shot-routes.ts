import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import type { CrudCall } from '../crud/crud-call';
import { boolParam } from '../crud/query-params';
import { prepareCached } from '../crud/sql';
import { fromStored, type Json, type Row } from '../models/serialize';
import { productionCall } from './call';
import { requireEntityOfKind } from './lookup';
import { checkEntityRead } from './project-access';
import { previewFilesOfEntity } from './shot-previews';
import { detailedTasks, taskTypesOf } from './task-views';

interface ShotParams {
  shot_id: string;
}

/** A shot's tasks, task types, previews and data versions (the shots blueprint). */
export function registerShotRoutes(api: FastifyInstance, context: ServerContext): void {
  const call = (request: FastifyRequest): CrudCall => productionCall(context, request);
  const readableShot = (request: FastifyRequest<{ Params: ShotParams }>) => {
    const production = call(request);
    const shot = requireEntityOfKind(production.db, request.params.shot_id, 'Shot');
    checkEntityRead(production.access, production.db, shot);
    return { production, shot };
  };

  api.get<{ Params: ShotParams }>('/data/shots/:shot_id/tasks', async (request) => {
    const { production, shot } = readableShot(request);
    return detailedTasks(
      production.db,
      { sql: 't.entity_id = ?', params: [shot.id] },
      boolParam(production.query, 'relations'),
    );
  });

  api.get<{ Params: ShotParams }>('/data/shots/:shot_id/task-types', async (request) => {
    const { production, shot } = readableShot(request);
    return taskTypesOf(production.db, { sql: 'e.id = ?', params: [shot.id] });
  });

  api.get<{ Params: ShotParams }>('/data/shots/:shot_id/preview-files', async (request) => {
    const { production, shot } = readableShot(request);
    return previewFilesOfEntity(production.db, shot.id);
  });

  api.get<{ Params: ShotParams }>('/data/shots/:shot_id/versions', async (request) => {
    const { production, shot } = readableShot(request);
    const rows = prepareCached(
      production.db,
      'SELECT * FROM entity_version WHERE entity_id = ? ORDER BY created_at DESC, rowid DESC',
    ).all(shot.id) as Row[];
    return rows.map((row): Json => ({
      ...row,
      data: fromStored('json', row.data),
      type: 'ShotVersion',
    }));
  });
}
