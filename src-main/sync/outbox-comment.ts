import { formatKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { TaskComment, TaskStatusRef } from '../../src-shared/task-comment';
import { isAppError } from '../kitsu/app-error';
import { sendTaskComment } from '../tasks/post-task-comment';
import { asRow, text } from '../tasks/task-comment-row';
import { commentPayloadSchema, type CommentPayload } from './outbox-comment-payload';
import { describeForbiddenStatus, describeStatusConflict } from './outbox-conflict-reason';
import type { OutboxEntry } from './outbox-entry';
import { openOutboxFile } from './outbox-files';
import type { OutboxKind, ReplayOutcome } from './outbox-kind';
import { findLandedComment, serverComments } from './outbox-landed';

export const commentPayload = (entry: OutboxEntry): CommentPayload =>
  commentPayloadSchema.parse(entry.payload);

/** Whether the person meant to change the task's status with this comment. */
const changesStatus = (entry: OutboxEntry, payload: CommentPayload): boolean =>
  entry.resolution !== 'post-without-status' && payload.taskStatusId !== entry.baseStatusId;

/**
 * The status the comment will carry when sent, when it does not depend on the server: the
 * chosen one, unless the person said to keep the server's (or never meant to change it).
 */
function statusIfFixed(entry: OutboxEntry, payload: CommentPayload): string | null {
  if (entry.resolution === 'post-anyway') return payload.taskStatusId;
  if (entry.resolution === 'post-without-status') return null;
  if (entry.baseStatusId === null || changesStatus(entry, payload)) return payload.taskStatusId;
  return null;
}

/** A comment with a status, a checklist and files, on a task. */
export const commentKind: OutboxKind = {
  area: 'thread',

  async replay(context, entry) {
    const payload = commentPayload(entry);
    const taskId = entry.taskId!;
    const fixedStatus = statusIfFixed(entry, payload);
    if (entry.maybeSentSince !== null) {
      const comments = await serverComments(context, taskId);
      const landed = findLandedComment(
        context,
        comments,
        payload,
        entry.maybeSentSince,
        fixedStatus,
      );
      if (landed) return delivered(landed.row, true);
    }
    let status = fixedStatus ?? payload.taskStatusId;
    const needsServerStatus =
      entry.resolution === 'post-without-status' ||
      (entry.resolution === null && entry.baseStatusId !== null);
    if (needsServerStatus) {
      const task = asRow(
        await context.client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}`),
      );
      const serverStatusId = text(task, 'task_status_id');
      if (serverStatusId !== null && serverStatusId !== entry.baseStatusId) {
        if (entry.resolution === null && changesStatus(entry, payload)) {
          const comments = await serverComments(context, taskId);
          const conflict = await describeStatusConflict(context.client, comments, serverStatusId);
          return { type: 'conflict', ...conflict };
        }
        // The comment meant to leave the status as it was: it leaves the one there is now.
        status = serverStatusId;
      } else if (serverStatusId !== null && fixedStatus === null) {
        status = serverStatusId;
      }
    }
    const files = await Promise.all(
      payload.attachments.map((file, index) =>
        openOutboxFile(context.filesRoot, entry.id, index, file),
      ),
    );
    let body: unknown;
    try {
      body = await sendTaskComment(
        context.client,
        {
          taskId,
          text: payload.text,
          taskStatusId: status,
          ...(payload.checklist.length > 0 ? { checklist: payload.checklist } : {}),
        },
        files,
      );
    } catch (error) {
      // Keeping the status set meanwhile may be refused: only the person can choose then.
      if (status !== payload.taskStatusId && isAppError(error) && error.code === 'forbidden') {
        const comments = await serverComments(context, taskId);
        const conflict = await describeForbiddenStatus(
          context.client,
          comments,
          status,
          payload.status?.name ?? null,
        );
        if (conflict) return { type: 'conflict', ...conflict };
      }
      throw error;
    }
    return delivered(body, false);
  },

  summary(entry) {
    const payload = commentPayload(entry);
    const status = changesStatus(entry, payload) ? payload.status?.name : null;
    const what = status ? `Comment with status ${status}` : 'Comment';
    return payload.taskLabel ? `${what} on ${payload.taskLabel}` : what;
  },

  text: (entry) => commentPayload(entry).text,

  withText: (entry, newText) => ({ ...commentPayload(entry), text: newText }),

  expectedStatusAfter(entry) {
    const payload = commentPayload(entry);
    if (entry.resolution === 'post-without-status') {
      return entry.serverStatus?.id ?? entry.baseStatusId;
    }
    return payload.taskStatusId;
  },

  optimisticStatus(entry) {
    const payload = commentPayload(entry);
    return changesStatus(entry, payload) ? payload.status : null;
  },

  optimisticComment(entry): TaskComment {
    const payload = commentPayload(entry);
    const shownStatus: TaskStatusRef | null =
      entry.resolution === 'post-without-status'
        ? (entry.serverStatus ?? payload.status)
        : payload.status;
    return {
      id: entry.id,
      text: payload.text,
      createdAt: formatKitsuDateTime(new Date(entry.createdAt)),
      person: payload.author,
      taskStatus: shownStatus,
      checklist: payload.checklist,
      replies: [],
      acknowledgedBy: [],
      mentions: payload.mentions,
      attachments: payload.attachments.map((file, index) => ({
        id: `${entry.id}-${index}`,
        name: file.name,
        extension: file.name.includes('.') ? (file.name.split('.').pop() ?? '') : '',
        size: file.size,
      })),
      previews: [],
      outboxState: entry.state,
    };
  },
};

function delivered(body: unknown, alreadyLanded: boolean): ReplayOutcome {
  const row = asRow(body);
  const serverId = text(row, 'id');
  if (serverId === null) throw new Error('The server answered a comment without its id');
  return {
    type: 'delivered',
    serverId,
    body,
    statusAfter: text(row, 'task_status_id') ?? text(asRow(row.task_status), 'id'),
    alreadyLanded,
  };
}
