import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { useLenientJson } from '../auth/body';
import type { ServerContext } from '../context';
import { registerAttachmentRoutes } from './attachment-routes';
import { registerCommentManyRoute } from './comment-many';
import { registerTaskCommentRoutes } from './comment-routes';
import { registerReplyRoutes } from './reply-routes';

/**
 * Task comments (REFERENCE §5): the thread, posting with attachments, replies,
 * acknowledgements, attachment files. A child scope of `/api` so that it can read multipart
 * bodies (and Zou's lenient JSON) without changing how the other routes parse theirs.
 */
export function registerCommentRoutes(api: FastifyInstance, context: ServerContext): void {
  void api.register(async (scope) => {
    if (!scope.hasRequestDecorator('isMultipart')) {
      // Per-file size limits are given where the parts are read; these only bound the shape.
      await scope.register(multipart, { limits: { parts: 1000, fieldSize: 10 * 1024 * 1024 } });
    }
    useLenientJson(scope);
    registerTaskCommentRoutes(scope, context);
    registerReplyRoutes(scope, context);
    registerAttachmentRoutes(scope, context);
    registerCommentManyRoute(scope, context);
  });
}
