import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  eventsNamed,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from '../http/errors';
import { addAssignedTask, addBot, addProduction, taskDuration } from './time-test-kit';

let server: CrudTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

const path = (taskId: string, date: string, personId: string) =>
  `/actions/tasks/${taskId}/time-spents/${date}/persons/${personId}`;

type Data = Record<string, unknown>;

/** How many recorded events of that name carry `key: value` in their data. */
function eventCount(name: string, key: string, value: string): number {
  return eventsNamed(server, name).filter((event) => (event.data as Data)[key] === value).length;
}

describe('setting, adding and deleting time spents', () => {
  it('keeps the task duration the sum of its time spents and tells the clients', async () => {
    const artist = addPerson(server, 'user');
    const production = addProduction(server, [artist.id]);
    const taskId = addAssignedTask(server, production, [artist.id]);

    const created = await artist.post(path(taskId, '2024-03-04', artist.id), { duration: 90 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'TimeSpent',
      duration: 90,
      date: '2024-03-04',
      task_id: taskId,
      person_id: artist.id,
    });
    expect(Object.keys(created.body).sort()).toEqual(
      ['created_at', 'date', 'duration', 'id', 'person_id', 'task_id', 'type', 'updated_at'].sort(),
    );
    expect(taskDuration(server, taskId)).toBe(90);
    expect(eventCount('time-spent:new', 'time_spent_id', created.body.id)).toBe(1);
    const taskUpdate = eventsNamed(server, 'task:update').filter(
      (event) => (event.data as Data).task_id === taskId,
    );
    expect(taskUpdate).toHaveLength(1);
    expect(taskUpdate[0]).toMatchObject({
      project_id: production.projectId,
      user_id: artist.id,
      data: { task_id: taskId, project_id: production.projectId },
    });
    const presence = server.context.db
      .prepare('SELECT last_presence FROM person WHERE id = ?')
      .get(artist.id) as { last_presence: string };
    expect(presence.last_presence).toBe('2024-03-04');
    expect(eventCount('person:update', 'person_id', artist.id)).toBe(1);

    const replaced = await artist.post(path(taskId, '2024-03-04', artist.id), { duration: 30 });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ id: created.body.id, duration: 30 });
    expect(taskDuration(server, taskId)).toBe(30);
    expect(eventCount('time-spent:update', 'time_spent_id', created.body.id)).toBe(1);

    const added = await artist.post(`${path(taskId, '2024-03-04', artist.id)}/add`, {
      duration: '15.5',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: created.body.id, duration: 45.5 });

    const otherDay = await artist.post(`${path(taskId, '2024-3-5', artist.id)}/add`, {
      duration: 60,
    });
    expect(otherDay.body).toMatchObject({ date: '2024-03-05', duration: 60 });
    expect(taskDuration(server, taskId)).toBe(105.5);

    const removed = await artist.delete(path(taskId, '2024-03-04', artist.id));
    expect(removed.status).toBe(201);
    expect(removed.body).toMatchObject({ id: created.body.id, duration: 0, type: 'TimeSpent' });
    expect(taskDuration(server, taskId)).toBe(60);
    expect(eventCount('time-spent:delete', 'time_spent_id', created.body.id)).toBe(1);

    const again = await artist.delete(path(taskId, '2024-03-04', artist.id));
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: true, message: NOT_FOUND_MESSAGE });
  });

  it('reads a task time spents grouped by person, with the total', async () => {
    const [first, second] = [addPerson(server, 'user'), addPerson(server, 'user')];
    const production = addProduction(server, [first.id, second.id]);
    const taskId = addAssignedTask(server, production, [first.id, second.id]);
    await first.post(path(taskId, '2024-05-01', first.id), { duration: 60 });
    await first.post(path(taskId, '2024-05-02', first.id), { duration: 30 });
    await second.post(path(taskId, '2024-05-02', second.id), { duration: 45 });

    const all = await second.get(`/actions/tasks/${taskId}/time-spents`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(135);
    expect(all.body[first.id].map((entry: Data) => entry.date)).toEqual([
      '2024-05-01',
      '2024-05-02',
    ]);
    expect(all.body[second.id]).toHaveLength(1);

    const day = await first.get(`/actions/tasks/${taskId}/time-spents/2024-05-02`);
    expect(day.body.total).toBe(75);
    expect(Object.keys(day.body).sort()).toEqual([first.id, second.id, 'total'].sort());
    const empty = await first.get(`/actions/tasks/${taskId}/time-spents/2024-06-01`);
    expect(empty.body).toEqual({ total: 0 });
    const badDate = await first.get(`/actions/tasks/${taskId}/time-spents/nope`);
    expect(badDate.status).toBe(400);
    expect(badDate.body).toEqual({ error: true, message: 'Wrong date format.', data: null });

    const outsider = addPerson(server, 'user');
    expect((await outsider.get(`/actions/tasks/${taskId}/time-spents`)).status).toBe(403);
  });
});

