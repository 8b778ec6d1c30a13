import { z } from 'zod';
import { postAck, readAcknowledgers } from '../tasks/comment-thread';
import type { OutboxEntry } from './outbox-entry';
import type { OutboxKind, ReplayContext } from './outbox-kind';

/**
 * An acknowledgement waiting in the outbox. Kitsu's `…/ack` toggles, so the write is the state
 * the person asked for: replay toggles only when the server is not there already, and a replay
 * after a doubtful attempt cannot undo it.
 */
export const ackPayloadSchema = z.object({
  /** A server id, or the outbox id of a comment still on its way. */
  commentId: z.string(),
  acknowledged: z.boolean(),
  /** Whose acknowledgement: the person logged in when it was made. */
  personId: z.string(),
  taskLabel: z.string().nullable(),
});

export type AckPayload = z.infer<typeof ackPayloadSchema>;

export const ackPayload = (entry: OutboxEntry): AckPayload => ackPayloadSchema.parse(entry.payload);

const serverCommentId = (context: ReplayContext, payload: AckPayload) =>
  context.serverIdOf(payload.commentId) ?? payload.commentId;

/** Acknowledging a comment, or withdrawing one's acknowledgement. */
export const ackKind: OutboxKind = {
  area: 'thread',

  async replay(context, entry) {
    const payload = ackPayload(entry);
    const ref = { taskId: entry.taskId!, commentId: serverCommentId(context, payload) };
    const before = await readAcknowledgers(context.client, ref);
    const already = before.includes(context.personId) === payload.acknowledged;
    if (!already) await postAck(context.client, ref);
    const acknowledgedBy = already ? before : await readAcknowledgers(context.client, ref);
    return {
      type: 'delivered',
      serverId: ref.commentId,
      body: { commentId: ref.commentId, acknowledgedBy },
      statusAfter: null,
      alreadyLanded: already,
    };
  },

  summary(entry) {
    const { acknowledged, taskLabel } = ackPayload(entry);
    const what = acknowledged ? 'Acknowledgement' : 'Withdrawn acknowledgement';
    return taskLabel ? `${what} on ${taskLabel}` : what;
  },

  text: (entry) =>
    ackPayload(entry).acknowledged
      ? 'Acknowledge the comment.'
      : 'Withdraw your acknowledgement of the comment.',

  expectedStatusAfter: () => null,
  optimisticStatus: () => null,

  overlayThread(entry, comments, sameComment) {
    const { commentId, acknowledged, personId } = ackPayload(entry);
    return comments.map((comment) => {
      if (!sameComment(comment, commentId)) return comment;
      const others = comment.acknowledgedBy.filter((id) => id !== personId);
      return {
        ...comment,
        acknowledgedBy: acknowledged ? [...others, personId] : others,
        acknowledgementPending: true,
      };
    });
  },
};
