import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { adminCall } from './admin-call';
import { runShotgunImport, type ShotgunImporter } from './shotgun-import';
import { shotgunProjects } from './shotgun-projects';
import { removeShotgunEpisode } from './shotgun-remove';
import { shotgunSequences } from './shotgun-sequences';
import { shotgunShots } from './shotgun-shots';
import { shotgunTasks } from './shotgun-tasks';
import { shotgunProjectConnections } from './shotgun-team';

// Each importer has its own state and data types; the routes only hand them over.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyImporter = ShotgunImporter<any, any>;

const IMPORTERS: Record<string, AnyImporter> = {
  projects: shotgunProjects,
  projectconnections: shotgunProjectConnections,
  'project-connections': shotgunProjectConnections,
  sequences: shotgunSequences,
  shots: shotgunShots,
  tasks: shotgunTasks,
};

/**
 * ShotGrid imports (`blueprints/source/shotgun`): admins post raw ShotGrid records, upserted by
 * their ShotGrid id and answered serialized (200). Only these types and the episode removal
 * are served. Zou checks no permission on removals; admins only here too.
 */
export function registerShotgunImportRoutes(api: FastifyInstance, context: ServerContext): void {
  for (const [type, importer] of Object.entries(IMPORTERS)) {
    api.post(`/import/shotgun/${type}`, async (request) => {
      accessOf(context.db, request).requireAdmin();
      const entries: unknown = request.body;
      if (!Array.isArray(entries)) throw badRequest('A list of entities is expected.');
      return runShotgunImport(adminCall(context, request), importer, entries);
    });
  }

  api.post('/import/shotgun/remove/episode', async (request) => {
    accessOf(context.db, request).requireAdmin();
    return removeShotgunEpisode(adminCall(context, request), request.body);
  });
}
