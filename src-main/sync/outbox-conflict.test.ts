import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry } from './outbox-entry';
import {
  openTestOutbox,
  startOutboxStudio,
  type OutboxStudio,
  type TestOutbox,
} from './test-support/outbox-studio';

// Jordan writes a status change offline; meanwhile Tom, the supervisor, sets another status
// through the API. Back online the write stops as a conflict, and each way out is checked on
// the server.

let studio: OutboxStudio;
let app: TestOutbox;
let openTasks: string[];

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await openTestOutbox(studio);
  openTasks = [...(await studio.tasksIn('wip')), ...(await studio.tasksIn('todo'))];
}, 60_000);

afterAll(async () => {
  await app?.close();
  await studio?.close();
});

/** One of Jordan's tasks of its own for a test, in progress. */
const takeTask = async (): Promise<string> => {
  const taskId = openTasks.shift();
  if (!taskId) throw new Error('out of open tasks');
  await studio.admin.expectOk('PUT', `/data/tasks/${taskId}`, {
    task_status_id: studio.statusId('wip'),
  });
  return taskId;
};

const waitingOn = (taskId: string) => app.outbox.store.forTask(taskId).length;

const commentsWith = async (taskId: string, text: string) =>
  (await studio.comments(taskId)).filter((comment) => comment.text === text);

const settled = () =>
  vi.waitFor(
    () => {
      expect(app.outbox.store.all().filter((entry) => entry.state === 'sending')).toEqual([]);
    },
    { timeout: 20_000 },
  );

/** Jordan asks for approval offline while Tom asks for a retake; back online it conflicts. */
async function conflictOn(taskId: string, text: string): Promise<OutboxEntry> {
  app.connectivity.set(false);
  const entry = await app.queue(taskId, text, 'wfa', { knownStatus: 'wip' });
  await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: studio.statusId('retake'),
    comment: 'The arm pops at frame 12, retake please.',
  });
  app.connectivity.set(true);
  await vi.waitFor(() => expect(app.outbox.store.get(entry.id)?.state).toBe('conflict'), {
    timeout: 20_000,
  });
  return entry;
}

describe('a status change the server moved under', () => {
  it('stops as a conflict that says who set what, and holds the task’s later writes', async () => {
    const taskId = await takeTask();
    const entry = await conflictOn(taskId, 'Ready for review');
    const behind = await app.queue(taskId, 'And one more thing', 'wfa');
    await settled();

    expect(app.outbox.conflicts()).toEqual([
      {
        id: entry.id,
        taskId,
        summary: 'Comment with status wfa',
        reason: 'Tom Becker set the status to Retake meanwhile.',
        text: 'Ready for review',
        editable: true,
        area: 'thread',
        alreadySent: null,
        state: 'conflict',
        offersWithoutStatus: true,
      },
    ]);
    expect(app.outbox.store.get(behind.id)!.state).toBe('pending');
    expect(app.outbox.overlayComments(taskId, []).map((c) => [c.text, c.outboxState])).toEqual([
      ['And one more thing', 'pending'],
      ['Ready for review', 'conflict'],
    ]);
    expect(await commentsWith(taskId, 'Ready for review')).toEqual([]);
    expect(await commentsWith(taskId, 'And one more thing')).toEqual([]);
    expect(await studio.taskStatusId(taskId)).toBe(studio.statusId('retake'));

    // The later one first: the earlier one gone, the later would be on its way at once.
    await app.outbox.resolve(behind.id, 'discard');
    await app.outbox.resolve(entry.id, 'discard');
    expect(waitingOn(taskId)).toBe(0);
  });

  it('post without status: the comment lands, the status Tom set stays', async () => {
    const taskId = await takeTask();
    const entry = await conflictOn(taskId, 'Posted, status left alone');
    await app.outbox.resolve(entry.id, 'post-without-status');
    await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });

    const [landed] = await commentsWith(taskId, 'Posted, status left alone');
    expect(landed!.task_status_id).toBe(studio.statusId('retake'));
    expect(await studio.taskStatusId(taskId)).toBe(studio.statusId('retake'));
  });

  it('post anyway: the comment lands with the status Jordan chose', async () => {
    const taskId = await takeTask();
    const entry = await conflictOn(taskId, 'Posted anyway');
    await app.outbox.resolve(entry.id, 'post-anyway');
    await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });

    const [landed] = await commentsWith(taskId, 'Posted anyway');
    expect(landed!.task_status_id).toBe(studio.statusId('wfa'));
    expect(await studio.taskStatusId(taskId)).toBe(studio.statusId('wfa'));
  });

  it('edit: the new text lands instead, with the chosen status', async () => {
    const taskId = await takeTask();
    const entry = await conflictOn(taskId, 'First words');
    await app.outbox.resolve(entry.id, 'edit', 'Fixed the arm too, ready again');
    await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });

    expect(await commentsWith(taskId, 'First words')).toEqual([]);
    const [landed] = await commentsWith(taskId, 'Fixed the arm too, ready again');
    expect(landed!.task_status_id).toBe(studio.statusId('wfa'));
  });

  it('discard: nothing lands, the thread and the row lose it, its files go', async () => {
    const taskId = await takeTask();
    const entry = await conflictOn(taskId, 'Never mind');
    await app.outbox.resolve(entry.id, 'discard');

    expect(app.outbox.store.get(entry.id)).toBeNull();
    expect(app.outbox.overlayComments(taskId, [])).toEqual([]);
    expect(app.outbox.conflicts()).toEqual([]);
    expect(existsSync(join(app.outbox.filesRoot, entry.id))).toBe(false);
    expect(await commentsWith(taskId, 'Never mind')).toEqual([]);
    await expect(app.outbox.resolve(entry.id, 'post-anyway')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('a comment that meant to keep the status keeps the one set meanwhile', async () => {
    const taskId = await takeTask();
    app.connectivity.set(false);
    await app.queue(taskId, 'Just a note', 'wip', { knownStatus: 'wip' });
    await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: studio.statusId('retake'),
      comment: 'Retake.',
    });
    app.connectivity.set(true);
    await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });

    const [landed] = await commentsWith(taskId, 'Just a note');
    expect(landed!.task_status_id).toBe(studio.statusId('retake'));
    expect(await studio.taskStatusId(taskId)).toBe(studio.statusId('retake'));
  });
});

