import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveState } from '../../src-shared/live';
import { signToken } from '../../src-server/auth/jwt';
import { call } from '../../src-server/test-support/http-client';
import {
  createPerson,
  expiredTokenFor,
  startTestServer,
  type TestServer,
} from '../../src-server/test-support/test-server';
import type { AppError } from '../kitsu/app-error';
import { KitsuClient, type KitsuTokens } from '../kitsu/kitsu-client';
import { LIVE_TABLES } from './event-tables';
import { LiveService } from './live-service';
import { proxyTo, type CuttableProxy } from './test-support/cuttable-proxy';

interface Push {
  tables: string[];
  taskIds?: string[];
}

let server: TestServer;
let proxy: CuttableProxy;
/** The test server's API, reached through the proxy that can cut the network. */
let apiUrl: string;
const running: LiveService[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await proxyTo(server.baseUrl);
  apiUrl = `${proxy.origin}/api`;
});
afterEach(() => {
  for (const live of running.splice(0)) live.stop();
  proxy.goOnline();
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

/** A person's client as after a login, counting refreshes and a lost session. */
async function loggedInClient(tokens?: Partial<KitsuTokens>) {
  const person = await createPerson(server.context, { password: 'live-password' });
  const login = await call('POST', `${apiUrl}/auth/login`, {
    body: { email: person.email, password: 'live-password' },
  });
  expect(login.status).toBe(200);
  const refreshes: KitsuTokens[] = [];
  const authLost: AppError[] = [];
  const client = new KitsuClient({
    apiUrl,
    tokens: {
      accessToken: login.body.access_token,
      refreshToken: login.body.refresh_token,
      ...tokens,
    },
    onTokensChanged: (next) => void refreshes.push({ ...next }),
    onAuthLost: (error) => void authLost.push(error),
    retryBaseMs: 10,
  });
  return { person, client, refreshes, authLost, login: login.body };
}

function follow(client: KitsuClient, coalesceMs = 100) {
  const states: LiveState[] = [];
  const pushes: Push[] = [];
  const live = new LiveService({
    onState: (state) => void states.push(state),
    onChange: (tables, taskIds) => void pushes.push(taskIds ? { tables, taskIds } : { tables }),
    coalesceMs,
    retryBaseMs: 50,
    retryMaxMs: 400,
    connectTimeoutMs: 5_000,
  });
  running.push(live);
  live.start(client);
  return { live, states, pushes };
}

const WAIT = { timeout: 20_000, interval: 20 };

async function connected(live: LiveService): Promise<void> {
  await vi.waitFor(() => expect(live.state.status).toBe('connected'), WAIT);
}

function emit(name: string, data: Record<string, unknown>): void {
  server.context.events.emit({ name, data, projectId: null, userId: null });
}

describe('live updates from the server’s /events', () => {
  it('connects with the session’s token and pushes the table and task an event names', async () => {
    const { client } = await loggedInClient();
    const { live, states, pushes } = follow(client);
    expect(states[0]).toEqual({ status: 'connecting', detail: null });
    await connected(live);
    const taskId = randomUUID();
    emit('comment:new', {
      comment_id: randomUUID(),
      task_id: taskId,
      task_status_id: randomUUID(),
    });
    await vi.waitFor(
      () => expect(pushes).toEqual([{ tables: ['comment'], taskIds: [taskId] }]),
      WAIT,
    );
  });

  it('coalesces a burst of events into one push, merged', async () => {
    const { client } = await loggedInClient();
    const { live, pushes } = follow(client, 1_000);
    await connected(live);
    const taskIds = Array.from({ length: 500 }, () => randomUUID());
    for (const taskId of taskIds) {
      emit('task:new', { task_id: taskId });
      emit('task:assign', { task_id: taskId, person_id: randomUUID() });
      emit('comment:new', { comment_id: randomUUID(), task_id: taskId });
    }
    emit('asset:update', { asset_id: randomUUID() }); // not a table of the artist's views
    await vi.waitFor(() => expect(pushes.length).toBeGreaterThan(0), WAIT);
    const merged = () => new Set(pushes.flatMap((push) => push.taskIds ?? []));
    await vi.waitFor(() => expect(merged().size).toBe(taskIds.length), WAIT);
    // 1,500 events, one window (a slow machine may split the burst over a second window).
    expect(pushes.length).toBeLessThanOrEqual(2);
    expect(new Set(pushes.flatMap((push) => push.tables))).toEqual(new Set(['task', 'comment']));
  });

  it('after the connection drops, reconnects and pushes every table once', async () => {
    const { client } = await loggedInClient();
    const { live, states, pushes } = follow(client);
    await connected(live);
    states.length = 0;
    proxy.cut();
    await vi.waitFor(
      () => expect(states.map((state) => state.status)).toContain('connected'),
      WAIT,
    );
    expect(states[0]).toMatchObject({
      status: 'connecting',
      detail: expect.stringMatching(/dropped/),
    });
    await vi.waitFor(() => expect(pushes).toEqual([{ tables: [...LIVE_TABLES] }]), WAIT);
  });

  it('says it is offline while the server cannot be reached, and resumes', async () => {
    const { client } = await loggedInClient();
    const { live, pushes } = follow(client);
    await connected(live);
    proxy.goOffline();
    await vi.waitFor(
      () =>
        expect(live.state).toEqual({
          status: 'disconnected',
          detail: expect.stringMatching(/^Cannot reach http:\/\/127\.0\.0\.1:\d+ for live updates/),
        }),
      WAIT,
    );
    proxy.goOnline();
    await connected(live);
    await vi.waitFor(() => expect(pushes).toEqual([{ tables: [...LIVE_TABLES] }]), WAIT);
  });

  it('renews an expired access token once when refused, and connects with the new one', async () => {
    const person = await createPerson(server.context);
    const expired = expiredTokenFor(server.context, person.id);
    const refresh = signToken(server.context.jwtSecret, {
      sub: person.id,
      type: 'refresh',
      identityType: 'person',
      ttlSeconds: 3600,
    }).token;
    const { client, refreshes, authLost } = await loggedInClient({
      accessToken: expired,
      refreshToken: refresh,
    });
    const { live } = follow(client);
    await connected(live);
    expect(refreshes).toHaveLength(1);
    expect(client.accessToken).not.toBe(expired);
    expect(authLost).toEqual([]);
  });

  it('reconnects with the token the client refreshed meanwhile', async () => {
    const { client, refreshes, login } = await loggedInClient();
    const { live, pushes } = follow(client);
    await connected(live);
    await client.refreshAccessToken();
    // The token the connection was opened with is revoked: only the new one still works.
    await revokeAccessOnly(login.access_token);
    proxy.cut();
    await vi.waitFor(() => expect(pushes).toEqual([{ tables: [...LIVE_TABLES] }]), WAIT);
    expect(live.state.status).toBe('connected');
    // Connected without being refused: no second refresh was needed.
    expect(refreshes).toHaveLength(1);
  });

  it('does not stay connected without a valid token, and says why', async () => {
    const { client, authLost, login } = await loggedInClient();
    // Logging out revokes the access token and its refresh token.
    expect((await call('GET', `${apiUrl}/auth/logout`, { token: login.access_token })).status).toBe(
      200,
    );
    const { live, states } = follow(client);
    await vi.waitFor(
      () =>
        expect(live.state).toEqual({
          status: 'disconnected',
          detail: expect.stringMatching(/Log in again/),
        }),
      WAIT,
    );
    expect(states.map((state) => state.status)).not.toContain('connected');
    expect(authLost).toHaveLength(1);
  });

  it('stops: no connection, no pushes, state disconnected', async () => {
    const { client } = await loggedInClient();
    const stopped = follow(client);
    const witness = follow((await loggedInClient()).client);
    await connected(stopped.live);
    await connected(witness.live);
    stopped.live.stop();
    expect(stopped.live.state).toEqual({ status: 'disconnected', detail: null });
    expect(stopped.states.at(-1)).toEqual({ status: 'disconnected', detail: null });
    const taskId = randomUUID();
    emit('task:update', { task_id: taskId });
    await vi.waitFor(
      () => expect(witness.pushes).toEqual([{ tables: ['task'], taskIds: [taskId] }]),
      WAIT,
    );
    expect(stopped.pushes).toEqual([]);
  });
});

/** Revokes an access token, keeping its refresh token: a token minted on the same jti is logged out. */
async function revokeAccessOnly(accessToken: string): Promise<void> {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    jti: string;
  };
  const twin = signToken(server.context.jwtSecret, {
    sub: claims.sub,
    type: 'access',
    identityType: 'person',
    ttlSeconds: 3600,
    jti: claims.jti,
  }).token;
  expect((await call('GET', `${apiUrl}/auth/logout`, { token: twin })).status).toBe(200);
}
