import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettableTaskStatus, TaskComment } from '../../src-shared/task-comment';
import type { TimeLogDay } from '../../src-shared/time-log';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { logInAs, openDemoStudio, type LoggedInApp } from '../test-support/test-app';

// Jordan reads the todo list, a thread and the statuses; then the studio goes away. The same
// screens still answer from the cache file, after a relaunch too; what was never read (nor
// read ahead) says "offline" as before.
describe('reads kept in the cache answer while the server is unreachable', () => {
  let studio: Awaited<ReturnType<typeof openDemoStudio>> | null = null;
  let jordan: LoggedInApp;

  beforeAll(async () => {
    studio = await openDemoStudio();
    jordan = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await jordan?.close();
    await studio?.close();
  });

  it('the todo and done lists, a thread, the statuses and time log days', async () => {
    const todo = await jordan.value<TodoTask[]>('tasks:list-todo', {});
    const done = await jordan.value<TodoTask[]>('tasks:list-done', {});
    const read = todo[0]!;
    // The sync after login reads the threads of open tasks ahead, not of done ones.
    const unread = done[0]!;
    const thread = await jordan.value<TaskComment[]>('tasks:list-comments', { taskId: read.id });
    expect(thread.length).toBeGreaterThan(0);
    const statuses = await jordan.value<SettableTaskStatus[]>('tasks:list-statuses', {});
    // A day read, and a day changed by a write: both as the server last answered.
    const readDay = await jordan.value<TimeLogDay>('time:get-day', { date: '2031-04-01' });
    const loggedDay = await jordan.value<TimeLogDay>('time:set', {
      taskId: read.id,
      date: '2031-04-02',
      minutes: 75,
    });
    expect(loggedDay.totalMinutes).toBe(75);
    // The lists as they are after that write (the task's time spent moved): what stays kept.
    const todoNow = await jordan.value<TodoTask[]>('tasks:list-todo', {});
    const doneNow = await jordan.value<TodoTask[]>('tasks:list-done', {});

    await studio!.close();
    studio = null;
    const offline = async () => {
      expect(await jordan.value('tasks:list-todo', {})).toEqual(todoNow);
      expect(await jordan.value('tasks:list-done', {})).toEqual(doneNow);
      expect(await jordan.value('tasks:list-comments', { taskId: read.id })).toEqual(thread);
      expect(await jordan.failure('tasks:list-comments', { taskId: unread.id })).toMatchObject({
        code: 'offline',
      });
      expect(await jordan.value('time:get-day', { date: '2031-04-01' })).toEqual(readDay);
      expect(await jordan.value('time:get-day', { date: '2031-04-02' })).toEqual(loggedDay);
    };
    await offline();

    // The next start, still without the server: the session and the kept reads are there.
    await jordan.services.shutdown();
    jordan.relaunch();
    expect(await jordan.value('session:state', {})).toMatchObject({ status: 'logged-in' });
    await offline();
    expect(await jordan.value('tasks:list-statuses', {})).toEqual(statuses);
  }, 120_000);
});
