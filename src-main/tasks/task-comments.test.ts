import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-shared/ipc';
import type { SettableTaskStatus, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { FileSecretStore } from '../session/file-secret-store';
import { sourceServerCommand } from '../studio/server-command';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

let userDataDir: string;
let services: AppServices;
const cacheChanges: EventPayload<'cache:changed'>[] = [];

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) {
  const answer = await result;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-comments-'));
  services = createAppServices({
    userDataDir,
    secrets: new FileSecretStore(join(userDataDir, 'session.json')),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
  });
  services.events.subscribe((event, payload) => {
    if (event === 'cache:changed') cacheChanges.push(payload as EventPayload<'cache:changed'>);
  });
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

describe('task comments and statuses through the handlers, on the local studio', () => {
  it('lists the seeded comments of a task, newest first', async () => {
    const tasks = await value<TodoTask[]>(services.dispatch('tasks:list-todo', {}));
    const task = tasks.find((row) => row.lastComment !== null)!;
    const comments = await value<TaskComment[]>(
      services.dispatch('tasks:list-comments', { taskId: task.id }),
    );
    expect(comments.length).toBeGreaterThan(0);
    expect(comments[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
      createdAt: expect.any(String),
      person: { id: expect.any(String), fullName: expect.stringMatching(/\S/) },
      taskStatus: { id: task.taskStatusId, color: expect.stringMatching(/^#/) },
      checklist: expect.any(Array),
      replies: expect.any(Array),
      acknowledgedBy: expect.any(Array),
      mentions: expect.any(Array),
      attachments: expect.any(Array),
    });
    const dates = comments.map((comment) => comment.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('lists the statuses an artist may set, once per session', async () => {
    const statuses = await value<SettableTaskStatus[]>(
      services.dispatch('tasks:list-statuses', {}),
    );
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.map((status) => status.shortName)).toEqual(
      expect.arrayContaining(['todo', 'wip', 'wfa']),
    );
    const again = await services.dispatch('tasks:list-statuses', {});
    expect(again).toEqual({ ok: true, value: statuses });
  });

  it('posts a comment with a status change, and says the task and comments changed', async () => {
    const tasks = await value<TodoTask[]>(services.dispatch('tasks:list-todo', {}));
    const statuses = await value<SettableTaskStatus[]>(
      services.dispatch('tasks:list-statuses', {}),
    );
    const task = tasks[0]!;
    const next = statuses.find(
      (status) => status.id !== task.taskStatusId && status.shortName !== 'done',
    )!;
    cacheChanges.length = 0;
    const text = 'Line one\n<b>not bold</b>';
    const posted = await value<TaskComment>(
      services.dispatch('tasks:post-comment', { taskId: task.id, text, taskStatusId: next.id }),
    );
    expect(posted).toMatchObject({
      text,
      taskStatus: { id: next.id, name: next.name },
      person: { fullName: 'Jordan Reyes' },
    });
    // Live pushes of earlier writes may land meanwhile: the handler's own must be among them.
    expect(cacheChanges).toContainEqual({ tables: ['task', 'comment'], taskIds: [task.id] });

    const comments = await value<TaskComment[]>(
      services.dispatch('tasks:list-comments', { taskId: task.id }),
    );
    expect(comments[0]).toMatchObject({ id: posted.id, text });
    const after = await value<TodoTask[]>(services.dispatch('tasks:list-todo', {}));
    expect(after.find((row) => row.id === task.id)?.taskStatusId).toBe(next.id);
  });

  it('refuses bad input before it reaches the server', async () => {
    const notUuid = await services.dispatch('tasks:list-comments', { taskId: 'nope' });
    expect(notUuid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const tooLong = await services.dispatch('tasks:post-comment', {
      taskId: '00000000-0000-4000-8000-000000000000',
      text: 'x'.repeat(50_001),
      taskStatusId: '00000000-0000-4000-8000-000000000000',
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('says when the task does not exist', async () => {
    const missing = await services.dispatch('tasks:list-comments', {
      taskId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(missing.ok).toBe(false);
  });
});
