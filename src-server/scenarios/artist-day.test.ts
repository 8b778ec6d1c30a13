import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo';
import { startTestServer, type TestServer } from '../test-support/test-server';

// An artist's whole day against the demo production, across every module of the server:
// desktop-ID login → context → todo → comments with status changes → the supervisor's
// approval → done tasks → time spent → a day off that clears that day's time.

const OS_USER = 'artist-day-test';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.context.db, {
    size: 'standard',
    osUserName: OS_USER,
    hashPassword: (plain) => hashPassword(plain, 4),
  });
});
afterAll(() => server.close());

async function api(token: string | null, method: string, path: string, json?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : null };
}

async function login(identifier: string): Promise<{ token: string; userId: string }> {
  const response = await api(null, 'POST', '/auth/login', {
    email: identifier,
    password: DEMO_PASSWORD,
  });
  expect(response.status).toBe(200);
  return { token: response.body.access_token, userId: response.body.user.id };
}

describe("an artist's day", () => {
  it('goes from login to a day off through every module', async () => {
    const artist = await login(OS_USER);
    const supervisor = await login('tom.becker@example.com');

    const context = await api(artist.token, 'GET', '/data/user/context');
    expect(context.status).toBe(200);
    const project = context.body.projects[0];
    expect(project.name).toBe('Harbor Lights');
    const status = (shortName: string) =>
      context.body.task_status.find((row: any) => row.short_name === shortName).id as string;

    const todo = await api(artist.token, 'GET', '/data/user/tasks');
    expect(todo.status).toBe(200);
    const task = todo.body.find(
      (row: any) =>
        row.task_status_short_name === 'todo' &&
        ['Layout', 'Animation'].includes(row.task_type_name),
    );
    expect(task, 'the demo artist has a Layout or Animation task to start').toBeDefined();
    expect(task.assignees).toContain(artist.userId);
    const openBefore = todo.body.length;

    // Start working: WIP sets the real start date and the last comment.
    const started = await api(artist.token, 'POST', `/actions/tasks/${task.id}/comment`, {
      task_status_id: status('wip'),
      comment: 'Blocking pass started',
    });
    expect(started.status).toBe(201);
    let row = (await api(artist.token, 'GET', '/data/user/tasks')).body.find(
      (candidate: any) => candidate.id === task.id,
    );
    expect(row.task_status_short_name).toBe('wip');
    expect(row.real_start_date).not.toBeNull();
    expect(row.last_comment).toMatchObject({
      text: 'Blocking pass started',
      person_id: artist.userId,
    });

    // Ask for feedback: the end date is set.
    const review = await api(artist.token, 'POST', `/actions/tasks/${task.id}/comment`, {
      task_status_id: status('wfa'),
      comment: 'Ready for review',
    });
    expect(review.status).toBe(201);
    row = (await api(artist.token, 'GET', '/data/user/tasks')).body.find(
      (candidate: any) => candidate.id === task.id,
    );
    expect(row.task_status_short_name).toBe('wfa');
    expect(row.end_date).not.toBeNull();
    const toCheck = await api(supervisor.token, 'GET', '/data/user/tasks-to-check');
    expect(toCheck.body.map((candidate: any) => candidate.id)).toContain(task.id);

    // The supervisor of the department approves: the task leaves the todo for the done list.
    const approved = await api(supervisor.token, 'POST', `/actions/tasks/${task.id}/comment`, {
      task_status_id: status('done'),
      comment: 'Approved, lovely timing',
    });
    expect(approved.status).toBe(201);
    const todoAfter = (await api(artist.token, 'GET', '/data/user/tasks')).body;
    expect(todoAfter.map((candidate: any) => candidate.id)).not.toContain(task.id);
    expect(todoAfter).toHaveLength(openBefore - 1);
    const done = (await api(artist.token, 'GET', '/data/user/done-tasks')).body;
    const doneRow = done.find((candidate: any) => candidate.id === task.id);
    expect(doneRow.task_status_short_name).toBe('done');
    expect(doneRow.done_date).not.toBeNull();
    expect(doneRow.last_comment.text).toBe('Approved, lovely timing');

    // Time spent on the day: set, then add.
    const day = '2026-03-02';
    const base = `/actions/tasks/${task.id}/time-spents/${day}/persons/${artist.userId}`;
    expect((await api(artist.token, 'POST', base, { duration: 120 })).status).toBe(201);
    expect((await api(artist.token, 'POST', `${base}/add`, { duration: 30 })).body.duration).toBe(
      150,
    );
    const mine = await api(artist.token, 'GET', `/data/user/time-spents/${day}`);
    expect(mine.body.map((spent: any) => [spent.task_id, spent.duration])).toEqual([
      [task.id, 150],
    ]);

    // A day off over that date clears its time spent.
    const dayOff = await api(artist.token, 'POST', '/data/day-offs', {
      person_id: artist.userId,
      date: day,
      end_date: day,
      description: 'Dentist',
    });
    expect(dayOff.status).toBe(201);
    expect((await api(artist.token, 'GET', `/data/user/day-offs/${day}`)).body.id).toBe(
      dayOff.body.id,
    );
    expect((await api(artist.token, 'GET', `/data/user/time-spents/${day}`)).body).toEqual([]);

    // Every step left its events for clients that were away.
    const names = (
      server.context.db
        .prepare('SELECT name FROM api_event WHERE data LIKE ? ORDER BY rowid')
        .all(`%${task.id}%`) as { name: string }[]
    ).map((event) => event.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'comment:new',
        'task:status-changed',
        'task:to-review',
        'task:update',
      ]),
    );
  });
});
