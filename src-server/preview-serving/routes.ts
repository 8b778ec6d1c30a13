import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { useLenientJson } from '../auth/body';
import type { ServerContext } from '../context';
import { registerBackgroundFileRoutes } from './background-file-routes';
import { registerOrganisationThumbnailRoutes } from './organisation-thumbnail-routes';

/**
 * Pictures served beside the previews (REFERENCE §5): preview background files and the
 * organisation's thumbnail. A child scope of `/api`, so that it reads multipart uploads
 * without changing how the other routes parse their bodies.
 */
export function registerPreviewServingRoutes(api: FastifyInstance, context: ServerContext): void {
  void api.register(async (scope) => {
    if (!scope.hasRequestDecorator('isMultipart')) {
      // The file's size limit is given where its part is read; these only bound the shape.
      await scope.register(multipart, { limits: { parts: 20, fieldSize: 1024 * 1024 } });
    }
    // Uploads read `request.files` only: a JSON body that does not parse is just no file.
    useLenientJson(scope);
    registerBackgroundFileRoutes(scope, context);
    registerOrganisationThumbnailRoutes(scope, context);
  });
}