describe('who may log time, and the order of the checks', () => {
  it('lets the assignee, an admin or a manager of the team log for an assignee only', async () => {
    const artist = addPerson(server, 'user');
    const colleague = addPerson(server, 'user');
    const manager = addPerson(server, 'manager');
    const outsideManager = addPerson(server, 'manager');
    const production = addProduction(server, [artist.id, colleague.id, manager.id]);
    const taskId = addAssignedTask(server, production, [artist.id]);

    const denied = await colleague.post(path(taskId, '2024-04-01', artist.id), { duration: 10 });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ error: true, message: FORBIDDEN_MESSAGE });
    const notAssigned = await colleague.post(path(taskId, '2024-04-01', colleague.id), {
      duration: 10,
    });
    expect(notAssigned.status).toBe(403);
    const outside = await outsideManager.post(path(taskId, '2024-04-01', artist.id), {
      duration: 10,
    });
    expect(outside.status).toBe(403);
    const byManager = await manager.post(path(taskId, '2024-04-01', artist.id), { duration: 10 });
    expect(byManager.status).toBe(201);
    expect(byManager.body.person_id).toBe(artist.id);
    const byAdmin = await admin.post(`${path(taskId, '2024-04-01', artist.id)}/add`, {
      duration: 5,
    });
    expect(byAdmin.body.duration).toBe(15);
    const managerForNonAssignee = await manager.post(path(taskId, '2024-04-01', manager.id), {
      duration: 10,
    });
    expect(managerForNonAssignee.status).toBe(403);
    expect((await colleague.delete(path(taskId, '2024-04-01', artist.id))).status).toBe(403);
    expect(taskDuration(server, taskId)).toBe(15);
  });

  it('answers Zou errors for a bad task, person, body or date, in its order', async () => {
    const artist = addPerson(server, 'user');
    const colleague = addPerson(server, 'user');
    const production = addProduction(server, [artist.id, colleague.id]);
    const taskId = addAssignedTask(server, production, [artist.id]);
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect((await artist.post(path(unknown, '2024-01-01', artist.id), {})).status).toBe(404);
    expect((await artist.post(path('not-an-id', '2024-01-01', artist.id), {})).status).toBe(404);
    expect((await artist.post(path(taskId, '2024-01-01', unknown), {})).status).toBe(404);

    const missing = await colleague.post(path(taskId, 'bad', artist.id), {});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'duration', message: 'Field required' }] },
    });
    for (const [duration, message] of [
      [0, 'Input should be greater than 0'],
      [-5, 'Input should be greater than 0'],
      ['abc', 'Input should be a valid number, unable to parse string as a number'],
      [null, 'Input should be a valid number'],
    ] as const) {
      const response = await artist.post(path(taskId, '2024-01-01', artist.id), { duration });
      expect(response.status).toBe(400);
      expect(response.body.data.errors).toEqual([{ field: 'duration', message }]);
    }
    const asForm = await artist.post(`${path(taskId, '2024-01-01', artist.id)}?duration=0`);
    expect(asForm.body.data.errors[0].message).toBe('Input should be greater than 0');

    // The body is checked before access, access before the date.
    expect((await colleague.post(path(taskId, 'bad', artist.id), { duration: 5 })).status).toBe(
      403,
    );
    for (const date of ['2024-13-01', '2024-02-30', '24-01-01', '2024-01-01x', 'today']) {
      const badDate = await artist.post(path(taskId, date, artist.id), { duration: 5 });
      expect(badDate.status).toBe(400);
      expect(badDate.body).toEqual({ error: true, message: 'Invalid date format.', data: null });
    }
    const badDelete = await artist.delete(path(taskId, '2024-02-30', artist.id));
    expect(badDelete.body.message).toBe('Invalid date format.');
    expect(taskDuration(server, taskId)).toBe(0);
  });

  it('refuses bots as targets unless the project lets bots collaborate', async () => {
    const bot = addBot(server);
    const closed = addProduction(server, [bot.id]);
    const closedTask = addAssignedTask(server, closed, [bot.id]);
    const refused = await bot.post(path(closedTask, '2024-01-02', bot.id), { duration: 30 });
    expect(refused.status).toBe(403);

    const open = addProduction(server, [bot.id], { is_bot_collaboration_enabled: true });
    const openTask = addAssignedTask(server, open, [bot.id]);
    const logged = await bot.post(path(openTask, '2024-01-02', bot.id), { duration: 30 });
    expect(logged.status).toBe(201);
    // Zou's delete checks the bot without the project: refused everywhere.
    expect((await admin.delete(path(openTask, '2024-01-02', bot.id))).status).toBe(403);
  });
});
