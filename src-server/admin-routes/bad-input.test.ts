import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addProject,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, MISSING_ID, send } from './admin-test-kit';

// Every route of the module, as an admin, with malformed and unknown ids and every kind of
// broken body: a 4xx in one of Kitsu's shapes (never a 500), and no budget, link, task or
// entity written by a refused request.

let server: CrudTestServer;
let admin: ApiClient;
let projectId: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  projectId = addProject(server);
});
afterAll(() => server.close());

const BODIES: [string | undefined, string | undefined][] = [
  [undefined, undefined],
  ['', 'application/json'],
  ['{', 'application/json'],
  ['null', 'application/json'],
  ['[]', 'application/json'],
  ['[null, 1, "x"]', 'application/json'],
  ['{"id": "nope", "name": 12, "asset_type_id": [], "department_id": {}}', 'application/json'],
  ['[{"id": 1, "code": {}, "project": "x", "sg_status": 3}]', 'application/json'],
  ['name=x', 'application/x-www-form-urlencoded'],
  ['plain text', 'text/plain'],
  ['--x\r\nbroken', 'multipart/form-data; boundary=x'],
];

function routes(): [string, string][] {
  const ids = ['nope', MISSING_ID];
  const result: [string, string][] = [
    ['GET', '/data/asset-types?project_id=nope&archived=maybe'],
    ['GET', '/export/csv/projects.csv'],
    ['POST', '/import/kitsu/tasks'],
    ['POST', '/import/kitsu/milestones'],
    ['POST', '/import/shotgun/projects'],
    ['POST', '/import/shotgun/projectconnections'],
    ['POST', '/import/shotgun/sequences'],
    ['POST', '/import/shotgun/shots'],
    ['POST', '/import/shotgun/tasks'],
    ['POST', '/import/shotgun/remove/episode'],
  ];
  for (const id of ids) {
    result.push(
      ['POST', `/data/projects/${id}/settings/asset-types`],
      ['DELETE', `/data/projects/${projectId}/settings/asset-types/${id}`],
      ['POST', `/data/projects/${projectId}/settings/task-types`],
      ['POST', `/data/projects/${projectId}/settings/task-status`],
      ['GET', `/actions/persons/${id}/invite`],
      ['DELETE', `/actions/persons/${id}/disable-two-factor-authentication`],
      ['GET', `/data/projects/${id}/budgets`],
      ['POST', `/data/projects/${id}/budgets`],
      ['PUT', `/data/projects/${projectId}/budgets/${id}`],
      ['DELETE', `/data/projects/${projectId}/budgets/${id}`],
      ['POST', `/data/projects/${projectId}/budgets/${id}/entries`],
      ['PUT', `/data/projects/${projectId}/budgets/${id}/entries/${id}`],
      ['GET', `/data/projects/${id}/schedule-items/${id}/sequences?episode_id=${id}`],
      ['GET', `/export/csv/projects/${id}/shots.csv?id=${id}`],
      ['POST', `/import/csv/projects/${id}/casting`],
      ['POST', `/import/csv/projects/${projectId}/casting`],
    );
  }
  return result;
}

function written(): number {
  return countRows(
    server,
    `SELECT (SELECT COUNT(*) FROM budget) + (SELECT COUNT(*) FROM budget_entry)
       + (SELECT COUNT(*) FROM project_asset_type_link) + (SELECT COUNT(*) FROM task)
       + (SELECT COUNT(*) FROM entity) + (SELECT COUNT(*) FROM schedule_item)
       + (SELECT COUNT(*) FROM project) AS n`,
  );
}

describe('bad input on the admin routes', () => {
  it('answers a 4xx in a Kitsu shape, never a 500, and writes nothing when refused', async () => {
    for (const [method, path] of routes()) {
      for (const [body, contentType] of method === 'GET' ? BODIES.slice(0, 1) : BODIES) {
        const before = written();
        const response = await send(server, admin, method, path, body, contentType);
        const where = `${method} ${path} ${String(body)}`;
        expect(response.status, where).toBeLessThan(500);
        if (response.status >= 400) {
          expect(typeof response.body, where).toBe('object');
          expect(typeof response.body.message, where).toBe('string');
          expect(written(), where).toBe(before);
        }
      }
    }
  });
});
