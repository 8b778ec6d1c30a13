import { randomUUID } from 'node:crypto';
import {
  COMMENT_ATTACHMENT_BYTES_MAX,
  type CommentPersonRef,
  type TaskStatusRef,
} from '../../src-shared/task-comment';
import type { GrantedFiles } from '../files/granted-files';
import type { NewTaskComment } from '../tasks/post-task-comment';
import type { Outbox } from './outbox';
import type { CommentPayload } from './outbox-comment-payload';
import type { OutboxEntry } from './outbox-entry';
import { copyIntoOutbox } from './outbox-files';

/** What main knows about a new comment besides what the composer sent. */
export interface CommentWriteContext {
  author: CommentPersonRef;
  /** The chosen status, for showing the comment meanwhile; null when main does not know it. */
  status: TaskStatusRef | null;
  mentions: CommentPersonRef[];
  taskLabel: string | null;
  /** The task's status as last seen from the server (the cache, else the composer's row). */
  knownStatusId: string | null;
}

/**
 * Puts a comment in the outbox: its files copied into the outbox's folder first (the
 * originals may vanish while it waits), then one insert that is both the write and what the
 * thread and the todo row show meanwhile. The lane is the task: its comments go in order.
 */
export async function queueComment(
  outbox: Outbox,
  granted: GrantedFiles,
  input: NewTaskComment,
  context: CommentWriteContext,
): Promise<OutboxEntry> {
  const id = randomUUID();
  const refs = [...new Set(input.attachments ?? [])];
  const attachments = await copyIntoOutbox(
    outbox.filesRoot,
    id,
    granted,
    refs,
    COMMENT_ATTACHMENT_BYTES_MAX,
  );
  const payload: CommentPayload = {
    text: input.text,
    taskStatusId: input.taskStatusId,
    status: context.status,
    checklist: input.checklist ?? [],
    attachments,
    author: context.author,
    mentions: context.mentions,
    taskLabel: context.taskLabel,
  };
  return outbox.enqueueWithFiles(
    outbox.taskWrite({ id, taskId: input.taskId, kind: 'comment', payload }, context.knownStatusId),
  );
}
