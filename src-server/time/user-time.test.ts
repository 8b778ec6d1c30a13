import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { call } from '../test-support/http-client';
import { addAssignedTask, addBot, addProduction, addTimeSpent, joinTeam } from './time-test-kit';

let server: CrudTestServer;
let artist: ApiClient;
let colleague: ApiClient;
let taskId: string;
let otherTaskId: string;
let projectId: string;

beforeAll(async () => {
  server = await startCrudServer();
  artist = addPerson(server, 'user');
  colleague = addPerson(server, 'user');
  const production = addProduction(server, [artist.id, colleague.id]);
  projectId = production.projectId;
  taskId = addAssignedTask(server, production, [artist.id, colleague.id]);
  otherTaskId = addAssignedTask(server, production, [artist.id], 'Rigging');
  addTimeSpent(server, taskId, artist.id, '2024-02-01', 60);
  addTimeSpent(server, otherTaskId, artist.id, '2024-02-01', 120);
  addTimeSpent(server, taskId, artist.id, '2024-02-10', 30);
  addTimeSpent(server, taskId, colleague.id, '2024-02-01', 45);
});
afterAll(() => server.close());

type Entry = Record<string, unknown>;
const dates = (entries: Entry[]) => entries.map((entry) => `${entry.date}:${entry.duration}`);

describe('the caller’s own time spents', () => {
  it('lists a date range, both ends included', async () => {
    const range = await artist.get(
      '/data/user/time-spents?start_date=2024-02-01&end_date=2024-02-10',
    );
    expect(range.status).toBe(200);
    expect(dates(range.body).sort()).toEqual(['2024-02-01:120', '2024-02-01:60', '2024-02-10:30']);
    expect(range.body.every((entry: Entry) => entry.person_id === artist.id)).toBe(true);
    expect(range.body[0].type).toBe('TimeSpent');
    const narrow = await artist.get(
      '/data/user/time-spents?start_date=2024-02-02&end_date=2024-02-28',
    );
    expect(dates(narrow.body)).toEqual(['2024-02-10:30']);
  });

  it('answers Zou’s errors and its empty list without dates', async () => {
    expect((await artist.get('/data/user/time-spents')).body).toEqual([]);
    const half = await artist.get('/data/user/time-spents?start_date=2024-02-01');
    expect(half.status).toBe(400);
    expect(half.body).toEqual({
      error: true,
      message:
        'If querying for a range of dates, both a `start_date` and an `end_date` must be given.',
      data: null,
    });
    const bad = await artist.get('/data/user/time-spents?start_date=2024-02-01&end_date=soon');
    expect(bad.body.message).toBe('Wrong date format for 2024-02-01 and/or soon');
  });

  it('lists one day, and one task’s day as an object or null', async () => {
    const day = await artist.get('/data/user/time-spents/2024-02-01');
    expect(dates(day.body).sort()).toEqual(['2024-02-01:120', '2024-02-01:60']);
    expect((await artist.get('/data/user/time-spents/2024-02-31')).body.message).toBe(
      'Wrong date format.',
    );

    const one = await artist.get(`/data/user/tasks/${taskId}/time-spents/2024-02-10`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ task_id: taskId, person_id: artist.id, duration: 30 });
    const none = await call(
      'GET',
      `${server.baseUrl}/data/user/tasks/${taskId}/time-spents/2024-02-11`,
      {
        token: artist.token,
      },
    );
    expect(none.status).toBe(200);
    expect(none.body).toBeNull();
    expect(none.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('is for persons only', async () => {
    const bot = addBot(server);
    expect((await bot.get('/data/user/time-spents/2024-02-01')).status).toBe(403);
    expect((await bot.get('/data/user/day-offs/2024-02-01')).status).toBe(403);
  });
});

describe('another person’s time spents', () => {
  it('lets an admin list a range, and refuses anyone else', async () => {
    const admin = addPerson(server, 'admin');
    const range = await admin.get(
      `/data/persons/${artist.id}/time-spents?start_date=2024-02-01&end_date=2024-02-01`,
    );
    expect(dates(range.body).sort()).toEqual(['2024-02-01:120', '2024-02-01:60']);
    expect((await artist.get(`/data/persons/${artist.id}/time-spents`)).status).toBe(403);
  });

  it('scopes a day to the caller: self, or a supervisor’s departments', async () => {
    expect((await colleague.get(`/data/persons/${artist.id}/time-spents/2024-02-01`)).status).toBe(
      403,
    );
    const own = await artist.get(`/data/persons/${artist.id}/time-spents/2024-02-01`);
    expect(own.body).toHaveLength(2);
    const modelingId = server.context.db
      .prepare("SELECT id FROM department WHERE name = 'Modeling'")
      .get() as { id: string };
    const supervisor = addPerson(server, 'supervisor', { departments: [modelingId.id] });
    joinTeam(server, projectId, supervisor.id);
    const scoped = await supervisor.get(`/data/persons/${artist.id}/time-spents/2024-02-01`);
    expect(dates(scoped.body)).toEqual(['2024-02-01:60']);
    const entries = await supervisor.get(`/data/persons/${artist.id}/time-spents/month/2024/2`);
    expect(entries.body).toEqual([
      expect.objectContaining({ task_id: taskId, duration: 90, project_id: projectId }),
    ]);
    const elsewhere = await supervisor.get(
      `/data/persons/${artist.id}/time-spents/month/2024/2?project_id=00000000-0000-4000-8000-000000000000`,
    );
    expect(elsewhere.status).toBe(403);
  });

  it('sums a person’s time per task over a year, month, week or day', async () => {
    const year = await artist.get(`/data/persons/${artist.id}/time-spents/year/2024`);
    expect(year.body).toHaveLength(2);
    const modeling = year.body.find((entry: Entry) => entry.task_id === taskId);
    expect(Object.keys(modeling).sort()).toEqual(
      [
        'task_id',
        'task_type_id',
        'project_id',
        'project_name',
        'entity_name',
        'entity_type_name',
        'sequence_name',
        'episode_name',
        'duration',
      ].sort(),
    );
    expect(modeling).toMatchObject({ duration: 90, entity_type_name: 'Character' });
    const week = await artist.get(`/data/persons/${artist.id}/time-spents/week/2024/5`);
    expect(week.body.map((entry: Entry) => entry.duration).sort()).toEqual([120, 60]);
    const day = await artist.get(`/data/persons/${artist.id}/time-spents/day/2024/2/10`);
    expect(day.body).toEqual([expect.objectContaining({ duration: 30 })]);
    const all = await artist.get(`/data/persons/${artist.id}/time-spents/month/all/2024/02`);
    expect(all.body).toHaveLength(3);
    const badWeek = await artist.get(`/data/persons/${artist.id}/time-spents/week/2024/54`);
    expect(badWeek.body).toEqual({ error: true, message: 'Invalid month or year.', data: null });
    expect((await artist.get(`/data/persons/${artist.id}/time-spents/year/x`)).status).toBe(400);
  });
});
