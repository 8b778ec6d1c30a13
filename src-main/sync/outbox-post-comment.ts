import type { TaskComment } from '../../src-shared/task-comment';
import type { GrantedFiles } from '../files/granted-files';
import type { NewTaskComment } from '../tasks/post-task-comment';
import { toTaskComment, type PersonNames } from '../tasks/task-comment-row';
import type { Outbox } from './outbox';
import { commentKind } from './outbox-comment';
import { queueComment, type CommentWriteContext } from './outbox-comment-write';

/**
 * `tasks:post-comment` through the outbox. Online, the comment goes at once and the composer
 * gets the server's answer, or its refusal (with nothing left behind). Offline, or when the
 * server cannot take it now, the composer gets the comment as it waits, marked pending (or
 * conflict, when the task changed under it).
 */
export async function postCommentThroughOutbox(
  outbox: Outbox,
  granted: GrantedFiles,
  input: NewTaskComment,
  context: CommentWriteContext,
  names: PersonNames,
): Promise<TaskComment> {
  const entry = await queueComment(outbox, granted, input, context);
  const outcome = await outbox.deliverNow(entry.id);
  if (outcome.type === 'delivered') return toTaskComment(outcome.body, names);
  if (outcome.type === 'refused') throw outcome.error;
  // Gone already means delivered by a replay just now: the thread reloads it anyway.
  return outbox.optimisticComment(entry.id) ?? commentKind.optimisticComment!(entry)!;
}
