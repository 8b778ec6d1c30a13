import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerFilePathRoutes } from './file-path-routes';
import { registerGuessFromPathRoute } from './guess-from-path-route';
import { registerOutputFileRoutes } from './output-file-routes';
import { registerSetFileTreeRoute } from './set-file-tree-route';
import { registerWorkingFileRoutes } from './working-file-routes';

/**
 * The files blueprint: a project's file tree, working and output paths rendered by it (the
 * engine in src-shared/file-tree), working and output file records, and guessing from a path.
 */
export function registerFileRoutes(api: FastifyInstance, context: ServerContext): void {
  registerSetFileTreeRoute(api, context);
  registerFilePathRoutes(api, context);
  registerWorkingFileRoutes(api, context);
  registerOutputFileRoutes(api, context);
  registerGuessFromPathRoute(api, context);
}
