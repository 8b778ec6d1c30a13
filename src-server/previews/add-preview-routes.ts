import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readBody } from '../auth/body';
import { loadTask, loadTaskComment } from '../comments/lookups';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { asInt, Invalid } from '../production/pydantic-values';
import { addPreviewFileToComment } from './add-preview';
import { loadPreviewRow, writeWithEvents } from './preview-rows';

interface CommentParams {
  task_id: string;
  comment_id: string;
}

/** Zou's `CommentPreviewSchema`: `revision: Optional[int] = Field(None, ge=0)`. */
const commentPreviewSchema = z.object({
  revision: z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      try {
        const revision = asInt(value);
        if (revision >= 0) return revision;
        ctx.addIssue({ code: 'custom', message: 'Input should be greater than or equal to 0' });
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
      return z.NEVER;
    }),
});

/**
 * A preview row on a comment, before its file is sent (REFERENCE §5 "add-preview"), and an
 * extra file at the revision of one already there. Either row can receive its upload later,
 * whenever the client gets to it (after a crash too).
 */
export function registerAddPreviewRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.post<{ Params: CommentParams }>(
    '/actions/tasks/:task_id/comments/:comment_id/add-preview',
    async (request, reply) => {
      const body = readBody(request, commentPreviewSchema, 'CommentPreviewSchema');
      const access = accessOf(db, request);
      const task = loadTask(db, request.params.task_id);
      access.requireTaskActionAccess(task);
      const comment = loadTaskComment(db, task.id, request.params.comment_id);
      const created = writeWithEvents(context, access.personId, (emit) =>
        addPreviewFileToComment(db, emit, {
          taskId: task.id,
          projectId: task.project_id,
          commentId: comment.id,
          personId: access.personId,
          revision: body.revision ?? null,
        }),
      );
      return reply.code(201).send(created);
    },
  );

  api.post<{ Params: CommentParams & { preview_file_id: string } }>(
    '/actions/tasks/:task_id/comments/:comment_id/preview-files/:preview_file_id',
    async (request, reply) => {
      const access = accessOf(db, request);
      const task = loadTask(db, request.params.task_id);
      access.requireTaskActionAccess(task);
      const comment = loadTaskComment(db, task.id, request.params.comment_id);
      const related = loadPreviewRow(db, request.params.preview_file_id);
      if (related.task_id !== task.id) throw notFound();
      const created = writeWithEvents(context, access.personId, (emit) =>
        addPreviewFileToComment(db, emit, {
          taskId: task.id,
          projectId: task.project_id,
          commentId: comment.id,
          personId: access.personId,
          revision: related.revision,
        }),
      );
      return reply.code(201).send(created);
    },
  );
}
