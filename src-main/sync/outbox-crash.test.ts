import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import type { LoginResult } from '../../src-shared/session';
import type { SyncState } from '../../src-shared/sync';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { startAppProcess, type AppProcess } from './test-support/app-process-handle';
import { startOutboxStudio, type OutboxStudio } from './test-support/outbox-studio';

// The app (main's services in a child process) queues comments offline; when the server is
// reachable again it flushes them, and the test kills it with SIGKILL the moment the server
// has stored the third — before its answer can reach the app. Restarted on the same user
// data, the app must deliver every comment exactly once, in order.

const COUNT = 6;
const KILL_AT = 3;

let studio: OutboxStudio;
let userData: string;
const processes: AppProcess[] = [];

beforeAll(async () => {
  studio = await startOutboxStudio();
  userData = mkdtempSync(join(tmpdir(), 'shotdesk-crash-'));
}, 60_000);

afterAll(async () => {
  for (const app of processes) await app.stop();
  await studio?.close();
  rmSync(userData, { recursive: true, force: true });
});

async function launch(): Promise<AppProcess> {
  const app = await startAppProcess(userData);
  processes.push(app);
  return app;
}

it('killed in the middle of a flush, then restarted, delivers every write exactly once', async () => {
  const first = await launch();
  const login = await first.value<LoginResult>('session:login', {
    server: { kind: 'remote', url: studio.apiUrl },
    identifier: DEMO_ARTIST_EMAIL,
    password: DEMO_PASSWORD,
  });
  expect(login.status).toBe('logged-in');
  const [task] = await first.value<TodoTask[]>('tasks:list-todo', {});
  const taskId = task!.id;
  const texts = Array.from({ length: COUNT }, (_, n) => `Crash test note ${n + 1}`);

  studio.proxy.goOffline();
  for (const text of texts) {
    const posted = await first.value<TaskComment>('tasks:post-comment', {
      taskId,
      text,
      taskStatusId: task!.taskStatusId,
    });
    expect(posted.outboxState).toBe('pending');
  }
  expect(await first.value<SyncState>('sync:state', {})).toMatchObject({ pending: COUNT });

  // The kill: right after the server stored the comment, before it answers.
  let stored = 0;
  const unsubscribe = studio.server.context.events.subscribe((event) => {
    if (event.name !== 'comment:new' || event.data.task_id !== taskId) return;
    stored += 1;
    if (stored === KILL_AT) first.child.kill('SIGKILL');
  });
  try {
    studio.proxy.goOnline();
    await first.exited;
  } finally {
    unsubscribe();
  }
  expect(first.child.signalCode).toBe('SIGKILL');
  const landedBefore = (await studio.comments(taskId)).filter((c) => texts.includes(c.text));
  expect(landedBefore.map((comment) => comment.text).reverse()).toEqual(texts.slice(0, KILL_AT));

  // The next start: the session is restored, the outbox opens and flushes by itself.
  const second = await launch();
  await vi.waitFor(
    async () =>
      expect(await second.value<SyncState>('sync:state', {})).toMatchObject({ pending: 0 }),
    { timeout: 60_000, interval: 250 },
  );
  const landed = (await studio.comments(taskId)).filter((c) => texts.includes(c.text));
  expect(landed.map((comment) => comment.text).reverse()).toEqual(texts);
}, 180_000);
