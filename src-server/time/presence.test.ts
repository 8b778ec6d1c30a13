import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  eventsNamed,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { call } from '../test-support/http-client';
import { addBot } from './time-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let alice: ApiClient;
let bruno: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin', { first_name: 'Zoe', last_name: 'Admin' });
  alice = addPerson(server, 'user', { first_name: 'Alice', last_name: 'Martin; "Al"' });
  bruno = addPerson(server, 'supervisor', { first_name: 'Bruno', last_name: '' });
  addPerson(server, 'user', { first_name: 'Gone', last_name: 'Away', active: false });
  addPerson(server, 'user', { first_name: 'Guest', last_name: 'Star', is_guest: true });
});
afterAll(() => server.close());

/** Keeps a helper person out of the presence sheet checked below. */
function deactivate(personId: string): void {
  server.context.db.prepare('UPDATE person SET active = 0 WHERE id = ?').run(personId);
}

function lastPresence(personId: string): string | null {
  const row = server.context.db
    .prepare('SELECT last_presence FROM person WHERE id = ?')
    .get(personId) as { last_presence: string | null };
  return row.last_presence;
}

describe('desktop login logs', () => {
  it('logs the caller’s login, now or at the given date, and keeps last_presence', async () => {
    const now = await alice.post('/data/user/desktop-login-logs');
    expect(now.status).toBe(201);
    expect(now.body).toEqual({
      id: expect.any(String),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      person_id: alice.id,
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      type: 'DesktopLoginLog',
    });
    expect(lastPresence(alice.id)).toBe(now.body.date.slice(0, 10));
    const old = await call(
      'POST',
      `${server.baseUrl}/data/user/desktop-login-logs?date=2024-02-03`,
      {
        token: alice.token,
      },
    );
    expect(old.body.date).toBe('2024-02-03T00:00:00');
    expect(lastPresence(alice.id)).toBe(now.body.date.slice(0, 10));
    const later = await alice.post('/data/user/desktop-login-logs', {
      date: '2024-02-20T09:30:00',
    });
    expect(later.body.date).toBe('2024-02-20T09:30:00');
    expect(
      eventsNamed(server, 'person:update').filter(
        (event) => (event.data as { person_id: string }).person_id === alice.id,
      ),
    ).toHaveLength(3);

    const bad = await alice.post('/data/user/desktop-login-logs', { date: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Validation error.');

    const own = await alice.get('/data/user/desktop-login-logs');
    expect(own.body.map((log: { date: string }) => log.date).slice(1)).toEqual([
      '2024-02-20T09:30:00',
      '2024-02-03T00:00:00',
    ]);
  });

  it('logs for a person: self or admin; reads: self, manager or admin', async () => {
    const byAdmin = await admin.post(`/data/persons/${bruno.id}/desktop-login-logs`, {
      date: '2024-02-03',
    });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ person_id: bruno.id, date: '2024-02-03T00:00:00' });
    expect((await alice.post(`/data/persons/${bruno.id}/desktop-login-logs`, {})).status).toBe(403);
    const bad = await bruno.post(`/data/persons/${bruno.id}/desktop-login-logs`, {
      date: '2024-02-03 10:00',
    });
    expect(bad.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: {
        errors: [
          {
            field: 'date',
            message: 'Value error, Wrong date format. Expected: 2020-01-05T13:23:10 or 2020-01-05',
          },
        ],
      },
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.post(`/data/persons/${unknown}/desktop-login-logs`, {})).status).toBe(404);

    expect((await alice.get(`/data/persons/${bruno.id}/desktop-login-logs`)).status).toBe(403);
    const manager = addPerson(server, 'manager');
    const read = await manager.get(`/data/persons/${bruno.id}/desktop-login-logs`);
    expect(read.body.map((log: { date: string }) => log.date)).toEqual(['2024-02-03T00:00:00']);
    deactivate(manager.id);
  });

  it('is refused to bots on the user route', async () => {
    const bot = addBot(server);
    expect((await bot.post('/data/user/desktop-login-logs')).status).toBe(403);
    deactivate(bot.id);
  });
});

describe('the presence sheet', () => {
  it('marks with X the days each active person logged in, as a ; CSV', async () => {
    const response = await call('GET', `${server.baseUrl}/data/persons/presence-logs/2024-02`, {
      token: admin.token,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename=kitsu_export.csv',
    );
    const days = Array.from({ length: 29 }, (_, index) => index + 1);
    const row = (name: string, present: number[]) =>
      [name, ...days.map((day) => (present.includes(day) ? 'X' : ''))].join(';');
    expect(response.body).toBe(
      [
        ['2024', ...days].join(';'),
        row('"Alice Martin; ""Al"""', [3, 20]),
        row('Bruno', [3]),
        row('Zoe Admin', []),
        '',
      ].join('\r\n'),
    );
  });

  it('is for admins, and needs a YYYY-MM month', async () => {
    expect((await bruno.get('/data/persons/presence-logs/2024-02')).status).toBe(403);
    const bad = await admin.get('/data/persons/presence-logs/2024-13');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: true, message: 'Invalid month or year.', data: null });
    const short = await call('GET', `${server.baseUrl}/data/persons/presence-logs/2023-2`, {
      token: admin.token,
    });
    expect(short.body.split('\r\n')[0]).toBe(
      ['2023', ...Array.from({ length: 28 }, (_, index) => index + 1)].join(';'),
    );
  });
});
