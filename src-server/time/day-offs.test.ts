import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  insertRow,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addBot } from './time-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let artist: ApiClient;
let other: ApiClient;
let spring: string;
let winter: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  artist = addPerson(server, 'user');
  other = addPerson(server, 'user');
  spring = insertRow(server, 'day_off', {
    person_id: artist.id,
    date: '2024-04-29',
    end_date: '2024-05-03',
    description: 'Holidays',
  });
  winter = insertRow(server, 'day_off', {
    person_id: artist.id,
    date: '2024-12-30',
    end_date: '2025-01-02',
  });
  insertRow(server, 'day_off', { person_id: other.id, date: '2024-05-10', end_date: '2024-05-10' });
});
afterAll(() => server.close());

const ids = (body: { id: string }[]) => body.map((dayOff) => dayOff.id);

describe('the caller’s day off of a date', () => {
  it('answers the covering day off, or {}', async () => {
    const covered = await artist.get('/data/user/day-offs/2024-05-01');
    expect(covered.status).toBe(200);
    expect(covered.body).toEqual({
      id: spring,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      date: '2024-04-29',
      end_date: '2024-05-03',
      description: 'Holidays',
      person_id: artist.id,
      type: 'DayOff',
    });
    expect((await artist.get('/data/user/day-offs/2024-05-04')).body).toEqual({});
    expect((await other.get('/data/user/day-offs/2024-05-01')).body).toEqual({});
    const bad = await artist.get('/data/user/day-offs/May');
    expect(bad.body).toEqual({ error: true, message: 'Wrong date format.', data: null });
  });
});

describe('a person’s day offs: the person or an admin', () => {
  it('serves a date to self and admins, 403 to others', async () => {
    const path = `/data/persons/${artist.id}/day-offs/2024-04-29`;
    expect((await artist.get(path)).body.id).toBe(spring);
    expect((await admin.get(path)).body.id).toBe(spring);
    const denied = await other.get(path);
    expect(denied.status).toBe(403);
    const bad = await artist.get(`/data/persons/${artist.id}/day-offs/2024-04-31`);
    expect(bad.body).toEqual({ error: true, message: 'Invalid date format.', data: null });
    expect(
      (await admin.get('/data/persons/00000000-0000-4000-8000-000000000000/day-offs/2024-04-29'))
        .status,
    ).toBe(404);
    const bot = addBot(server);
    expect((await admin.get(`/data/persons/${bot.id}/day-offs/2024-04-29`)).status).toBe(403);
  });

  it('lists all, a year, a month or an ISO week, overlaps included', async () => {
    expect(ids((await artist.get(`/data/persons/${artist.id}/day-offs`)).body)).toEqual([
      spring,
      winter,
    ]);
    const year2025 = await artist.get(`/data/persons/${artist.id}/day-offs/year/2025`);
    expect(ids(year2025.body)).toEqual([winter]);
    const may = await admin.get(`/data/persons/${artist.id}/day-offs/month/2024/5`);
    expect(ids(may.body)).toEqual([spring]);
    const june = await artist.get(`/data/persons/${artist.id}/day-offs/month/2024/06`);
    expect(june.body).toEqual([]);
    // ISO week 1 of 2025 starts on Monday 2024-12-30.
    const week = await artist.get(`/data/persons/${artist.id}/day-offs/week/2025/1`);
    expect(ids(week.body)).toEqual([winter]);
    expect((await other.get(`/data/persons/${artist.id}/day-offs/year/2024`)).status).toBe(403);
    const badMonth = await artist.get(`/data/persons/${artist.id}/day-offs/month/2024/13`);
    expect(badMonth.status).toBe(400);
  });

  it('gives admins everyone’s month, and others their own', async () => {
    const all = await admin.get('/data/persons/day-offs/2024/5');
    expect(all.body.map((dayOff: { person_id: string }) => dayOff.person_id).sort()).toEqual(
      [artist.id, other.id].sort(),
    );
    const own = await other.get('/data/persons/day-offs/2024/5');
    expect(own.body.map((dayOff: { person_id: string }) => dayOff.person_id)).toEqual([other.id]);
    expect((await other.get('/data/persons/day-offs/2024/0')).status).toBe(400);
  });
});
