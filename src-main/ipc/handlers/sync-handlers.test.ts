import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../../src-server/seed/demo-accounts';
import type { SyncState } from '../../../src-shared/sync';
import type { TaskComment } from '../../../src-shared/task-comment';
import type { TodoTask } from '../../../src-shared/todo-task';
import { startOutboxStudio, type OutboxStudio } from '../../sync/test-support/outbox-studio';
import { logInAs, type LoggedInApp } from '../../test-support/test-app';

// Jordan's app (main's services, as wired for Electron and the dev host) posts through the
// outbox to a real src-server behind a proxy the tests cut; the server is read directly.

let studio: OutboxStudio;
let app: LoggedInApp;

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await studio?.close();
});

const syncState = () => app.value<SyncState>('sync:state', {});

const commentsWith = async (taskId: string, text: string) =>
  (await studio.comments(taskId)).filter((comment) => comment.text === text);

/** One of Jordan's open tasks, put in progress for the test. */
async function taskInProgress(index: number): Promise<string> {
  const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
  const taskId = tasks[index]!.id;
  await studio.admin.expectOk('PUT', `/data/tasks/${taskId}`, {
    task_status_id: studio.statusId('wip'),
  });
  return taskId;
}

describe('tasks:post-comment through the outbox', () => {
  it('online: answers the server’s comment, and nothing waits', async () => {
    const taskId = await taskInProgress(0);
    const posted = await app.value<TaskComment>('tasks:post-comment', {
      taskId,
      text: 'Online as ever',
      taskStatusId: studio.statusId('wfa'),
      baseStatusId: studio.statusId('wip'),
    });
    const [stored] = await commentsWith(taskId, 'Online as ever');
    expect(posted).toMatchObject({ id: stored!.id, outboxState: null });
    // The sync after the login may still run ('syncing'): online once it is done.
    await vi.waitFor(
      async () =>
        expect(await syncState()).toMatchObject({
          connectivity: 'online',
          pending: 0,
          conflicts: [],
        }),
      { timeout: 30_000, interval: 100 },
    );
  });

  it('online: a refusal reaches the composer, and nothing stays behind', async () => {
    const taskId = await taskInProgress(1);
    const done = `/data/task-status/${studio.statusId('done')}`;
    await studio.admin.expectOk('PUT', done, { is_artist_allowed: false });
    try {
      const error = await app.failure('tasks:post-comment', {
        taskId,
        text: 'Not allowed',
        taskStatusId: studio.statusId('done'),
      });
      expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/403/) });
    } finally {
      await studio.admin.expectOk('PUT', done, { is_artist_allowed: true });
    }
    expect(await syncState()).toMatchObject({ pending: 0, conflicts: [] });
    const thread = await app.value<TaskComment[]>('tasks:list-comments', { taskId });
    expect(thread.some((comment) => comment.text === 'Not allowed')).toBe(false);
    expect(await commentsWith(taskId, 'Not allowed')).toEqual([]);
  });

  it('offline: answers the comment as pending; it lands once the server answers again', async () => {
    const taskId = await taskInProgress(2);
    studio.proxy.goOffline();
    let posted: TaskComment;
    try {
      posted = await app.value<TaskComment>('tasks:post-comment', {
        taskId,
        text: 'Written on the train',
        taskStatusId: studio.statusId('wfa'),
        baseStatusId: studio.statusId('wip'),
      });
      expect(posted).toMatchObject({
        text: 'Written on the train',
        outboxState: 'pending',
        taskStatus: { id: studio.statusId('wfa'), name: 'Waiting For Approval' },
        person: { id: app.personId, fullName: 'Jordan Reyes' },
      });
      // The failed request is confirmed by a probe before the state says offline.
      await vi.waitFor(
        async () =>
          expect(await syncState()).toMatchObject({ connectivity: 'offline', pending: 1 }),
        { timeout: 10_000, interval: 20 },
      );
      expect(app.pushesOf('sync:changed').at(-1)).toMatchObject({ pending: 1 });
    } finally {
      studio.proxy.goOnline();
    }
    // Reconnecting (the probe finds the server) flushes at once.
    await vi.waitFor(async () => expect(await syncState()).toMatchObject({ pending: 0 }), {
      timeout: 30_000,
      interval: 200,
    });
    expect(await commentsWith(taskId, 'Written on the train')).toHaveLength(1);
    expect(await studio.taskStatusId(taskId)).toBe(studio.statusId('wfa'));
    // The catch-up after the gap ('syncing') ends too.
    await vi.waitFor(
      () =>
        expect(app.pushesOf('sync:changed').at(-1)).toMatchObject({
          connectivity: 'online',
          pending: 0,
        }),
      { timeout: 30_000, interval: 50 },
    );
  });
});

