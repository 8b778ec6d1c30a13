import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../../src-server/seed/demo-accounts';
import type { SyncState } from '../../../src-shared/sync';
import type { CommentReply, TaskComment } from '../../../src-shared/task-comment';
import type { TimeLogDay } from '../../../src-shared/time-log';
import type { TodoTask } from '../../../src-shared/todo-task';
import { startOutboxStudio, type OutboxStudio } from '../../sync/test-support/outbox-studio';
import { logInAs, type LoggedInApp } from '../../test-support/test-app';

// Replies, acknowledgements, time and days off written while the server cannot be reached:
// Jordan's app (main's services as wired) answers them as they will be, keeps them through the
// outbox, and delivers each exactly once when the proxy lets requests through again.

let studio: OutboxStudio;
let app: LoggedInApp;
let tasks: TodoTask[];

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
}, 60_000);

afterAll(async () => {
  await app?.close();
  await studio?.close();
});

const WAIT = { timeout: 30_000, interval: 100 };
const syncState = () => app.value<SyncState>('sync:state', {});
const thread = (taskId: string) => app.value<TaskComment[]>('tasks:list-comments', { taskId });
const getDay = (date: string) => app.value<TimeLogDay>('time:get-day', { date });

/** Tom's comment on the task, on the server, read once by Jordan's app (so it is cached). */
async function commentByTom(taskId: string, text: string): Promise<string> {
  const row = (await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: await studio.taskStatusId(taskId),
    comment: text,
  })) as { id: string };
  await vi.waitFor(async () => {
    expect((await thread(taskId)).map((comment) => comment.id)).toContain(row.id);
  }, WAIT);
  return row.id;
}

/** `known`: the app has found out before the work starts (else the work's requests find out). */
async function offline<T>(work: () => Promise<T>, known = false): Promise<T> {
  studio.proxy.goOffline();
  try {
    if (known) {
      await app.failure('tasks:list-mentionable', { taskId: tasks[0]!.id }).catch(() => null);
      await vi.waitFor(
        async () => expect(await syncState()).toMatchObject({ connectivity: 'offline' }),
        WAIT,
      );
    }
    const result = await work();
    await vi.waitFor(
      async () => expect(await syncState()).toMatchObject({ connectivity: 'offline' }),
      WAIT,
    );
    return result;
  } finally {
    studio.proxy.goOnline();
  }
}

const flushed = () =>
  vi.waitFor(async () => expect(await syncState()).toMatchObject({ pending: 0 }), WAIT);

interface ServerReply {
  id: string;
  text: string;
  person_id: string;
}

const serverComment = async (commentId: string) =>
  (await studio.jordan.expectOk('GET', `/data/comments/${commentId}`)) as {
    replies: ServerReply[];
    acknowledgements: string[];
  };

describe('replies offline', () => {
  it('shows the reply as pending under its comment, and delivers it once', async () => {
    const taskId = tasks[0]!.id;
    const commentId = await commentByTom(taskId, 'Check the hands in the last shot.');
    const reply = await offline(async () => {
      const answer = await app.value<CommentReply>('tasks:reply', {
        taskId,
        commentId,
        text: 'On it, fixing tonight.',
      });
      const shown = (await thread(taskId)).find((comment) => comment.id === commentId)!;
      expect(shown.replies.map((r) => [r.text, r.outboxState])).toEqual([
        ['On it, fixing tonight.', 'pending'],
      ]);
      return answer;
    });
    expect(reply).toMatchObject({
      text: 'On it, fixing tonight.',
      outboxState: 'pending',
      person: { id: app.personId, fullName: 'Jordan Reyes' },
    });
    await flushed();
    const stored = (await serverComment(commentId)).replies;
    expect(stored.map((r) => [r.text, r.person_id])).toEqual([
      ['On it, fixing tonight.', app.personId],
    ]);
    // The cached thread has the server's reply at once: no pending copy, no blink.
    const shown = (await thread(taskId)).find((comment) => comment.id === commentId)!;
    expect(shown.replies.map((r) => [r.id, r.outboxState ?? null])).toEqual([
      [stored[0]!.id, null],
    ]);
  });

  it('online: a reply to a comment that no longer exists reaches the writer as an error', async () => {
    const taskId = tasks[0]!.id;
    const commentId = await commentByTom(taskId, 'This one will be deleted.');
    await studio.admin.expectOk('DELETE', `/data/tasks/${taskId}/comments/${commentId}`);
    const error = await app.failure('tasks:reply', { taskId, commentId, text: 'Too late' });
    expect(error).toMatchObject({ code: 'not-found' });
    expect(await syncState()).toMatchObject({ pending: 0, conflicts: [] });
  });
});

