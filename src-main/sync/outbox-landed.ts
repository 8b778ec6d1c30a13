import { parseKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { TaskComment } from '../../src-shared/task-comment';
import { toTaskComment } from '../tasks/task-comment-row';
import type { CommentPayload } from './outbox-comment-payload';
import type { ReplayContext } from './outbox-kind';

/** How far the server's clock may lag this computer's, for matching a comment to its write. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** A server comment row, read and raw. */
export interface ServerComment {
  comment: TaskComment;
  row: unknown;
}

/** The task's comments as the server has them, newest first. */
export async function serverComments(
  context: ReplayContext,
  taskId: string,
): Promise<ServerComment[]> {
  const body = await context.client.get<unknown>(
    `/data/tasks/${encodeURIComponent(taskId)}/comments`,
  );
  const rows = Array.isArray(body) ? (body as unknown[]) : [];
  return rows.map((row) => ({ comment: toTaskComment(row), row }));
}

/**
 * After an attempt whose answer never came (a crash, a cut connection), the comment may be on
 * the server already: a comment by this person on the task with the same text (and status,
 * when the write named it) and the same files, created since the first attempt left (less the
 * clock skew), that no other write has claimed. Should the person have written the same words
 * elsewhere too, the one created closest to the first attempt is this write's.
 */
export function findLandedComment(
  context: ReplayContext,
  comments: readonly ServerComment[],
  payload: CommentPayload,
  maybeSentSince: string,
  statusSent: string | null,
): ServerComment | null {
  const sentAt = Date.parse(maybeSentSince);
  const fileNames = payload.attachments.map((file) => file.name).sort();
  const created = ({ comment }: ServerComment) =>
    parseKitsuDateTime(comment.createdAt)?.getTime() ?? Number.NaN;
  const matches = comments.filter((candidate) => {
    const { comment } = candidate;
    return (
      comment.person.id === context.personId &&
      comment.text === payload.text &&
      (statusSent === null || comment.taskStatus?.id === statusSent) &&
      created(candidate) >= sentAt - CLOCK_SKEW_MS &&
      sameNames(comment.attachments.map((file) => file.name).sort(), fileNames) &&
      !context.isReceipted(comment.id)
    );
  });
  const distance = (candidate: ServerComment) => Math.abs(created(candidate) - sentAt);
  return matches.reduce<ServerComment | null>(
    (best, candidate) => (best === null || distance(candidate) < distance(best) ? candidate : best),
    null,
  );
}

const sameNames = (a: string[], b: string[]) =>
  a.length === b.length && a.every((name, index) => name === b[index]);
