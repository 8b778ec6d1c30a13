import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { studioApi } from '../test-support/studio-api';
import { logInToLocalStudio, type LocalStudioApp } from '../test-support/test-app';

const WAIT = { timeout: 60_000, interval: 50 };

let app: LocalStudioApp;

async function liveStatus(): Promise<string> {
  return (await app.value<{ status: string }>('live:state', {})).status;
}

beforeAll(async () => {
  app = await logInToLocalStudio();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('live updates in the app, on the local studio', () => {
  it('follows the server once logged in, and pushes another person’s comment with its task', async () => {
    await vi.waitFor(async () => expect(await liveStatus()).toBe('connected'), WAIT);
    expect(app.pushesOf('live:changed').at(-1)).toEqual({ status: 'connected', detail: null });

    const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
    const task = tasks[0]!;
    // Tom, Jordan's supervisor, answers through the API as any Kitsu client would.
    const tom = await studioApi(app.apiUrl, 'tom.becker@example.com', DEMO_PASSWORD);
    const statuses = await tom.get('/data/task-status');
    const retake = (statuses.body as { id: string; short_name: string }[]).find(
      (status) => status.short_name === 'retake',
    )!;
    app.pushes.length = 0;
    const text = `Live from Tom ${Date.now()}`;
    const posted = await tom.post(`/actions/tasks/${task.id}/comment`, {
      task_status_id: retake.id,
      comment: text,
    });
    expect(posted.status).toBe(201);

    await vi.waitFor(() => {
      const changes = app.pushesOf('cache:changed');
      expect(new Set(changes.flatMap((change) => change.tables))).toEqual(
        new Set(['comment', 'task']),
      );
      expect(changes.every((change) => change.taskIds?.join() === task.id)).toBe(true);
    }, WAIT);
    const comments = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task.id });
    expect(comments[0]).toMatchObject({ text, person: { fullName: 'Tom Becker' } });
  });

  it('follows the server again when the next launch restores the session', async () => {
    await app.services.shutdown();
    expect(app.pushesOf('live:changed').at(-1)).toEqual({ status: 'disconnected', detail: null });
    app.relaunch();
    app.pushes.length = 0;
    expect(await liveStatus()).toBe('disconnected');
    await app.value('session:state', {});
    await vi.waitFor(async () => expect(await liveStatus()).toBe('connected'), WAIT);
    expect(app.pushesOf('live:changed').map((state) => state.status)).toEqual([
      'connecting',
      'connected',
    ]);
  });

  it('stops following on logout', async () => {
    app.pushes.length = 0;
    await app.value('session:logout', {});
    expect(await liveStatus()).toBe('disconnected');
    expect(app.pushesOf('live:changed')).toEqual([{ status: 'disconnected', detail: null }]);
  });
});
