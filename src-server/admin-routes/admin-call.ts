import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { normalizeUuid } from '../crud/values';
import { badRequest } from '../http/errors';
import type { ModelDef } from '../models/model-def';

export const projectModel: ModelDef = modelOf('project');

/**
 * One request of this module: the caller's Access, the query string, and writes whose events
 * wait for the commit (the CRUD's call object does exactly that).
 */
export function adminCall(
  context: ServerContext,
  request: FastifyRequest,
  model: ModelDef = projectModel,
): CrudCall {
  return new CrudCall(context, request, model);
}

/** `ArgsMixin.check_id_parameter`: 400 "Wrong UUID format." unless the value is a UUID. */
export function checkIdParameter(value: unknown): string {
  const id = normalizeUuid(value);
  if (id === null) throw badRequest('Wrong UUID format.');
  return id;
}
