import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type CrudTestServer } from '../crud/crud-test-kit';
import { DEMO_ACCOUNTS, seedDemo, type DemoSummary } from '../seed/demo';
import { accessTokenFor, startTestServer } from '../test-support/test-server';
import { expectedDetailedTask, normalizedRow } from './user-views-test-kit';

// The artist's lists over the demo production, checked against the seeded rows.

let server: CrudTestServer;
let demo: DemoSummary;

beforeAll(async () => {
  server = await startTestServer();
  demo = await seedDemo(server.context.db, {
    size: 'standard',
    osUserName: 'jdoe',
    hashPassword: async (plain) => `fake:${plain}`,
  });
});
afterAll(() => server.close());

function clientFor(email: string): ApiClient {
  const id = demo.personIds[email] as string;
  return new ApiClient(server.baseUrl, accessTokenFor(server.context, id), id);
}

function seededIds(sql: string, ...params: unknown[]): string[] {
  return (server.context.db.prepare(sql).all(...params) as { id: string }[])
    .map((row) => row.id)
    .sort();
}

describe('the demo artist', () => {
  it('sees exactly their open assigned tasks, every field matching the seeded rows', async () => {
    const artist = clientFor(demo.artistEmail);
    const response = await artist.get('/data/user/tasks');
    expect(response.status).toBe(200);
    const rows = response.body as Record<string, unknown>[];
    const expectedIds = seededIds(
      `SELECT t.id FROM task t
       JOIN task_person_link a ON a.task_id = t.id AND a.person_id = ?
       JOIN task_status s ON s.id = t.task_status_id
       JOIN project p ON p.id = t.project_id
       JOIN project_status ps ON ps.id = p.project_status_id
       JOIN project_person_link team ON team.project_id = p.id AND team.person_id = a.person_id
       WHERE s.is_done = 0 AND ps.name = 'Open'`,
      artist.id,
    );
    expect(expectedIds.length).toBeGreaterThan(5);
    expect(rows.map((row) => row.id).sort()).toEqual(expectedIds);
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, String(row.id)));
    }
    expect(rows.some((row) => Object.keys(row.last_comment as object).length > 0)).toBe(true);
  });

  it('sees their done tasks newest first', async () => {
    const artist = clientFor(demo.artistEmail);
    const rows = (await artist.get('/data/user/done-tasks')).body as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    const endDates = rows.map((row) => String(row.end_date ?? ''));
    expect(endDates).toEqual([...endDates].sort().reverse());
    for (const row of rows) {
      expect(normalizedRow(row)).toEqual(expectedDetailedTask(server, String(row.id)));
    }
  });

  it("gives the demo supervisor their departments' tasks waiting for approval", async () => {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === 'supervisor');
    const supervisor = clientFor(account?.email ?? '');
    const rows = (await supervisor.get('/data/user/tasks-to-check')).body as { id: string }[];
    const expectedIds = seededIds(
      `SELECT t.id FROM task t
       JOIN task_status s ON s.id = t.task_status_id
       JOIN task_type tt ON tt.id = t.task_type_id
       WHERE s.is_feedback_request = 1 AND tt.department_id IN (
         SELECT department_id FROM department_link WHERE person_id = ?
       )`,
      supervisor.id,
    );
    expect(expectedIds.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.id).sort()).toEqual(expectedIds);
  });
});
