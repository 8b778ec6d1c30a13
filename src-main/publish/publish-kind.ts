import { join } from 'node:path';
import type { CommentPreview, TaskComment } from '../../src-shared/task-comment';
import { AppError, isAppError } from '../kitsu/app-error';
import { explainFailure } from '../kitsu/explain-failure';
import { asRow, text } from '../tasks/task-comment-row';
import { commentKind } from '../sync/outbox-comment';
import type { OutboxEntry } from '../sync/outbox-entry';
import type { OutboxKind, ReplayContext } from '../sync/outbox-kind';
import { multipartFileBody } from './multipart-file';
import { commentPartOf, publishPayloadSchema, type PublishPayload } from './publish-payload';

export const publishPayload = (entry: OutboxEntry): PublishPayload =>
  publishPayloadSchema.parse(entry.payload);

/** The entry as the comment write sees it: the same, with the comment part as payload. */
const asCommentEntry = (entry: OutboxEntry): OutboxEntry => ({
  ...entry,
  payload: commentPartOf(publishPayload(entry)),
});

const taskPath = (taskId: string) => `/actions/tasks/${encodeURIComponent(taskId)}`;

/**
 * A preview file for the next position of the comment's revision. An earlier attempt may have
 * made it without its answer arriving: a preview of the comment that no step recorded is that
 * one (they are made one at a time, in file order).
 */
async function nextPreviewFile(
  context: ReplayContext,
  taskId: string,
  commentId: string,
  recorded: readonly string[],
): Promise<string> {
  const comment = asRow(
    await context.client.get<unknown>(`/data/comments/${encodeURIComponent(commentId)}`),
  );
  const onServer = Array.isArray(comment.previews) ? comment.previews : [];
  const unrecorded = onServer
    .map((preview) => (typeof preview === 'string' ? preview : text(asRow(preview), 'id')))
    .find((id): id is string => id !== null && !recorded.includes(id));
  if (unrecorded) return unrecorded;
  const created = asRow(
    await explainFailure(
      context.client.post<unknown>(
        `${taskPath(taskId)}/comments/${encodeURIComponent(commentId)}/add-preview`,
        {},
      ),
      {
        'invalid-input':
          'Kitsu refused another preview on this revision (the project may allow one per revision).',
        'not-found':
          'The comment of this publish is gone from the server: discard it and publish again.',
        // Kitsu lets a person mentioned on a task comment on it, but not add previews.
        forbidden:
          'Kitsu let your comment through but not its previews: only people working on the task (or supervising it) may publish on it.',
      },
    ),
  );
  const id = text(created, 'id');
  if (id === null) throw new Error('The server answered add-preview without an id');
  return id;
}

/** Sends a file into its preview, unless an earlier attempt did (the row then names it). */
async function uploadOnce(
  context: ReplayContext,
  entry: OutboxEntry,
  index: number,
  previewFileId: string,
  file: PublishPayload['files'][number],
): Promise<void> {
  const path = `/pictures/preview-files/${encodeURIComponent(previewFileId)}`;
  const row = asRow(
    await explainFailure(
      context.client.get<unknown>(`/data/preview-files/${encodeURIComponent(previewFileId)}`),
      {
        'not-found':
          'A preview of this publish was deleted on the server: discard it and publish again.',
      },
    ),
  );
  if (text(row, 'original_name') !== null) return;
  const kept = join(context.filesRoot, entry.id, String(index));
  try {
    await context.client.postStreamed<unknown>(
      path,
      multipartFileBody('file', file.name, kept, file.size, (sent) =>
        context.reportBytes(entry.id, index, sent),
      ),
    );
  } catch (error) {
    if (isAppError(error) && error.status === 413) {
      throw new AppError(
        'invalid-input',
        `“${file.name}” is larger than this Kitsu server accepts. Publish a smaller file.`,
        413,
      );
    }
    throw error;
  }
}

