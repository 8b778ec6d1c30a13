import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerDayOffRoutes } from './day-off-routes';
import { registerPersonTimeSpentRoutes } from './person-time-routes';
import { registerPresenceRoutes } from './presence-routes';
import { registerTaskTimeSpentRoutes } from './task-time-spent-routes';
import { registerTimeTableRoutes } from './time-table-routes';
import { registerUserTimeRoutes } from './user-time-routes';

/** Time spents, day offs, presence logs and time tables (REFERENCE §5 and §8). */
export function registerTimeRoutes(api: FastifyInstance, context: ServerContext): void {
  registerTaskTimeSpentRoutes(api, context);
  registerUserTimeRoutes(api, context);
  registerPersonTimeSpentRoutes(api, context);
  registerDayOffRoutes(api, context);
  registerPresenceRoutes(api, context);
  registerTimeTableRoutes(api, context);
}
