import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenFor,
  createPerson,
  startTestServer,
  type TestServer,
} from './test-support/test-server';
import { tableCounts } from './test-support/bad-input-kit';

// The bad-input matrix: every kind of malformed request against every route family answers a
// 4xx in one of Kitsu's error shapes — never a 500 — and writes nothing.

let server: TestServer;
let adminToken: string;
let artistToken: string;
let projectId: string;

const SQLISH = "Robert'); DROP TABLE project;--";
const UNICODE = 'Ünïcødé 名前 🎬 Ñandú';

beforeAll(async () => {
  server = await startTestServer();
  const admin = await createPerson(server.context, {
    role: 'admin',
    email: 'root@example.com',
    password: 'secret-pass-1',
  });
  const artist = await createPerson(server.context, {
    role: 'user',
    email: 'artist@example.com',
    password: 'secret-pass-2',
  });
  adminToken = accessTokenFor(server.context, admin.id);
  artistToken = accessTokenFor(server.context, artist.id);
  const created = await call('POST', '/data/projects', {
    token: adminToken,
    json: { name: 'Matrix' },
  });
  expect(created.status).toBe(201);
  projectId = created.body.id;
});
afterAll(() => server.close());

interface Sent {
  token?: string;
  json?: unknown;
  raw?: string;
  contentType?: string;
}

async function call(
  method: string,
  path: string,
  sent: Sent = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (sent.token) headers.authorization = `Bearer ${sent.token}`;
  let body: string | undefined;
  if (sent.json !== undefined) {
    body = JSON.stringify(sent.json);
    headers['content-type'] = 'application/json';
  } else if (sent.raw !== undefined) {
    body = sent.raw;
    headers['content-type'] = sent.contentType ?? 'application/json';
  }
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? '' : JSON.parse(text);
  } catch {
    // keep the text: the assertion below reports it
  }
  return { status: response.status, body: parsed };
}

/** Row counts of every table: a refused request must leave them all unchanged. */

function expectKitsuError(result: { status: number; body: any }): void {
  expect(result.status, JSON.stringify(result.body)).toBeGreaterThanOrEqual(400);
  expect(result.status, JSON.stringify(result.body)).toBeLessThan(500);
  expect(typeof result.body).toBe('object');
  const keys = Object.keys(result.body);
  expect(keys.some((key) => ['message', 'msg', 'login', 'error'].includes(key))).toBe(true);
}

const oversized = JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) });

interface Case {
  kind: string;
  method: string;
  path: () => string;
  sent: () => Sent;
}

function families(): Case[] {
  const admin = adminToken;
  const bodies: [string, () => Sent][] = [
    [
      'wrong JSON types',
      () => ({
        token: admin,
        json: {
          name: { x: 1 },
          nb_episodes: 'many',
          email: ['a'],
          password: { x: 1 },
          task_status_id: 7,
        },
      }),
    ],
    ['missing fields', () => ({ token: admin, json: {} })],
    ['a JSON array instead of an object', () => ({ token: admin, json: [1, 2, 3] })],
    ['JSON null', () => ({ token: admin, raw: 'null' })],
    ['invalid JSON', () => ({ token: admin, raw: '{"name": ' })],
    ['a non-JSON body', () => ({ token: admin, raw: 'name=<xml/>', contentType: 'text/plain' })],
    [
      'an XML body',
      () => ({ token: admin, raw: '<project name="x"/>', contentType: 'application/xml' }),
    ],
    ['an oversized body', () => ({ token: admin, raw: oversized })],
  ];
  const writeRoutes: [string, string, () => string][] = [
    ['auth login', 'POST', () => '/auth/login'],
    ['auth change-password', 'POST', () => '/auth/change-password'],
    ['auth reset-password', 'PUT', () => '/auth/reset-password'],
    ['crud create project', 'POST', () => '/data/projects'],
    ['crud create person', 'POST', () => '/data/persons'],
    ['crud create task', 'POST', () => '/data/tasks'],
    ['crud update project', 'PUT', () => `/data/projects/${projectId}`],
  ];
  const cases: Case[] = [];
  for (const [route, method, path] of writeRoutes) {
    for (const [kind, sent] of bodies) {
      // Updates ignore missing fields by design (partial PUT): nothing to refuse there.
      if (method === 'PUT' && route.startsWith('crud') && kind === 'missing fields') continue;
      cases.push({ kind: `${route}: ${kind}`, method, path, sent });
    }
  }
  const malformedIds = [
    'not-a-uuid',
    "1' OR '1'='1",
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '12345678-1234-1234-1234-12345678901Z',
  ];
  for (const id of malformedIds) {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      cases.push({
        kind: `crud ${method} malformed id ${id}`,
        method,
        path: () => `/data/projects/${id}`,
        sent: () => (method === 'PUT' ? { token: admin, json: { name: 'y' } } : { token: admin }),
      });
    }
  }
  const badFilters = [
    'project_status_id=not-a-uuid',
    'is_clients_isolated=maybe',
    'team=[not json',
    'nb_episodes=many',
  ];
  for (const query of badFilters) {
    cases.push({
      kind: `crud list filter ${query}`,
      method: 'GET',
      path: () => `/data/projects?${query}`,
      sent: () => ({ token: admin }),
    });
  }
  cases.push({
    kind: 'crud create with an unknown key',
    method: 'POST',
    path: () => '/data/projects',
    sent: () => ({ token: admin, json: { name: 'Unknown key', nope: 1 } }),
  });
  cases.push({
    kind: 'crud create with a bad date',
    method: 'POST',
    path: () => '/data/projects',
    sent: () => ({ token: admin, json: { name: 'Bad date', start_date: 'next tuesday' } }),
  });
  cases.push({
    kind: 'crud create with a bad choice',
    method: 'POST',
    path: () => '/data/persons',
    sent: () => ({
      token: admin,
      json: { first_name: 'A', last_name: 'B', email: 'ab@example.com', role: 'emperor' },
    }),
  });
  cases.push({
    kind: 'crud create without permission',
    method: 'POST',
    path: () => '/data/projects',
    sent: () => ({ token: artistToken, json: { name: 'Not mine' } }),
  });
  cases.push({
    kind: 'events/last with a bad date',
    method: 'GET',
    path: () => '/data/events/last?after=yesterday',
    sent: () => ({ token: admin }),
  });
  cases.push({
    kind: 'a garbage token',
    method: 'GET',
    path: () => '/data/projects',
    sent: () => ({ token: 'a.b.c' }),
  });
  return cases;
}