describe('a write the server refuses', () => {
  const setArtistAllowed = (shortName: string, allowed: boolean) =>
    studio.admin.expectOk('PUT', `/data/task-status/${studio.statusId(shortName)}`, {
      is_artist_allowed: allowed,
    });

  it('on replay stops as failed with the server’s words; post anyway sends it again', async () => {
    const taskId = await takeTask();
    app.connectivity.set(false);
    const entry = await app.queue(taskId, 'Approve me', 'wfa', { knownStatus: 'wip' });
    await setArtistAllowed('wfa', false);
    try {
      app.connectivity.set(true);
      await vi.waitFor(() => expect(app.outbox.store.get(entry.id)?.state).toBe('failed'), {
        timeout: 20_000,
      });
      const [failed] = app.outbox.conflicts();
      expect(failed).toMatchObject({ id: entry.id, state: 'failed', text: 'Approve me' });
      expect(failed!.reason).toMatch(/^The server refused it \(HTTP 403(: .+)?\)\. Ask /);
      await expect(app.outbox.resolve(entry.id, 'post-without-status')).rejects.toMatchObject({
        code: 'invalid-input',
      });
    } finally {
      await setArtistAllowed('wfa', true);
    }
    await app.outbox.resolve(entry.id, 'post-anyway');
    await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });
    expect(await commentsWith(taskId, 'Approve me')).toHaveLength(1);
  });

  it('keeping a status Jordan may not post with stops as a conflict; post anyway sends his', async () => {
    const taskId = await takeTask();
    const text = 'A note while it was in progress';
    app.connectivity.set(false);
    const entry = await app.queue(taskId, text, 'wip', { knownStatus: 'wip' });
    await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: studio.statusId('done'),
      comment: 'Approved.',
    });
    await setArtistAllowed('done', false);
    const stopped = () =>
      vi.waitFor(
        () => {
          const state = app.outbox.store.get(entry.id)?.state;
          expect(state === 'pending' || state === 'sending').toBe(false);
        },
        { timeout: 20_000 },
      );
    try {
      app.connectivity.set(true);
      await stopped();
      const [conflict] = app.outbox.conflicts();
      expect(conflict).toMatchObject({
        id: entry.id,
        state: 'conflict',
        offersWithoutStatus: false,
      });
      expect(conflict!.reason).toBe(
        'Tom Becker set the status to Done meanwhile. Comments may not be posted with that ' +
          'status by you: post anyway to send it with wip, which the task goes back to, or ' +
          'discard it.',
      );
      // Keeping Done is not Jordan's to choose, here as on the server.
      await expect(app.outbox.resolve(entry.id, 'post-without-status')).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringMatching(/^You may not post a comment with Done/),
      });
      expect(app.outbox.store.get(entry.id)?.state).toBe('conflict');
      expect(await commentsWith(taskId, text)).toEqual([]);

      await app.outbox.resolve(entry.id, 'post-anyway');
      await vi.waitFor(() => expect(waitingOn(taskId)).toBe(0), { timeout: 20_000 });
    } finally {
      await setArtistAllowed('done', true);
    }
    const [landed] = await commentsWith(taskId, text);
    expect(landed!.task_status_id).toBe(studio.statusId('wip'));
  });

  it('at once while online goes back to the writer, and nothing stays behind', async () => {
    const taskId = await takeTask();
    await setArtistAllowed('wfa', false);
    try {
      const entry = await app.queue(taskId, 'Refused at once', 'wfa');
      const outcome = await app.outbox.deliverNow(entry.id);
      expect(outcome).toMatchObject({ type: 'refused', error: { code: 'forbidden', status: 403 } });
      expect(app.outbox.store.get(entry.id)).toBeNull();
      expect(app.outbox.overlayComments(taskId, [])).toEqual([]);
    } finally {
      await setArtistAllowed('wfa', true);
    }
    expect(await commentsWith(taskId, 'Refused at once')).toEqual([]);
  });
});
