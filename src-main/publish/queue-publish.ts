import { randomUUID } from 'node:crypto';
import type { CommentChecklistItem } from '../../src-shared/task-comment';
import type { GrantedFiles } from '../files/granted-files';
import type { Outbox } from '../sync/outbox';
import type { CommentWriteContext } from '../sync/outbox-comment-write';
import type { OutboxEntry } from '../sync/outbox-entry';
import { keepPublishFiles } from './publish-files';
import type { PublishPayload } from './publish-payload';

export interface NewPublish {
  taskId: string;
  files: string[];
  text: string;
  taskStatusId: string;
  checklist?: CommentChecklistItem[];
  setMainPreview: boolean;
}

/** Puts a publish in the outbox: its files kept first, then one insert, in the task's lane. */
export async function queuePublish(
  outbox: Outbox,
  granted: GrantedFiles,
  input: NewPublish,
  context: CommentWriteContext,
): Promise<OutboxEntry> {
  const id = randomUUID();
  const files = await keepPublishFiles(outbox.filesRoot, id, granted, [...new Set(input.files)]);
  const payload: PublishPayload = {
    text: input.text,
    taskStatusId: input.taskStatusId,
    status: context.status,
    checklist: input.checklist ?? [],
    attachments: [],
    author: context.author,
    mentions: context.mentions,
    taskLabel: context.taskLabel,
    files,
    setMainPreview: input.setMainPreview,
    commentId: null,
    statusAfter: null,
    previews: [],
  };
  return outbox.enqueueWithFiles(
    outbox.taskWrite({ id, taskId: input.taskId, kind: 'publish', payload }, context.knownStatusId),
  );
}
