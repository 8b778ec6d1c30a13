import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addAssignedTask, addProduction } from './time-test-kit';

// Garbage in every path segment and query value of the time routes: always a 4xx (or an empty
// answer), never a 500, and no time spent written.

let server: CrudTestServer;
let admin: ApiClient;
let artist: ApiClient;
let taskId: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  artist = addPerson(server, 'user');
  taskId = addAssignedTask(server, addProduction(server, [artist.id]), [artist.id]);
});
afterAll(() => server.close());

const GARBAGE = [
  "x'); DROP TABLE time_spent;--",
  'Ünïcødé 🎬',
  '-1',
  '99999999999999999999',
  '2024-02-30',
  '0000-01-01',
  '9999-12',
  '%00',
];

function routes(bad: string, self: string): [string, string][] {
  const value = encodeURIComponent(bad);
  return [
    ['POST', `/actions/tasks/${value}/time-spents/2024-01-01/persons/${self}`],
    ['POST', `/actions/tasks/${taskId}/time-spents/${value}/persons/${self}/add`],
    ['DELETE', `/actions/tasks/${taskId}/time-spents/${value}/persons/${value}`],
    ['GET', `/actions/tasks/${taskId}/time-spents/${value}`],
    ['GET', `/data/user/time-spents?start_date=${value}&end_date=${value}`],
    ['GET', `/data/user/time-spents/${value}`],
    ['GET', `/data/user/tasks/${value}/time-spents/${value}`],
    ['GET', `/data/user/day-offs/${value}`],
    ['POST', `/data/user/desktop-login-logs?date=${value}`],
    ['GET', `/data/persons/${value}/desktop-login-logs`],
    ['POST', `/data/persons/${self}/desktop-login-logs?date=${value}`],
    ['GET', `/data/persons/presence-logs/${value}`],
    ['GET', `/data/persons/${self}/time-spents/${value}`],
    ['GET', `/data/persons/${self}/time-spents/year/${value}`],
    ['GET', `/data/persons/${self}/time-spents/month/${value}/${value}`],
    ['GET', `/data/persons/${self}/time-spents/week/${value}/${value}`],
    ['GET', `/data/persons/${self}/time-spents/day/${value}/1/${value}`],
    ['GET', `/data/persons/${self}/time-spents/month/all/2024/${value}`],
    ['GET', `/data/persons/${self}/time-spents/year/2024?project_id=${value}`],
    ['GET', `/data/persons/${value}/day-offs`],
    ['GET', `/data/persons/${self}/day-offs/${value}`],
    ['GET', `/data/persons/${self}/day-offs/year/${value}`],
    ['GET', `/data/persons/${self}/day-offs/month/2024/${value}`],
    ['GET', `/data/persons/${self}/day-offs/week/${value}/1`],
    ['GET', `/data/persons/day-offs/${value}/${value}`],
    ['GET', `/data/persons/time-spents/month-table/${value}`],
    ['GET', `/data/persons/time-spents/week-table/2024?department_id=${value}`],
    ['GET', `/data/persons/time-spents/day-table/2024/${value}`],
    ['GET', `/data/persons/time-spents/year-table?studio_id=${value}`],
    ['GET', `/data/projects/${value}/budgets/time-spents`],
  ];
}

describe('bad input on the time routes', () => {
  it('never answers a 500', async () => {
    for (const client of [admin, artist]) {
      for (const bad of GARBAGE) {
        for (const [method, path] of routes(bad, client.id)) {
          const response = await fetch(`${server.baseUrl}${path}`, {
            method,
            headers: {
              Authorization: `Bearer ${client.token}`,
              'Content-Type': 'application/json',
            },
            body: method === 'GET' ? undefined : JSON.stringify({ duration: bad, date: bad }),
          });
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
        }
      }
    }
    const count = server.context.db.prepare('SELECT COUNT(*) AS n FROM time_spent').get() as {
      n: number;
    };
    expect(count.n).toBe(0);
  });
});