describe('bad input never gives a 500 nor a partial write', () => {
  it('answers every malformed request with a Kitsu 4xx and leaves every table unchanged', async () => {
    const failures: string[] = [];
    for (const testCase of families()) {
      const before = tableCounts(server, ['login_log']);
      const result = await call(testCase.method, testCase.path(), testCase.sent());
      try {
        expectKitsuError(result);
        expect(tableCounts(server, ['login_log'])).toEqual(before);
      } catch (error) {
        failures.push(
          `${testCase.kind} → ${result.status} ${JSON.stringify(result.body).slice(0, 200)}: ${(error as Error).message.split('\n')[0]}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives the exact Zou bodies for the common cases', async () => {
    expect(await call('GET', '/data/projects/not-a-uuid', { token: adminToken })).toEqual({
      status: 400,
      body: { error: true, message: 'Malformed ID.', data: null },
    });
    expect(
      await call('POST', '/data/projects', { token: adminToken, json: { name: 'K', nope: 1 } }),
    ).toEqual({
      status: 400,
      body: { message: "'nope' is an invalid keyword argument for Project" },
    });
    expect(
      await call('GET', '/data/projects?is_clients_isolated=maybe', { token: adminToken }),
    ).toMatchObject({
      status: 400,
      body: { message: 'Invalid boolean value: maybe' },
    });
    const login = await call('POST', '/auth/login', { json: {} });
    expect(login.status).toBe(400);
    expect(login.body).toMatchObject({ message: 'Validation error.' });
    expect(login.body.data.errors[0]).toMatchObject({ field: 'email' });
    const empty = await call('POST', '/data/projects', { token: adminToken, raw: '' });
    expect(empty).toEqual({
      status: 400,
      body: {
        error: true,
        message:
          'Data are empty. Please verify that you sent JSON data and that you set the right headers.',
        data: null,
      },
    });
    const big = await call('POST', '/data/projects', { token: adminToken, raw: oversized });
    expect(big.status).toBe(413);
  });

  it('stores SQL-looking and unicode names verbatim and filters on them safely', async () => {
    for (const name of [SQLISH, UNICODE]) {
      const created = await call('POST', '/data/projects', { token: adminToken, json: { name } });
      expect(created.status).toBe(201);
      expect(created.body.name).toBe(name);
      const read = await call('GET', `/data/projects/${created.body.id}`, { token: adminToken });
      expect(read.body.name).toBe(name);
    }
    const byName = await call('GET', `/data/projects?name=${encodeURIComponent(SQLISH)}`, {
      token: adminToken,
    });
    expect(byName.body.map((project: any) => project.name)).toEqual([SQLISH]);
    const injection = await call(
      'GET',
      `/data/projects?name=${encodeURIComponent("' OR 1=1 --")}`,
      { token: adminToken },
    );
    expect(injection).toEqual({ status: 200, body: [] });
    const caseless = await call('GET', `/data/projects?name=${encodeURIComponent('ÜNÏCØDÉ%')}`, {
      token: adminToken,
    });
    expect(caseless.body.map((project: any) => project.name)).toEqual([UNICODE]);
    const projects = await call('GET', '/data/projects', { token: adminToken });
    expect(projects.body.length).toBe(3);
  });
});