describe('acknowledgements offline', () => {
  it('keeps the state asked for: ack then withdraw offline ends withdrawn on the server', async () => {
    const taskId = tasks[1]!.id;
    const commentId = await commentByTom(taskId, 'New animatic is in.');
    await offline(async () => {
      const acked = await app.value<{ acknowledgedBy: string[]; pending?: boolean }>(
        'tasks:acknowledge',
        { taskId, commentId, acknowledged: true },
      );
      expect(acked).toMatchObject({ acknowledgedBy: [app.personId], pending: true });
      const shown = (await thread(taskId)).find((comment) => comment.id === commentId)!;
      expect(shown).toMatchObject({
        acknowledgedBy: [app.personId],
        acknowledgementPending: true,
      });
      const withdrawn = await app.value<{ acknowledgedBy: string[] }>('tasks:acknowledge', {
        taskId,
        commentId,
        acknowledged: false,
      });
      expect(withdrawn.acknowledgedBy).toEqual([]);
    });
    await flushed();
    expect((await serverComment(commentId)).acknowledgements).toEqual([]);
  });

  it('does not toggle back an acknowledgement the server already has', async () => {
    const taskId = tasks[1]!.id;
    const commentId = await commentByTom(taskId, 'Lighting notes attached.');
    await offline(async () => {
      await app.value('tasks:acknowledge', { taskId, commentId, acknowledged: true });
      // Meanwhile Jordan acknowledged it from Kitsu's web page.
      await studio.jordan.expectOk('POST', `/data/tasks/${taskId}/comments/${commentId}/ack`);
    });
    await flushed();
    expect((await serverComment(commentId)).acknowledgements).toEqual([app.personId]);
    const shown = (await thread(taskId)).find((comment) => comment.id === commentId)!;
    expect(shown.acknowledgedBy).toEqual([app.personId]);
    expect(shown.acknowledgementPending).toBeUndefined();
  });
});

/** The server's record of Jordan's day, past main. */
const storedMinutes = async (date: string) =>
  ((await studio.jordan.expectOk('GET', `/data/user/time-spents/${date}`)) as any[]).map(
    (row: { task_id: string; duration: number }) => [row.task_id, row.duration],
  );
const storedDayOff = async (date: string) =>
  (await studio.jordan.expectOk('GET', `/data/user/day-offs/${date}`)) as { id?: string };

// Days far from the demo's seeded history, one per test.
describe('the time log offline', () => {
  it('answers the day as it will be, and delivers the time once back online', async () => {
    const date = '2031-05-05';
    const [first, second] = [tasks[2]!.id, tasks[3]!.id];
    await getDay(date); // read once online: the day is kept
    const day = await offline(async () => {
      await app.value('time:set', { taskId: first, date, minutes: 90 });
      return app.value<TimeLogDay>('time:set', { taskId: second, date, minutes: 30 });
    });
    expect(day).toMatchObject({ date, totalMinutes: 120, dayOff: null });
    expect(day.pendingTaskIds?.sort()).toEqual([first, second].sort());
    await flushed();
    expect((await storedMinutes(date)).sort()).toEqual(
      [
        [first, 90],
        [second, 30],
      ].sort(),
    );
    const after = await getDay(date);
    expect(after).toMatchObject({ totalMinutes: 120 });
    expect(after.pendingTaskIds).toBeUndefined();
  });

  it('keeps the order of time and day off: the day off written after the time removes it', async () => {
    const date = '2031-05-06';
    const taskId = tasks[2]!.id;
    const shown = await offline(async () => {
      // Never read online: the waiting writes alone make the day.
      await app.value('time:set', { taskId, date, minutes: 60 });
      expect(await getDay(date)).toMatchObject({ totalMinutes: 60, pendingTaskIds: [taskId] });
      return app.value<TimeLogDay>('time:set-day-off', { date, description: 'Dentist' });
    });
    expect(shown).toMatchObject({
      entries: [],
      totalMinutes: 0,
      dayOff: { date, endDate: date, description: 'Dentist' },
      dayOffPending: true,
    });
    await flushed();
    expect(await storedMinutes(date)).toEqual([]);
    expect(await storedDayOff(date)).toMatchObject({ id: expect.any(String) });
  });

  it('refuses time on a known day off at once, even offline', async () => {
    const date = '2031-05-07';
    await app.value('time:set-day-off', { date });
    await offline(async () => {
      const error = await app.failure('time:set', { taskId: tasks[2]!.id, date, minutes: 30 });
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect(error.message).toMatch(/is a day off/);
    }, true);
    expect(await syncState()).toMatchObject({ pending: 0 });
  });

  it('a write the server refuses on replay stops in the time sheet, and can be discarded', async () => {
    const date = '2031-05-08';
    // Not Jordan's: the server refuses time on a task one is not assigned to.
    const notMine = (
      (await studio.admin.expectOk('GET', '/data/tasks?relations=true')) as {
        id: string;
        assignees: string[];
      }[]
    ).find((task) => !task.assignees.includes(app.personId))!;
    await offline(() => app.value('time:set', { taskId: notMine.id, date, minutes: 45 }));
    await vi.waitFor(async () => {
      expect((await syncState()).conflicts).toMatchObject([
        { area: 'time-log', state: 'failed', editable: false },
      ]);
    }, WAIT);
    const [stopped] = (await syncState()).conflicts;
    expect(stopped!.reason).toMatch(/assigned to you/);
    // The lane waits for the person: a later time write stays behind it.
    await app.value('time:set', { taskId: tasks[2]!.id, date, minutes: 15 });
    expect(await syncState()).toMatchObject({ pending: 2 });
    await app.value('outbox:resolve', { id: stopped!.id, action: 'discard' });
    await flushed();
    expect(await storedMinutes(date)).toEqual([[tasks[2]!.id, 15]]);
  });
});
