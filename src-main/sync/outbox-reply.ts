import { z } from 'zod';
import { formatKitsuDateTime, parseKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { CommentReply } from '../../src-shared/task-comment';
import { readComment, sendReply } from '../tasks/comment-thread';
import { asRow, text } from '../tasks/task-comment-row';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxKind, ReplayContext } from './outbox-kind';
import { CLOCK_SKEW_MS } from './outbox-landed';

const personRefSchema = z.object({ id: z.string(), fullName: z.string() });

/** A reply waiting in the outbox: `POST /data/tasks/{tid}/comments/{cid}/reply {text}`. */
export const replyPayloadSchema = z.object({
  /** The comment replied to: a server id, or the outbox id of a comment still on its way. */
  commentId: z.string(),
  text: z.string(),
  author: personRefSchema,
  mentions: z.array(personRefSchema),
  taskLabel: z.string().nullable(),
});

export type ReplyPayload = z.infer<typeof replyPayloadSchema>;

const replyPayload = (entry: OutboxEntry): ReplyPayload => replyPayloadSchema.parse(entry.payload);

/** The server id of the comment replied to: an outbox comment is known by its receipt. */
const serverCommentId = (context: ReplayContext, payload: ReplyPayload) =>
  context.serverIdOf(payload.commentId) ?? payload.commentId;

/**
 * After a doubtful attempt, the reply may be there already: one by this person with the same
 * text, made since the first attempt left (less the clock skew), that no write has claimed.
 */
async function findLandedReply(
  context: ReplayContext,
  ref: { taskId: string; commentId: string },
  payload: ReplyPayload,
  maybeSentSince: string,
): Promise<Record<string, unknown> | null> {
  const comment = await readComment(context.client, ref);
  const replies = Array.isArray(comment.replies) ? comment.replies.map(asRow) : [];
  const sentAt = Date.parse(maybeSentSince) - CLOCK_SKEW_MS;
  return (
    replies.find((reply) => {
      const id = text(reply, 'id');
      const created = parseKitsuDateTime(text(reply, 'date') ?? text(reply, 'created_at') ?? '');
      return (
        id !== null &&
        text(reply, 'person_id') === context.personId &&
        reply.text === payload.text &&
        (created === null || created.getTime() >= sentAt) &&
        !context.isReceipted(id)
      );
    }) ?? null
  );
}

/** A reply to a comment of a task's thread. */
export const replyKind: OutboxKind = {
  area: 'thread',

  async replay(context, entry) {
    const payload = replyPayload(entry);
    const ref = { taskId: entry.taskId!, commentId: serverCommentId(context, payload) };
    if (entry.maybeSentSince !== null) {
      const landed = await findLandedReply(context, ref, payload, entry.maybeSentSince);
      if (landed) return delivered(landed, true);
    }
    return delivered(await sendReply(context.client, { ...ref, text: payload.text }), false);
  },

  summary(entry) {
    const { taskLabel } = replyPayload(entry);
    return taskLabel ? `Reply on ${taskLabel}` : 'Reply';
  },

  text: (entry) => replyPayload(entry).text,

  withText: (entry, newText) => ({ ...replyPayload(entry), text: newText }),

  expectedStatusAfter: () => null,
  optimisticStatus: () => null,

  overlayThread(entry, comments, sameComment) {
    const payload = replyPayload(entry);
    const reply: CommentReply = {
      id: entry.id,
      text: payload.text,
      createdAt: formatKitsuDateTime(new Date(entry.createdAt)),
      person: payload.author,
      mentions: payload.mentions,
      attachments: [],
      outboxState: entry.state,
    };
    return comments.map((comment) => {
      if (!sameComment(comment, payload.commentId)) return comment;
      const others = comment.replies.filter((r) => r.id !== entry.id);
      // While it is being sent the server may list it already, under its own id: it shows once.
      const listed =
        entry.state === 'sending' &&
        others.some(
          (theirs) =>
            theirs.person.id === payload.author.id &&
            theirs.text === payload.text &&
            theirs.createdAt >= reply.createdAt.slice(0, 16),
        );
      return listed ? comment : { ...comment, replies: [...others, reply] };
    });
  },
};

function delivered(body: unknown, alreadyLanded: boolean) {
  const serverId = text(asRow(body), 'id');
  if (serverId === null) throw new Error('The server answered a reply without its id');
  return { type: 'delivered' as const, serverId, body, statusAfter: null, alreadyLanded };
}
