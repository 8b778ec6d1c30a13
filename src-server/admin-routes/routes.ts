import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { registerAssetTypeRoutes } from './asset-type-routes';
import { registerBudgetRoutes } from './budget-routes';
import { registerCastingImportRoutes } from './casting-import-routes';
import { registerCsvExportRoutes } from './csv-export-routes';
import { registerKitsuImportRoutes } from './kitsu-import-routes';
import { registerPersonActionRoutes } from './person-action-routes';
import { registerProjectSettingsRoutes } from './project-settings-routes';
import { registerScheduleItemRoutes } from './schedule-item-routes';
import { registerShotgunImportRoutes } from './shotgun-import-routes';

/**
 * Production administration: asset types and a production's settings lists, budgets, the
 * sequence schedule, account actions, CSV exports and the CSV, Kitsu and ShotGrid imports.
 */
export function registerAdminRoutes(api: FastifyInstance, context: ServerContext): void {
  registerAssetTypeRoutes(api, context);
  registerProjectSettingsRoutes(api, context);
  registerPersonActionRoutes(api, context);
  registerBudgetRoutes(api, context);
  registerScheduleItemRoutes(api, context);
  registerCsvExportRoutes(api, context);
  registerKitsuImportRoutes(api, context);
  registerShotgunImportRoutes(api, context);
  // A child scope, so that multipart parsing stays with the CSV upload.
  void api.register(async (scope) => {
    if (!scope.hasRequestDecorator('isMultipart')) {
      await scope.register(multipart, { limits: { parts: 1000, fieldSize: 10 * 1024 * 1024 } });
    }
    registerCastingImportRoutes(scope, context);
  });
}
