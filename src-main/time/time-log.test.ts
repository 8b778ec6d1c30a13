import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimeLogDay } from '../../src-shared/time-log';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { studioApi, type StudioApi } from '../test-support/studio-api';
import { logInAs, openDemoStudio, type LoggedInApp } from '../test-support/test-app';

let studio: Awaited<ReturnType<typeof openDemoStudio>>;
let jordan: LoggedInApp;
let jordanApi: StudioApi;
let tasks: TodoTask[];

beforeAll(async () => {
  studio = await openDemoStudio();
  jordan = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  jordanApi = await studioApi(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  tasks = await jordan.value<TodoTask[]>('tasks:list-todo', {});
}, 120_000);

afterAll(async () => {
  await jordan?.close();
  await studio?.close();
});

const getDay = (date: string) => jordan.value<TimeLogDay>('time:get-day', { date });
const setTime = (taskId: string, date: string, minutes: number) =>
  jordan.value<TimeLogDay>('time:set', { taskId, date, minutes });
const taskDuration = async (taskId: string) =>
  (await jordan.value<TodoTask[]>('tasks:list-todo', {})).find((task) => task.id === taskId)!
    .duration ?? 0;
/** The server's own record of the day, read past main. */
const storedMinutes = async (date: string) =>
  ((await jordanApi.get(`/data/user/time-spents/${date}`)).body as any[]).map((row) => ({
    task_id: row.task_id,
    duration: row.duration,
  }));
/** The pushes since `mark`: live pushes of earlier writes may land among the handler's own. */
const changesSince = (mark: number) => jordan.cacheChanges.slice(mark);

// Days far from the demo's seeded history, one per test, so that tests do not meet.
describe('the time log of a day, through the handlers, on a real server', () => {
  it('sets, replaces and removes a task’s time, with the day total and the task’s time spent', async () => {
    const date = '2031-03-03';
    const [first, second] = tasks;
    const before = await taskDuration(first!.id);

    expect(await getDay(date)).toEqual({ date, entries: [], totalMinutes: 0, dayOff: null });

    const mark = jordan.cacheChanges.length;
    const set = await setTime(first!.id, date, 90);
    expect(set).toEqual({
      date,
      entries: [{ taskId: first!.id, minutes: 90 }],
      totalMinutes: 90,
      dayOff: null,
    });
    // Once the offline cache has the task's new time spent, the renderer hears of it.
    await vi.waitFor(() =>
      expect(changesSince(mark)).toContainEqual({
        tables: ['time-spent', 'task'],
        taskIds: [first!.id],
      }),
    );
    expect(await taskDuration(first!.id)).toBe(before + 90);

    expect((await setTime(second!.id, date, 30)).totalMinutes).toBe(120);

    const replaced = await setTime(first!.id, date, 45);
    expect(replaced.entries).toContainEqual({ taskId: first!.id, minutes: 45 });
    expect(replaced.totalMinutes).toBe(75);
    expect(await taskDuration(first!.id)).toBe(before + 45);

    const removed = await setTime(first!.id, date, 0);
    expect(removed.entries).toEqual([{ taskId: second!.id, minutes: 30 }]);
    expect(removed.totalMinutes).toBe(30);
    expect(await taskDuration(first!.id)).toBe(before);
    // Removing what is not there is no error.
    expect((await setTime(first!.id, date, 0)).totalMinutes).toBe(30);

    expect(await storedMinutes(date)).toEqual([{ task_id: second!.id, duration: 30 }]);
    expect(await getDay(date)).toEqual(removed);
  });

  it('refuses time on a task the person is not assigned to, and says why', async () => {
    const date = '2031-03-04';
    // A task of the production that is not Jordan's, as an admin sees it.
    const admin = await studioApi(studio.apiUrl, 'admin@example.com', DEMO_PASSWORD);
    const all = (await admin.get('/data/tasks?relations=true')).body as {
      id: string;
      assignees: string[];
    }[];
    const other = all.find((task) => !task.assignees.includes(jordan.personId))!;
    const error = await jordan.failure('time:set', { taskId: other.id, date, minutes: 60 });
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/only on tasks assigned to you/);
    expect(await storedMinutes(date)).toEqual([]);
  });

  it('refuses dates and durations outside the contract', async () => {
    for (const date of ['2031-02-30', '2031-3-5', '31-03-05', 'today', '2031-03-05T10:00']) {
      expect((await jordan.failure('time:get-day', { date })).code).toBe('invalid-input');
    }
    const taskId = tasks[0]!.id;
    for (const minutes of [-1, 1.5, 24 * 60 + 1]) {
      const error = await jordan.failure('time:set', { taskId, date: '2031-03-05', minutes });
      expect(error.code).toBe('invalid-input');
    }
    const badTask = await jordan.failure('time:set', {
      taskId: '../persons',
      date: '2031-03-05',
      minutes: 10,
    });
    expect(badTask.code).toBe('invalid-input');
    expect(await storedMinutes('2031-03-05')).toEqual([]);
  });

  it('a day off removes the day’s time, refuses new time, and clears', async () => {
    const date = '2031-03-06';
    const task = tasks[0]!;
    const before = await taskDuration(task.id);
    await setTime(task.id, date, 60);
    expect(await taskDuration(task.id)).toBe(before + 60);

    let mark = jordan.cacheChanges.length;
    const off = await jordan.value<TimeLogDay>('time:set-day-off', {
      date,
      description: 'Dentist',
    });
    expect(off).toEqual({
      date,
      entries: [],
      totalMinutes: 0,
      dayOff: { id: expect.any(String), date, endDate: date, description: 'Dentist' },
    });
    await vi.waitFor(() =>
      expect(changesSince(mark).map((change) => change.tables)).toContainEqual([
        'day-off',
        'time-spent',
        'task',
      ]),
    );
    expect(await storedMinutes(date)).toEqual([]);
    // The task's time spent lost the day's hour too.
    expect(await taskDuration(task.id)).toBe(before);

    const refused = await jordan.failure('time:set', { taskId: task.id, date, minutes: 30 });
    expect(refused).toEqual({ code: 'invalid-input', message: expect.stringMatching(/day off/) });
    // Asking again changes nothing.
    const again = await jordan.value<TimeLogDay>('time:set-day-off', { date });
    expect(again.dayOff?.id).toBe(off.dayOff!.id);

    mark = jordan.cacheChanges.length;
    const cleared = await jordan.value<TimeLogDay>('time:clear-day-off', { date });
    expect(cleared.dayOff).toBeNull();
    await vi.waitFor(() =>
      expect(changesSince(mark).map((change) => change.tables)).toContainEqual(['day-off']),
    );
    const march = await jordanApi.get(`/data/persons/${jordan.personId}/day-offs/month/2031/3`);
    expect(march.body).toEqual([]);
    expect((await setTime(task.id, date, 30)).totalMinutes).toBe(30);
    // Clearing a working day is no error.
    expect((await jordan.value<TimeLogDay>('time:clear-day-off', { date })).dayOff).toBeNull();
  });

  it('clearing one date of a longer day off keeps its other dates off', async () => {
    // A week off, as Kitsu's web app makes it.
    const created = await jordanApi.post('/data/day-offs', {
      person_id: jordan.personId,
      date: '2031-04-07',
      end_date: '2031-04-11',
      description: 'Holidays',
    });
    expect(created.status).toBe(201);

    const middle = await jordan.value<TimeLogDay>('time:clear-day-off', { date: '2031-04-09' });
    expect(middle.dayOff).toBeNull();
    const offRange = async (date: string) => {
      const { dayOff } = await getDay(date);
      return dayOff && [dayOff.date, dayOff.endDate, dayOff.description];
    };
    expect(await offRange('2031-04-08')).toEqual(['2031-04-07', '2031-04-08', 'Holidays']);
    expect(await offRange('2031-04-10')).toEqual(['2031-04-10', '2031-04-11', 'Holidays']);

    await jordan.value('time:clear-day-off', { date: '2031-04-07' });
    expect(await offRange('2031-04-07')).toBeNull();
    expect(await offRange('2031-04-08')).toEqual(['2031-04-08', '2031-04-08', 'Holidays']);
    await jordan.value('time:clear-day-off', { date: '2031-04-11' });
    expect(await offRange('2031-04-10')).toEqual(['2031-04-10', '2031-04-10', 'Holidays']);
    expect(await offRange('2031-04-11')).toBeNull();
  });
});
