import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';

/** `GET /api`: gazu's `host_is_up` (HEAD) and `get_api_version` read it. */
export function registerIndexRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get('/', { config: { auth: 'none' } }, async () => ({
    api: 'Zou',
    version: context.version,
  }));
}
