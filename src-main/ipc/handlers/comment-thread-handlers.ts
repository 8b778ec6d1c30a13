import { randomUUID } from 'node:crypto';
import { formatKitsuDateTime } from '../../../src-shared/kitsu/datetime';
import type { CommentReply } from '../../../src-shared/task-comment';
import { latestPreview } from '../../media/latest-preview';
import { downloadAttachment } from '../../attachments/attachment-download';
import type { AckPayload } from '../../sync/outbox-ack';
import type { ReplyPayload } from '../../sync/outbox-reply';
import { writeThroughOutbox } from '../../sync/outbox-write-through';
import {
  readAcknowledgers,
  replyToComment,
  toReply,
  toggleAcknowledgement,
  updateChecklist,
} from '../../tasks/comment-thread';
import { PersonNameCache } from '../../tasks/person-names';
import { listTaskComments } from '../../tasks/task-comments';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type ThreadChannel =
  | 'tasks:list-comments'
  | 'tasks:reply'
  | 'tasks:acknowledge'
  | 'tasks:update-checklist'
  | 'attachments:download';

/** A task's comment thread: reading, replies, acknowledgements, checklists, attachments. */
export function commentThreadHandlers(services: HandlerServices): HandlerGroup<ThreadChannel> {
  const { session } = services;
  // Mentioned people's names, once per session: a new login is a new client.
  const names = new PersonNameCache();
  // Even a failed write may have landed (the read-back failed): the thread reloads either way.
  const afterWrite = async <T>(taskId: string, write: Promise<T>): Promise<T> => {
    try {
      return await write;
    } finally {
      services.onCacheChanged?.(['comment'], [taskId]);
    }
  };
  return {
    'tasks:list-comments': async ({ taskId }) => {
      const client = await session.client();
      // From the offline cache at once (refreshed behind), the comments on their way on top.
      const cache = services.offline.sync.for(client);
      const comments = cache
        ? await cache.comments(taskId)
        : await listTaskComments(client, taskId, names.resolverFor(client));
      // The task's latest preview, so that it plays at once, and offline later.
      const latest = latestPreview(comments);
      if (latest) services.media?.prefetch(latest.kind, [latest.id]);
      return comments;
    },
    'tasks:reply': async (input) => {
      const client = await session.client();
      const outbox = services.offline.outbox();
      if (!outbox) {
        return afterWrite(input.taskId, replyToComment(client, input, names.resolverFor(client)));
      }
      const author = await authorOf(session);
      const payload: ReplyPayload = {
        commentId: input.commentId,
        text: input.text,
        author,
        mentions: [],
        taskLabel: null,
      };
      return afterWrite(
        input.taskId,
        writeThroughOutbox<CommentReply>(
          outbox,
          outbox.taskWrite({ id: randomUUID(), taskId: input.taskId, kind: 'reply', payload }),
          {
            delivered: (body) => toReply(body, names.resolverFor(client)),
            waiting: (entry) => ({
              id: entry.id,
              text: input.text,
              createdAt: formatKitsuDateTime(new Date(entry.createdAt)),
              person: author,
              mentions: [],
              attachments: [],
              outboxState: entry.state,
            }),
          },
        ),
      );
    },
    'tasks:acknowledge': async (input) => {
      const client = await session.client();
      const outbox = services.offline.outbox();
      if (!outbox) return afterWrite(input.taskId, toggleAcknowledgement(client, input));
      const me = await authorOf(session);
      const shown = async () => {
        const thread = (await services.offline.sync.for(client)?.comments(input.taskId)) ?? [];
        return thread.find((comment) => comment.id === input.commentId) ?? null;
      };
      const acknowledged =
        input.acknowledged ??
        !(
          (await shown())?.acknowledgedBy.includes(me.id) ??
          (await readAcknowledgers(client, input)).includes(me.id)
        );
      const payload: AckPayload = {
        commentId: input.commentId,
        acknowledged,
        personId: me.id,
        taskLabel: null,
      };
      return afterWrite(
        input.taskId,
        writeThroughOutbox(
          outbox,
          outbox.taskWrite({ id: randomUUID(), taskId: input.taskId, kind: 'ack', payload }),
          {
            delivered: (body) => body as { commentId: string; acknowledgedBy: string[] },
            waiting: async () => ({
              commentId: input.commentId,
              acknowledgedBy: (await shown())?.acknowledgedBy ?? [],
              pending: true,
            }),
          },
        ),
      );
    },
    'tasks:update-checklist': async (input) =>
      afterWrite(input.taskId, updateChecklist(await session.client(), input)),
    'attachments:download': async ({ attachmentId }) => {
      const client = await session.client();
      const path = await downloadAttachment(client, attachmentId, services.downloadsDir);
      services.revealFile?.(path);
      return { path };
    },
  };
}

/** The logged-in person as a comment or reply names its author. */
async function authorOf(session: HandlerServices['session']) {
  const user = await session.user();
  return { id: user.id, fullName: user.fullName };
}
