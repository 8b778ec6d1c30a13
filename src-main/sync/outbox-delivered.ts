import {
  patchCachedComment,
  putNewComment,
  putNewCommentUnlessCached,
} from '../cache/comment-store';
import type { CachedReads } from '../cache/cached-reads';
import type { CacheDb } from '../cache/cache-db';
import { timeLogDayKey } from '../time/time-log-day';
import { ackPayloadSchema } from './outbox-ack';
import type { OutboxEntry } from './outbox-entry';
import { replyPayloadSchema } from './outbox-reply';
import type { OutboxStore } from './outbox-store';

/**
 * In a delivery's transaction: the cache takes the server's answer at once, so that what the
 * person wrote never blinks out between leaving the outbox and the next refresh.
 */
export function keepDelivery(
  cache: { db: CacheDb; keptReads: CachedReads; store: OutboxStore },
  entry: OutboxEntry,
  body: unknown,
): void {
  const { db, keptReads, store } = cache;
  const taskId = entry.taskId;
  const serverIdOf = (id: string) => store.receipt(id)?.serverId ?? id;
  switch (entry.kind) {
    case 'comment':
      if (taskId) putNewComment(db, taskId, body);
      break;
    case 'publish': {
      // Its comment may be cached already (posted on an earlier attempt): it takes the new row.
      const commentId = (body as { id?: unknown }).id;
      if (taskId && typeof commentId === 'string') {
        patchCachedComment(db, taskId, commentId, () => body as Record<string, unknown>);
        putNewCommentUnlessCached(db, taskId, body);
      }
      break;
    }
    case 'reply': {
      const { commentId } = replyPayloadSchema.parse(entry.payload);
      if (taskId) {
        const replyId = (body as { id?: unknown }).id;
        patchCachedComment(db, taskId, serverIdOf(commentId), (row) => ({
          ...row,
          // A refresh during the send may have cached it already.
          replies: [
            ...(Array.isArray(row.replies) ? row.replies : []).filter(
              (kept) => (kept as { id?: unknown } | null)?.id !== replyId,
            ),
            body,
          ],
        }));
      }
      break;
    }
    case 'ack': {
      const { commentId } = ackPayloadSchema.parse(entry.payload);
      const { acknowledgedBy } = body as { acknowledgedBy: string[] };
      if (taskId) {
        patchCachedComment(db, taskId, serverIdOf(commentId), (row) => ({
          ...row,
          acknowledgements: acknowledgedBy,
        }));
      }
      break;
    }
    case 'time-spent':
    case 'day-off': {
      const day = body as { date: string };
      keptReads.keep(timeLogDayKey(day.date), body);
      break;
    }
  }
}
