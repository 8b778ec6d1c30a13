import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerAdminRoutes } from '../admin-routes/routes';
import { registerAuthRoutes } from '../auth/routes';
import { registerCommentRoutes } from '../comments/routes';
import { registerCrudRoutes } from '../crud/routes';
import { registerEventRoutes } from '../events/events-routes';
import { registerFileRoutes } from '../files/routes';
import { registerPreviewRoutes } from '../previews/routes';
import { registerPreviewServingRoutes } from '../preview-serving/routes';
import { registerProductionRoutes } from '../production/routes';
import { registerTimeRoutes } from '../time/routes';
import { registerUserViewRoutes } from '../user-views/routes';
import { registerIndexRoutes } from './index-routes';
import { registerStatusRoutes } from './status-routes';

export type RouteModule = (api: FastifyInstance, context: ServerContext) => void;

// Specific routes first: Fastify matches static segments before the CRUD's parametric ones anyway.
const modules: RouteModule[] = [
  registerIndexRoutes,
  registerStatusRoutes,
  registerAuthRoutes,
  registerEventRoutes,
  registerUserViewRoutes,
  registerTimeRoutes,
  registerCommentRoutes,
  registerPreviewRoutes,
  registerPreviewServingRoutes,
  registerFileRoutes,
  registerProductionRoutes,
  registerAdminRoutes,
  registerCrudRoutes,
];

export function registerRoutes(api: FastifyInstance, context: ServerContext): void {
  for (const register of modules) register(api, context);
}
