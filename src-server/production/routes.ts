import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerAssetRoutes } from './asset-routes';
import { registerAssignmentRoutes } from './assignment-routes';
import { registerEditConceptRoutes } from './edit-concept-routes';
import { registerEntityTaskRoutes } from './entity-task-routes';
import { registerEpisodeSceneRoutes } from './episode-scene-routes';
import { registerNewsRoutes } from './news-routes';
import { registerProjectEntityRoutes } from './project-entity-routes';
import { registerSequenceRoutes } from './sequence-routes';
import { registerShotRoutes } from './shot-routes';
import { registerTaskCreationRoutes } from './task-creation-routes';
import { registerTeamCastingRoutes } from './team-casting-routes';

/**
 * Production browsing: assets, shots, sequences, episodes, scenes, edits and concepts, a
 * project's team, news and casting, task assignation and batch task creation/deletion.
 */
export function registerProductionRoutes(api: FastifyInstance, context: ServerContext): void {
  registerAssetRoutes(api, context);
  registerShotRoutes(api, context);
  registerSequenceRoutes(api, context);
  registerEpisodeSceneRoutes(api, context);
  registerEditConceptRoutes(api, context);
  registerProjectEntityRoutes(api, context);
  registerTeamCastingRoutes(api, context);
  registerNewsRoutes(api, context);
  registerEntityTaskRoutes(api, context);
  registerAssignmentRoutes(api, context);
  registerTaskCreationRoutes(api, context);
}
