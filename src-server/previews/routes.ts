import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { useLenientJson } from '../auth/body';
import type { ServerContext } from '../context';
import { registerAddPreviewRoutes } from './add-preview-routes';
import { registerServePreviewRoutes } from './serve-preview-routes';
import { registerSetMainPreviewRoutes } from './set-main-preview-routes';
import { startMovieJobs } from './movie-jobs';
import { registerUploadPreviewRoute } from './upload-preview-route';

/**
 * The preview upload pipeline (REFERENCE §5): preview rows on comments, their files, and the
 * movie job queue that lives and dies with the server. A child scope of `/api`, so that it
 * can read multipart bodies without changing how the other routes parse theirs.
 */
export function registerPreviewRoutes(api: FastifyInstance, context: ServerContext): void {
  void api.register(async (scope) => {
    if (!scope.hasRequestDecorator('isMultipart')) {
      // The file's size limit is given where its part is read; these only bound the shape.
      await scope.register(multipart, { limits: { parts: 100, fieldSize: 1024 * 1024 } });
    }
    useLenientJson(scope);
    const jobs = startMovieJobs(context, scope.log);
    scope.addHook('onClose', () => jobs.close());
    registerAddPreviewRoutes(scope, context);
    registerUploadPreviewRoute(scope, context, jobs);
    registerServePreviewRoutes(scope, context);
    registerSetMainPreviewRoutes(scope, context);
  });
}
