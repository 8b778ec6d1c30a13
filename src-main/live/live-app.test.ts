import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../src-shared/ipc';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { call } from '../../src-server/test-support/http-client';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { FileSecretStore } from '../session/file-secret-store';
import { sourceServerCommand } from '../studio/server-command';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const WAIT = { timeout: 60_000, interval: 50 };

let userDataDir: string;
let services: AppServices;
const pushed: { event: EventName; payload: unknown }[] = [];

function start(): AppServices {
  const app = createAppServices({
    userDataDir,
    secrets: new FileSecretStore(join(userDataDir, 'session.json')),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
  });
  app.events.subscribe((event, payload) => void pushed.push({ event, payload }));
  return app;
}

function pushesOf<E extends EventName>(event: E): EventPayload<E>[] {
  return pushed.filter((push) => push.event === event).map((push) => push.payload as never);
}

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

async function liveStatus(): Promise<string> {
  return (await value<{ status: string }>(services.dispatch('live:state', {}))).status;
}

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-live-'));
  services = start();
  await value(services.dispatch('studio:open-local', {}));
  await value(
    services.dispatch('session:login', {
      server: { kind: 'local' },
      identifier: osUserName(),
      password: DEMO_PASSWORD,
    }),
  );
}, 120_000);

afterAll(async () => {
  await services.shutdown();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('live updates in the app, on the local studio', () => {
  it('follows the server once logged in, and pushes another person’s comment with its task', async () => {
    await vi.waitFor(async () => expect(await liveStatus()).toBe('connected'), WAIT);
    expect(pushesOf('live:changed').at(-1)).toEqual({ status: 'connected', detail: null });

    const { apiUrl } = await value<{ apiUrl: string }>(services.dispatch('studio:open-local', {}));
    const tasks = await value<TodoTask[]>(services.dispatch('tasks:list-todo', {}));
    const task = tasks[0]!;
    // Tom, Jordan's supervisor, answers through the API as any Kitsu client would.
    const login = await call('POST', `${apiUrl}/auth/login`, {
      body: { email: 'tom.becker@example.com', password: DEMO_PASSWORD },
    });
    const token = login.body.access_token as string;
    const statuses = await call('GET', `${apiUrl}/data/task-status`, { token });
    const retake = (statuses.body as { id: string; short_name: string }[]).find(
      (status) => status.short_name === 'retake',
    )!;
    pushed.length = 0;
    const text = `Live from Tom ${Date.now()}`;
    const posted = await call('POST', `${apiUrl}/actions/tasks/${task.id}/comment`, {
      token,
      body: { task_status_id: retake.id, comment: text },
    });
    expect(posted.status).toBe(201);

    await vi.waitFor(() => {
      const changes = pushesOf('cache:changed');
      expect(new Set(changes.flatMap((change) => change.tables))).toEqual(
        new Set(['comment', 'task']),
      );
      expect(changes.every((change) => change.taskIds?.join() === task.id)).toBe(true);
    }, WAIT);
    const comments = await value<TaskComment[]>(
      services.dispatch('tasks:list-comments', { taskId: task.id }),
    );
    expect(comments[0]).toMatchObject({ text, person: { fullName: 'Tom Becker' } });
  });

  it('follows the server again when the next launch restores the session', async () => {
    await services.shutdown();
    expect(pushesOf('live:changed').at(-1)).toEqual({ status: 'disconnected', detail: null });
    services = start();
    pushed.length = 0;
    expect(await liveStatus()).toBe('disconnected');
    await value(services.dispatch('session:state', {}));
    await vi.waitFor(async () => expect(await liveStatus()).toBe('connected'), WAIT);
    expect(pushesOf('live:changed').map((state) => state.status)).toEqual([
      'connecting',
      'connected',
    ]);
  });

  it('stops following on logout', async () => {
    pushed.length = 0;
    await value(services.dispatch('session:logout', {}));
    expect(await liveStatus()).toBe('disconnected');
    expect(pushesOf('live:changed')).toEqual([{ status: 'disconnected', detail: null }]);
  });
});
