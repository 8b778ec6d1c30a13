import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { isUuid } from '../db/ids';
import { forbidden, notFound } from '../http/errors';
import { serializeRow, type Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';
import { attachmentPath, attachmentThumbnailPath, removeAttachmentFiles } from './attachment-store';
import { addAttachments } from './attachments';
import { loadComment, loadTask } from './lookups';
import { commentCall, withRequestForm, type TaskCommentParams } from './route-support';
import { sendFile } from './send-file';
import { ensureThumbnail, isPictureAttachment } from './thumbnails';

interface AttachmentRow extends Row {
  id: string;
  name: string | null;
  extension: string | null;
  mimetype: string | null;
  comment_id: string | null;
  chat_message_id: string | null;
  updated_at: string;
}

interface AttachmentParams {
  attachment_file_id: string;
}

const ONE_WEEK = 604800;

/** Raster types Zou serves inline; anything else (HTML, SVG…) is forced to download. */
const INLINE_SAFE = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'image/avif',
]);

function loadAttachment(context: ServerContext, id: unknown): AttachmentRow {
  if (!isUuid(id)) throw notFound();
  const row = prepareCached(context.db, 'SELECT * FROM attachment_file WHERE id = ?').get(
    id.toLowerCase(),
  ) as AttachmentRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** Zou's attachment `is_allowed`: task access through the comment, or the chat's entity. */
function requireAttachmentAccess(
  context: ServerContext,
  request: FastifyRequest,
  attachment: AttachmentRow,
): void {
  const access = accessOf(context.db, request);
  if (attachment.comment_id) {
    const comment = loadComment(context.db, attachment.comment_id);
    access.requireTaskAccess(loadTask(context.db, comment.object_id));
    return;
  }
  if (attachment.chat_message_id) {
    const entity = prepareCached(
      context.db,
      `SELECT e.id, e.project_id FROM chat_message m JOIN chat c ON c.id = m.chat_id
       JOIN entity e ON e.id = c.object_id WHERE m.id = ?`,
    ).get(attachment.chat_message_id) as { id: string; project_id: string } | undefined;
    if (!entity) throw notFound();
    access.requireProjectAccess(entity.project_id);
    access.requireEntityAccess(entity.id, entity.project_id);
    return;
  }
  throw forbidden();
}

/** Attachment files: download, thumbnail, adding to and removing from a comment, listings. */
export function registerAttachmentRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get<{ Params: AttachmentParams & { file_name: string } }>(
    '/data/attachment-files/:attachment_file_id/file/:file_name',
    async (request, reply) => {
      const attachment = loadAttachment(context, request.params.attachment_file_id);
      requireAttachmentAccess(context, request, attachment);
      const mimetype = attachment.mimetype || 'application/octet-stream';
      const inline = INLINE_SAFE.has(mimetype.split(';')[0]?.trim().toLowerCase() ?? '');
      const sent = sendFile(request, reply, attachmentPath(context.dataDir, attachment.id), {
        mimetype,
        downloadName: attachment.name ?? '',
        asAttachment: !inline,
        lastModified: attachment.updated_at,
        maxAgeSeconds: ONE_WEEK,
      });
      if (!sent) throw notFound();
      return reply;
    },
  );

  api.get<{ Params: AttachmentParams }>(
    '/pictures/thumbnails/attachment-files/:attachment_file_id.png',
    async (request, reply) => {
      const attachment = loadAttachment(context, request.params.attachment_file_id);
      requireAttachmentAccess(context, request, attachment);
      if (!isPictureAttachment(attachment.extension, attachment.mimetype)) throw notFound();
      const thumbnail = attachmentThumbnailPath(context.dataDir, attachment.id);
      const source = attachmentPath(context.dataDir, attachment.id);
      if (!(await ensureThumbnail(source, thumbnail))) throw notFound();
      const sent = sendFile(request, reply, thumbnail, {
        mimetype: 'image/png',
        lastModified: attachment.updated_at,
        maxAgeSeconds: ONE_WEEK,
      });
      if (!sent) throw notFound();
      return reply;
    },
  );

  api.post<{ Params: TaskCommentParams }>(
    '/actions/tasks/:task_id/comments/:comment_id/add-attachment',
    async (request, reply) => {
      const added = await withRequestForm(request, context, (form, stored) => {
        const comment = loadComment(db, request.params.comment_id);
        if (comment.object_id !== request.params.task_id.toLowerCase()) throw forbidden();
        const access = accessOf(db, request);
        if (comment.person_id !== access.personId) {
          access.requireManagerProjectAccess(loadTask(db, comment.object_id).project_id);
        }
        const call = commentCall(context, request);
        return call.write(() => addAttachments(call, stored, comment.id, form.files));
      });
      return reply.code(201).send(added);
    },
  );

  api.delete<{ Params: TaskCommentParams & AttachmentParams }>(
    '/data/tasks/:task_id/comments/:comment_id/attachments/:attachment_file_id',
    async (request, reply) => {
      const comment = loadComment(db, request.params.comment_id);
      if (comment.object_id !== request.params.task_id.toLowerCase()) throw forbidden();
      const attachment = loadAttachment(context, request.params.attachment_file_id);
      if (attachment.comment_id !== comment.id) throw forbidden();
      const access = accessOf(db, request);
      if (comment.person_id !== access.personId) {
        access.requireManagerProjectAccess(loadTask(db, comment.object_id).project_id);
      }
      prepareCached(db, 'DELETE FROM attachment_file WHERE id = ?').run(attachment.id);
      removeAttachmentFiles(context.dataDir, attachment.id);
      return reply.code(204).send();
    },
  );

  const listAttachments = (scope: 'task' | 'project', id: string) =>
    (
      prepareCached(
        db,
        `SELECT a.* FROM attachment_file a JOIN comment c ON c.id = a.comment_id
         JOIN task t ON t.id = c.object_id
         WHERE ${scope === 'task' ? 't.id' : 't.project_id'} = ?
         ORDER BY a.created_at, a.rowid`,
      ).all(id) as Row[]
    ).map((row) => serializeRow(modelOf('attachment_file'), row));

  api.get<{ Params: { task_id: string } }>(
    '/data/tasks/:task_id/attachment-files',
    async (request) => {
      accessOf(db, request).requireAdmin();
      return listAttachments('task', request.params.task_id);
    },
  );

  api.get<{ Params: { project_id: string } }>(
    '/data/projects/:project_id/attachment-files',
    async (request) => {
      accessOf(db, request).requireAdmin();
      return listAttachments('project', request.params.project_id);
    },
  );
}
