import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import type { EventPayload } from '../../src-shared/ipc';
import type { LiveState } from '../../src-shared/live';
import type { SyncState } from '../../src-shared/sync';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { logInAs, type LoggedInApp } from '../test-support/test-app';
import { startOutboxStudio, type OutboxStudio } from './test-support/outbox-studio';

// Jordan's app as wired for Electron and the dev host (live updates included), against a real
// src-server behind a proxy; Tom writes on the server directly.

let studio: OutboxStudio;
let app: LoggedInApp;
const WAIT = { timeout: 30_000, interval: 50 };

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
}, 60_000);
afterAll(async () => {
  studio?.proxy.goOnline();
  await app?.close();
  await studio?.close();
});

/** Resolves once the app has pushed nothing for `ms`: whatever was under way has settled. */
async function quietFor(ms: number): Promise<void> {
  let last = Date.now();
  const unsubscribe = app.services.events.subscribe(() => (last = Date.now()));
  try {
    await vi.waitFor(() => expect(Date.now() - last).toBeGreaterThanOrEqual(ms), {
      ...WAIT,
      interval: 100,
    });
  } finally {
    unsubscribe();
  }
}

describe('live events refresh the cache before the renderer hears of them', () => {
  it('another person’s comment is in the cache when the push says so', async () => {
    await vi.waitFor(async () => {
      const state = await app.value<SyncState>('sync:state', {});
      expect(state).toMatchObject({ connectivity: 'online', lastSyncedAt: expect.any(String) });
    }, WAIT);
    const [task] = await app.value<TodoTask[]>('tasks:list-todo', {});
    await app.value<TaskComment[]>('tasks:list-comments', { taskId: task!.id });

    // The network goes the moment the push arrives: what the cache holds then is all there is.
    let pushed: EventPayload<'cache:changed'> | null = null;
    const unsubscribe = app.services.events.subscribe((event, payload) => {
      const change = payload as EventPayload<'cache:changed'>;
      if (event === 'cache:changed' && change.tables.includes('comment') && pushed === null) {
        if (change.taskIds?.includes(task!.id)) {
          pushed = change;
          studio.proxy.goOffline();
        }
      }
    });
    try {
      const text = `Live from Tom ${Date.now()}`;
      const current = (await studio.tom.expectOk('GET', `/data/tasks/${task!.id}`)) as {
        task_status_id: string;
      };
      await studio.tom.expectOk('POST', `/actions/tasks/${task!.id}/comment`, {
        task_status_id: current.task_status_id,
        comment: text,
      });
      await vi.waitFor(() => expect(pushed).not.toBeNull(), WAIT);
      const thread = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task!.id });
      expect(thread[0]).toMatchObject({ text, person: { fullName: 'Tom Becker' } });
    } finally {
      unsubscribe();
      studio.proxy.goOnline();
    }
  });

  it('an acknowledgement, which Kitsu sends without its task, refreshes that task’s thread', async () => {
    const [, task] = await app.value<TodoTask[]>('tasks:list-todo', {});
    const thread = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task!.id });
    const comment = thread.find((row) => !row.acknowledgedBy.includes(studio.tom.personId))!;
    // Live again after the last test's cut, its catch-up and the read's refresh behind done:
    // only the acknowledgement's news is awaited.
    await vi.waitFor(async () => {
      expect(await app.value<LiveState>('live:state', {})).toMatchObject({ status: 'connected' });
    }, WAIT);
    await quietFor(1_000);
    const pushes: EventPayload<'cache:changed'>[] = [];
    const states: SyncState[] = [];
    const unsubscribe = app.services.events.subscribe((event, payload) => {
      if (event === 'cache:changed') pushes.push(payload as EventPayload<'cache:changed'>);
      if (event === 'sync:changed') states.push(payload as SyncState);
    });
    try {
      await studio.tom.expectOk('POST', `/data/tasks/${task!.id}/comments/${comment.id}/ack`);
      await vi.waitFor(() => expect(pushes.length).toBeGreaterThan(0), WAIT);
      // Found through the cached thread: the push names the task, and no studio-wide sync
      // ran for it (one would have said "syncing" before any push).
      expect(pushes[0]).toEqual({ tables: ['comment'], taskIds: [task!.id] });
      expect(states.filter((state) => state.connectivity === 'syncing')).toEqual([]);
      const after = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task!.id });
      expect(after.find((row) => row.id === comment.id)!.acknowledgedBy).toContain(
        studio.tom.personId,
      );
    } finally {
      unsubscribe();
    }
  });
});
