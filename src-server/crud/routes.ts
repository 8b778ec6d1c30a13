import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { models } from '../models/registry';
import { withCollections } from './collections';
import { createInstance } from './create';
import { CrudCall } from './crud-call';
import { getInstance } from './get-one';
import { hooksFor } from './hooks';
import { listInstances } from './list';
import { removeInstance } from './remove';
import { updateInstance } from './update';

interface InstanceParams {
  instance_id: string;
}

/** `/data/<slug>` and `/data/<slug>/<instance_id>` for every model of the registry. */
export function registerCrudRoutes(api: FastifyInstance, context: ServerContext): void {
  for (const declared of models) {
    const model = withCollections(declared);
    const hooks = hooksFor(model.slug);
    const call = (request: FastifyRequest): CrudCall => new CrudCall(context, request, model);
    const base = `/data/${model.slug}`;
    const one = `${base}/:instance_id`;

    api.get(base, async (request) => listInstances(call(request), hooks));
    api.post(base, async (request, reply) => {
      const created = await createInstance(call(request), hooks);
      return reply.code(201).send(created);
    });
    api.get<{ Params: InstanceParams }>(one, async (request) =>
      getInstance(call(request), hooks, request.params.instance_id),
    );
    api.put<{ Params: InstanceParams }>(one, async (request) =>
      updateInstance(call(request), hooks, request.params.instance_id),
    );
    api.delete<{ Params: InstanceParams }>(one, async (request, reply) => {
      removeInstance(call(request), hooks, request.params.instance_id);
      return reply.code(204).send();
    });
  }
}
