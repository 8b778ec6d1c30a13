import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';
import { NOT_FOUND_MESSAGE } from './http/errors';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the API root and public status routes', () => {
  it('answers GET /api like Zou, with or without a trailing slash, and HEAD for gazu', async () => {
    for (const path of ['', '/']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ api: 'Zou', version: '0.20.55' });
    }
    const head = await fetch(server.baseUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('serves /config, /status and /status/resources without a token', async () => {
    const config = await (await fetch(`${server.baseUrl}/config`)).json();
    expect(config).toMatchObject({ is_self_hosted: true, enforce_2fa: false, saml_enabled: false });
    const status = await (await fetch(`${server.baseUrl}/status/`)).json();
    expect(status).toMatchObject({ name: 'Zou', 'database-up': true });
    const resources: any = await (await fetch(`${server.baseUrl}/status/resources`)).json();
    expect(resources.cpu.percent.length).toBeGreaterThan(0);
    expect(Object.keys(resources.cpu.loadavg)).toEqual(['last 1 min', 'last 5 min', 'last 10 min']);
    expect(resources.memory.total).toBeGreaterThan(resources.memory.available);
    expect(resources.jobs).toEqual({ running_jobs: 0 });
  });

  it("answers unknown routes with Zou's 404 body, before asking for a token", async () => {
    const response = await fetch(`${server.baseUrl}/no/such/route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: true, message: NOT_FOUND_MESSAGE });
  });

  it('refuses a token-protected route without a token with the JWT library body', async () => {
    const response = await fetch(`${server.baseUrl}/auth/authenticated`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      msg: 'Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; Missing Authorization Header)',
    });
  });
});
