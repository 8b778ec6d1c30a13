import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { forbidden } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { removeAttachmentFiles } from './attachment-store';
import { commentReplySchema, validateBody } from './comment-body';
import { hasTaskMentionAccess } from './comment-access';
import { loadComment, loadPerson, loadTask, loadTaskComment } from './lookups';
import { addReply, deleteReply, findReply, toggleAcknowledgement } from './replies';
import { commentCall, withRequestForm, type TaskCommentParams } from './route-support';

interface ReplyParams extends TaskCommentParams {
  reply_id: string;
}

/** Replies and acknowledgements of a task's comment. */
export function registerReplyRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.post<{ Params: TaskCommentParams }>(
    '/data/tasks/:task_id/comments/:comment_id/reply',
    async (request) =>
      withRequestForm(request, context, (form, stored) => {
        const comment = loadComment(db, request.params.comment_id);
        if (comment.object_id !== request.params.task_id.toLowerCase()) throw forbidden();
        const access = accessOf(db, request);
        const task = loadTask(db, comment.object_id);
        if (comment.person_id !== access.personId) {
          if (!access.hasTaskActionAccess(task) && !hasTaskMentionAccess(access, task)) {
            throw forbidden();
          }
          // A client may not answer a client of another studio.
          if (access.isClient(task.project_id)) {
            const author = loadPerson(db, comment.person_id);
            const otherStudio = (access.person.studio_id ?? null) !== (author.studio_id ?? null);
            if (otherStudio && access.roleOf(author.id, task.project_id) === 'client') {
              throw forbidden();
            }
          }
        }
        const body = validateBody(commentReplySchema, form.values, 'CommentReplySchema');
        const call = commentCall(context, request);
        return call.write(() => addReply(call, stored, task, comment, body.text, form.files));
      }),
  );

  api.delete<{ Params: ReplyParams }>(
    '/data/tasks/:task_id/comments/:comment_id/reply/:reply_id',
    async (request) => {
      const comment = loadTaskComment(db, request.params.task_id, request.params.comment_id);
      const reply = findReply(comment, request.params.reply_id);
      const access = accessOf(db, request);
      if (reply.person_id !== access.personId) access.requireAdmin();
      const task = loadTask(db, comment.object_id);
      const call = commentCall(context, request);
      const removed = call.write(() => deleteReply(call, task, comment, request.params.reply_id));
      for (const id of removed.attachmentIds) removeAttachmentFiles(context.dataDir, id);
      return removed.comment;
    },
  );

  api.post<{ Params: TaskCommentParams }>(
    '/data/tasks/:task_id/comments/:comment_id/ack',
    async (request) => {
      const task = loadTask(db, request.params.task_id);
      accessOf(db, request).requireTaskAccess(task);
      const comment = loadTaskComment(db, task.id, request.params.comment_id);
      const call = commentCall(context, request);
      return call.write(() => toggleAcknowledgement(call, task, comment.id));
    },
  );
}
