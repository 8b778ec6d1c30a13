import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerFilterRoutes } from './filter-routes';
import { registerPersonTaskRoutes } from './person-task-routes';
import { registerUserTaskRoutes } from './user-task-routes';

/** The artist's task lists (REFERENCE §5) and saved searches (§8). */
export function registerUserViewRoutes(api: FastifyInstance, context: ServerContext): void {
  registerUserTaskRoutes(api, context);
  registerPersonTaskRoutes(api, context);
  registerFilterRoutes(api, context);
}