describe('outbox:resolve', () => {
  it('lists a conflict in sync:state and resolves it by posting without the status', async () => {
    const taskId = await taskInProgress(3);
    studio.proxy.goOffline();
    try {
      const posted = await app.value<TaskComment>('tasks:post-comment', {
        taskId,
        text: 'Done, I think',
        taskStatusId: studio.statusId('wfa'),
        baseStatusId: studio.statusId('wip'),
      });
      expect(posted.outboxState).toBe('pending');
      await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
        task_status_id: studio.statusId('retake'),
        comment: 'Retake the timing.',
      });
    } finally {
      studio.proxy.goOnline();
    }
    await vi.waitFor(async () => expect((await syncState()).conflicts).toHaveLength(1), {
      timeout: 30_000,
      interval: 200,
    });
    const [conflict] = (await syncState()).conflicts;
    expect(conflict).toMatchObject({
      taskId,
      state: 'conflict',
      text: 'Done, I think',
      summary: 'Comment with status Waiting For Approval',
      reason: 'Tom Becker set the status to Retake meanwhile.',
    });
    const thread = await app.value<TaskComment[]>('tasks:list-comments', { taskId });
    expect(thread[0]).toMatchObject({ text: 'Done, I think', outboxState: 'conflict' });

    const after = await app.value<SyncState>('outbox:resolve', {
      id: conflict!.id,
      action: 'post-without-status',
    });
    expect(after.conflicts).toEqual([]);
    await vi.waitFor(async () => expect(await syncState()).toMatchObject({ pending: 0 }), {
      timeout: 30_000,
      interval: 200,
    });
    const [landed] = await commentsWith(taskId, 'Done, I think');
    expect(landed!.task_status_id).toBe(studio.statusId('retake'));
  });

  it('refuses an id that waits for nothing', async () => {
    expect(
      await app.failure('outbox:resolve', {
        id: '00000000-0000-4000-8000-000000000000',
        action: 'discard',
      }),
    ).toMatchObject({ code: 'not-found' });
    expect(await app.failure('outbox:resolve', { id: 'nope', action: 'discard' })).toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('logging out with writes waiting', () => {
  it('keeps them on this computer; the next login as the same person sends them', async () => {
    const taskId = await taskInProgress(4);
    studio.proxy.goOffline();
    try {
      const posted = await app.value<TaskComment>('tasks:post-comment', {
        taskId,
        text: 'Kept across a logout',
        taskStatusId: studio.statusId('wip'),
      });
      expect(posted.outboxState).toBe('pending');
      await app.value('session:logout', {});
    } finally {
      studio.proxy.goOnline();
    }
    expect(await syncState()).toMatchObject({ pending: 0, connectivity: 'offline' });
    expect(await commentsWith(taskId, 'Kept across a logout')).toEqual([]);

    await app.value('session:login', {
      server: { kind: 'remote', url: studio.apiUrl },
      identifier: DEMO_ARTIST_EMAIL,
      password: DEMO_PASSWORD,
    });
    await vi.waitFor(async () => expect(await syncState()).toMatchObject({ pending: 0 }), {
      timeout: 30_000,
      interval: 200,
    });
    expect(await commentsWith(taskId, 'Kept across a logout')).toHaveLength(1);
  });
});
