import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { removeComment } from '../crud/cascades/comment';
import { modelOf } from '../crud/model-of';
import { serializeRow } from '../models/serialize';
import { resetTaskData } from '../crud/task-derived';
import { forbidden } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { removeAttachmentFiles } from './attachment-store';
import { commentCreateSchema, validateBody } from './comment-body';
import { hasTaskMentionAccess } from './comment-access';
import { listTaskComments } from './comment-list';
import { createComment } from './create-comment';
import { loadTask, loadTaskComment } from './lookups';
import {
  commentCall,
  parseCommentDate,
  withRequestForm,
  type TaskCommentParams,
  type TaskParams,
} from './route-support';

/** The task's comment thread: read, post (JSON or multipart), read one, delete one. */
export function registerTaskCommentRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get<{ Params: TaskParams }>('/data/tasks/:task_id/comments', async (request) => {
    const access = accessOf(db, request);
    const task = loadTask(db, request.params.task_id);
    access.requireTaskAccess(task);
    return listTaskComments(access, task);
  });

  api.post<{ Params: TaskParams }>('/actions/tasks/:task_id/comment', async (request, reply) => {
    const created = await withRequestForm(request, context, (form, stored) => {
      const body = validateBody(commentCreateSchema, form.values, 'CommentCreateSchema');
      const access = accessOf(db, request);
      const task = loadTask(db, request.params.task_id);
      if (!access.hasTaskActionAccess(task)) {
        // A mention lets someone answer in the thread, never move the status.
        const sameStatus = body.task_status_id.toLowerCase() === task.task_status_id;
        if (!sameStatus || !hasTaskMentionAccess(access, task)) throw forbidden();
      }
      access.requireTaskStatusAccess(task.project_id, body.task_status_id);
      const manager = access.isManager(task.project_id);
      const call = commentCall(context, request);
      return call.write(() =>
        createComment(call, stored, {
          taskId: task.id,
          taskStatusId: body.task_status_id,
          text: body.comment,
          authorId: manager && body.person_id !== '' ? body.person_id : null,
          createdAt: manager ? parseCommentDate(body.created_at) : null,
          checklist: body.checklist,
          links: body.links,
          forClient: manager ? body.for_client : false,
          files: form.files,
        }),
      );
    });
    return reply.code(201).send(created);
  });

  api.get<{ Params: TaskCommentParams }>(
    '/data/tasks/:task_id/comments/:comment_id',
    async (request) => {
      const comment = loadTaskComment(db, request.params.task_id, request.params.comment_id);
      accessOf(db, request).requireCommentAccess({
        object_id: comment.object_id,
        person_id: comment.person_id,
        for_client: !!comment.for_client,
      });
      return serializeRow(modelOf('comment'), comment);
    },
  );

  api.delete<{ Params: TaskCommentParams }>(
    '/data/tasks/:task_id/comments/:comment_id',
    async (request, reply) => {
      const comment = loadTaskComment(db, request.params.task_id, request.params.comment_id);
      const task = loadTask(db, comment.object_id);
      const access = accessOf(db, request);
      if (!access.isAdmin && access.isManager(task.project_id)) {
        access.requireProjectAccess(task.project_id);
      } else {
        access.requireSelfOrAdmin(comment.person_id);
      }
      const attachmentIds = (
        db.prepare('SELECT id FROM attachment_file WHERE comment_id = ?').all(comment.id) as {
          id: string;
        }[]
      ).map((row) => row.id);
      const call = commentCall(context, request);
      call.write(() => {
        removeComment(call, comment.id);
        resetTaskData(call, task.id);
        const after = loadTask(db, task.id).task_status_id;
        if (after !== task.task_status_id) {
          call.emit(
            'task:status-changed',
            {
              task_id: task.id,
              new_task_status_id: after,
              previous_task_status_id: task.task_status_id,
              person_id: comment.person_id,
            },
            task.project_id,
          );
        }
      });
      for (const id of attachmentIds) removeAttachmentFiles(context.dataDir, id);
      return reply.code(204).send();
    },
  );
}
