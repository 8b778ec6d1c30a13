import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import type { ModelDef } from '../models/model-def';

/** The entity model as the CRUD serves it (relations included). */
export const entityModel: ModelDef = modelOf('entity');
export const taskModel: ModelDef = modelOf('task');
export const taskTypeModel: ModelDef = modelOf('task_type');

/**
 * One production request: the caller's Access, the query string, and writes whose events wait
 * for the commit. The CRUD's call object does exactly that; entities are the model at hand.
 */
export function productionCall(context: ServerContext, request: FastifyRequest): CrudCall {
  return new CrudCall(context, request, entityModel);
}