/** Previews dropped on a task: one comment, one revision, a position per file. */
export const publishKind: OutboxKind = {
  area: 'thread',

  async replay(context, entry) {
    let payload = publishPayload(entry);
    const taskId = entry.taskId!;
    const save = (next: PublishPayload) => {
      payload = next;
      context.saveProgress(entry.id, next);
    };
    if (payload.commentId === null) {
      const posted = await commentKind.replay(context, asCommentEntry(entry));
      if (posted.type === 'conflict') return posted;
      save({ ...payload, commentId: posted.serverId, statusAfter: posted.statusAfter });
    }
    const commentId = payload.commentId!;
    for (const [index, file] of payload.files.entries()) {
      if (!payload.previews[index]) {
        const recorded = payload.previews.map((preview) => preview.previewFileId);
        const previewFileId = await nextPreviewFile(context, taskId, commentId, recorded);
        save({ ...payload, previews: [...payload.previews, { previewFileId, uploaded: false }] });
      }
      const preview = payload.previews[index]!;
      if (!preview.uploaded) {
        await uploadOnce(context, entry, index, preview.previewFileId, file);
        const previews = payload.previews.map((p, i) =>
          i === index ? { ...p, uploaded: true } : p,
        );
        save({ ...payload, previews });
      }
    }
    if (payload.setMainPreview) {
      await explainFailure(context.client.put<unknown>(`${taskPath(taskId)}/set-main-preview`), {
        forbidden:
          'The previews are published, but you may not set the main preview of this entity.',
      });
    }
    const thread = await context.client.get<unknown>(
      `/data/tasks/${encodeURIComponent(taskId)}/comments`,
    );
    const body = (Array.isArray(thread) ? thread : []).find(
      (row) => text(asRow(row), 'id') === commentId,
    );
    if (!body)
      throw new AppError('not-found', 'The comment of this publish is gone from the server.');
    return {
      type: 'delivered',
      serverId: commentId,
      body,
      statusAfter: payload.statusAfter,
      alreadyLanded: false,
    };
  },

  summary(entry) {
    const { files } = publishPayload(entry);
    const what = commentKind.summary(asCommentEntry(entry)).replace(/^Comment/, 'Publish');
    return `${what} (${files.length} ${files.length === 1 ? 'file' : 'files'})`;
  },

  text: (entry) => publishPayload(entry).text,

  alreadySent(entry) {
    const { commentId, files, previews } = publishPayload(entry);
    if (commentId === null) return null;
    const uploaded = previews.filter((preview) => preview.uploaded).length;
    return `Its comment is on the server already, with ${uploaded} of its ${files.length} files; discarding stops the rest.`;
  },

  withText: (entry, newText) => ({ ...publishPayload(entry), text: newText }),

  expectedStatusAfter(entry) {
    const payload = publishPayload(entry);
    return payload.commentId !== null
      ? payload.statusAfter
      : commentKind.expectedStatusAfter(asCommentEntry(entry));
  },

  optimisticStatus(entry) {
    return publishPayload(entry).commentId !== null
      ? null
      : commentKind.optimisticStatus(asCommentEntry(entry));
  },

  /** Until the comment is on the server: the comment, its files waiting to upload. */
  optimisticComment(entry): TaskComment | null {
    const payload = publishPayload(entry);
    if (payload.commentId !== null) return null;
    const comment = commentKind.optimisticComment!(asCommentEntry(entry))!;
    return { ...comment, previews: waitingPreviews(entry, payload, 0) };
  },

  /** Once the comment is there: the files not uploaded yet show on it. */
  overlayThread(entry, comments) {
    const payload = publishPayload(entry);
    if (payload.commentId === null) return comments;
    return comments.map((comment) => {
      if (comment.id !== payload.commentId) return comment;
      const landed = new Set(
        payload.previews.filter((p) => p.uploaded).map((p) => p.previewFileId),
      );
      const shown = comment.previews.filter((preview) => landed.has(preview.id));
      return { ...comment, previews: [...shown, ...waitingPreviews(entry, payload, shown.length)] };
    });
  },
};

/** The files of a publish not uploaded yet, as previews still on this computer. */
function waitingPreviews(
  entry: OutboxEntry,
  payload: PublishPayload,
  uploadedCount: number,
): CommentPreview[] {
  return payload.files.flatMap((file, index): CommentPreview[] => {
    if (payload.previews[index]?.uploaded) return [];
    const dot = file.name.lastIndexOf('.');
    return [
      {
        id:
          payload.previews[index]?.previewFileId ??
          `${entry.id.slice(0, 30)}${String(index).padStart(6, '0')}`,
        revision: 0,
        position: uploadedCount + index + 1,
        extension: dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase(),
        status: 'uploading',
        width: null,
        height: null,
        duration: null,
        originalName: file.name,
      },
    ];
  });
}
