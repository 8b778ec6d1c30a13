import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReplyPayload } from './outbox-reply';
import { openTestOutbox, startOutboxStudio, type OutboxStudio } from './test-support/outbox-studio';

// A reply whose request left before a crash (the outbox marked it as perhaps sent) may be on
// the server already: the next start finds it there and does not post it twice.

let studio: OutboxStudio;

beforeAll(async () => {
  studio = await startOutboxStudio();
}, 60_000);

afterAll(async () => {
  await studio?.close();
});

async function commentToReplyTo(): Promise<{ taskId: string; commentId: string }> {
  const [taskId] = await studio.tasksIn('todo');
  const comment = (await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: await studio.taskStatusId(taskId!),
    comment: `Notes ${randomUUID()}`,
  })) as { id: string };
  return { taskId: taskId!, commentId: comment.id };
}

const repliesOf = async (commentId: string) =>
  ((await studio.jordan.expectOk('GET', `/data/comments/${commentId}`)) as { replies: unknown[] })
    .replies;

/** A reply in a fresh outbox that has not started; the server got it already when `landed`. */
async function replyAfterCrash(options: { perhapsSent: boolean }) {
  const { taskId, commentId } = await commentToReplyTo();
  const app = await openTestOutbox(studio, { start: false });
  const payload: ReplyPayload = {
    commentId,
    text: 'Fixed, have a look.',
    author: { id: studio.jordan.personId, fullName: 'Jordan Reyes' },
    mentions: [],
    taskLabel: null,
  };
  const entry = app.outbox.enqueue({
    id: randomUUID(),
    lane: taskId,
    taskId,
    kind: 'reply',
    payload,
    baseStatusId: null,
  });
  if (options.perhapsSent) app.outbox.store.markSending(entry.id);
  // The request of the attempt that crashed: it reached the server.
  await studio.jordan.expectOk('POST', `/data/tasks/${taskId}/comments/${commentId}/reply`, {
    text: payload.text,
  });
  app.outbox.start();
  await vi.waitFor(() => expect(app.outbox.store.get(entry.id)).toBeNull(), { timeout: 20_000 });
  await app.close();
  return repliesOf(commentId);
}

describe('a reply perhaps sent before a crash', () => {
  it('is found on the server and not posted again', async () => {
    expect(await replyAfterCrash({ perhapsSent: true })).toHaveLength(1);
  });

  it('(control) is posted again when the outbox had not marked it as perhaps sent', async () => {
    expect(await replyAfterCrash({ perhapsSent: false })).toHaveLength(2);
  });
});
