import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ACCESS_COOKIE } from '../auth/authenticate';
import {
  accessToken,
  addPerson,
  addProject,
  bearer,
  connected,
  delay,
  eventsClient,
  nextEvent,
  refused,
  startStreamServer,
  type ClientOptions,
  type StreamFixture,
} from './stream-test-fixture';

let fixture: StreamFixture;
let personId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  fixture = await startStreamServer();
  personId = addPerson(fixture.db, 'user');
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(() => fixture.close());

function client(options: ClientOptions = {}): Socket {
  const socket = eventsClient(fixture.origin, options);
  sockets.push(socket);
  return socket;
}

function emitTaskNew(taskId: string, projectId: string | null = null): void {
  fixture.context.events.emit({
    name: 'Task:New',
    data: { task_id: taskId },
    projectId,
    userId: personId,
  });
}

describe('the /events socket.io namespace', () => {
  it('sends every bus event by name with its payload, project_id added, no event id', async () => {
    const socket = await connected(client(bearer(accessToken(fixture.context, personId))));
    const received = nextEvent(socket, 'task:new');
    const projectId = addProject(fixture.db, [personId]);
    emitTaskNew('5a2b3c4d-0000-4000-8000-0000000000aa', projectId);
    expect(await received).toEqual([
      { task_id: '5a2b3c4d-0000-4000-8000-0000000000aa', project_id: projectId },
    ]);
  });

  it('sends events that are not persisted too, to every connected client', async () => {
    const token = accessToken(fixture.context, personId);
    const first = await connected(client(bearer(token)));
    const second = await connected(client({ ...bearer(token), transports: ['websocket'] }));
    const events = [nextEvent(first, 'notification:new'), nextEvent(second, 'notification:new')];
    fixture.context.events.emit(
      { name: 'notification:new', data: { notification_id: 'n1' }, projectId: null, userId: null },
      { persist: false },
    );
    expect(await Promise.all(events)).toEqual([
      [{ notification_id: 'n1' }],
      [{ notification_id: 'n1' }],
    ]);
  });

  it('accepts the access cookie, and auth.token for browser clients', async () => {
    const token = accessToken(fixture.context, personId);
    await connected(client({ extraHeaders: { Cookie: `${ACCESS_COOKIE}=${token}` } }));
    await connected(client({ auth: { token } }));
  });

  it('refuses a missing, garbage, expired, refresh or revoked token with connect_error', async () => {
    const revokedToken = accessToken(fixture.context, personId);
    const jti = JSON.parse(Buffer.from(revokedToken.split('.')[1]!, 'base64url').toString()).jti;
    fixture.db
      .prepare('INSERT INTO revoked_token (jti, expires_at) VALUES (?, ?)')
      .run(jti, '2999-01-01T00:00:00');
    const expired = accessToken(fixture.context, personId, {
      now: Math.floor(Date.now() / 1000) - 7200,
      ttlSeconds: 60,
    });
    const attempts: ClientOptions[] = [
      {},
      bearer('garbage'),
      { extraHeaders: { Authorization: 'Token abc' } },
      bearer(expired),
      bearer(accessToken(fixture.context, personId, { type: 'refresh' })),
      bearer(revokedToken),
      { auth: { token: 'garbage' } },
    ];
    const refusedSockets = attempts.map((options) => client(options));
    const errors = await Promise.all(refusedSockets.map(refused));
    for (const error of errors) expect(error.message).toBe('Connection rejected by server');

    const received: unknown[] = [];
    for (const socket of refusedSockets) socket.onAny((...args) => received.push(args));
    emitTaskNew('5a2b3c4d-0000-4000-8000-0000000000bb');
    await delay(200);
    expect(received).toEqual([]);
    expect(refusedSockets.every((socket) => !socket.connected)).toBe(true);
  });

  it('refuses a deactivated or unknown person', async () => {
    const inactive = addPerson(fixture.db, 'user', { active: false });
    const inactiveError = await refused(client(bearer(accessToken(fixture.context, inactive))));
    expect(inactiveError.message).toBe('Connection rejected by server');
    const ghost = accessToken(fixture.context, '5a2b3c4d-0000-4000-8000-0000000000cc');
    expect((await refused(client(bearer(ghost)))).message).toBe('Connection rejected by server');
  });

  it('answers the Engine.IO 4 handshake at /socket.io', async () => {
    const response = await fetch(`${fixture.origin}/socket.io/?EIO=4&transport=polling`);
    expect(response.status).toBe(200);
    const body = await response.text();
    const open = JSON.parse(body.slice(1)) as Record<string, unknown>;
    expect(body[0]).toBe('0');
    expect(open).toMatchObject({ pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 });
  });
});
