import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettableTaskStatus, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { logInToLocalStudio, type LocalStudioApp } from '../test-support/test-app';

let app: LocalStudioApp;

beforeAll(async () => {
  app = await logInToLocalStudio();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('task comments and statuses through the handlers, on the local studio', () => {
  it('lists the seeded comments of a task, newest first', async () => {
    const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
    const task = tasks.find((row) => row.lastComment !== null)!;
    const comments = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task.id });
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
    const statuses = await app.value<SettableTaskStatus[]>('tasks:list-statuses', {});
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.map((status) => status.shortName)).toEqual(
      expect.arrayContaining(['todo', 'wip', 'wfa']),
    );
    const again = await app.services.dispatch('tasks:list-statuses', {});
    expect(again).toEqual({ ok: true, value: statuses });
  });

  it('posts a comment with a status change, and says the task and comments changed', async () => {
    const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
    const statuses = await app.value<SettableTaskStatus[]>('tasks:list-statuses', {});
    const task = tasks[0]!;
    const next = statuses.find(
      (status) => status.id !== task.taskStatusId && status.shortName !== 'done',
    )!;
    app.cacheChanges.length = 0;
    const text = 'Line one\n<b>not bold</b>';
    const posted = await app.value<TaskComment>('tasks:post-comment', {
      taskId: task.id,
      text,
      taskStatusId: next.id,
    });
    expect(posted).toMatchObject({
      text,
      taskStatus: { id: next.id, name: next.name },
      person: { fullName: 'Jordan Reyes' },
    });
    // Live pushes of earlier writes may land meanwhile: the handler's own must be among them.
    expect(app.cacheChanges).toContainEqual({ tables: ['task', 'comment'], taskIds: [task.id] });

    const comments = await app.value<TaskComment[]>('tasks:list-comments', { taskId: task.id });
    expect(comments[0]).toMatchObject({ id: posted.id, text });
    const after = await app.value<TodoTask[]>('tasks:list-todo', {});
    expect(after.find((row) => row.id === task.id)?.taskStatusId).toBe(next.id);
  });

  it('refuses bad input before it reaches the server', async () => {
    const notUuid = await app.services.dispatch('tasks:list-comments', { taskId: 'nope' });
    expect(notUuid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const tooLong = await app.services.dispatch('tasks:post-comment', {
      taskId: '00000000-0000-4000-8000-000000000000',
      text: 'x'.repeat(50_001),
      taskStatusId: '00000000-0000-4000-8000-000000000000',
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('says when the task does not exist', async () => {
    const missing = await app.services.dispatch('tasks:list-comments', {
      taskId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(missing.ok).toBe(false);
  });
});
