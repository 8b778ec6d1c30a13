import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEV_HOST_REFUSED } from '../../src-shared/ipc/dev-host-protocol';
import { EventHub } from '../ipc/event-hub';
import { startDevHost, type DevHost } from './dev-host-server';

let host: DevHost;
const events = new EventHub();

beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    events,
    dispatch: async (channel, input) => ({ ok: true, value: { channel, input } }),
    renderer: async () => ({
      handle: (_request, response) => response.end('renderer'),
      close: async () => undefined,
    }),
  });
});
afterAll(() => host.close());

function open(origin: string, host_ = `127.0.0.1:${host.port}`) {
  return new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, {
    headers: { Origin: origin, Host: host_ },
  });
}

const ownOrigin = () => `http://127.0.0.1:${host.port}`;

function messages(socket: WebSocket): Promise<unknown>[] {
  const queue: Promise<unknown>[] = [];
  let resolveNext: ((value: unknown) => void) | null = null;
  queue.push(new Promise((resolve) => (resolveNext = resolve)));
  socket.on('message', (data) => {
    const resolve = resolveNext!;
    queue.push(new Promise((next) => (resolveNext = next)));
    resolve(JSON.parse(String(data)));
  });
  return queue;
}

describe('dev host', () => {
  it('prints an address with the per-launch token in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves calls and events once the right token is sent', async () => {
    const socket = open(ownOrigin());
    const inbox = messages(socket);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'hello', token: host.token }));
    expect(await inbox[0]).toEqual({ type: 'ready' });
    socket.send(JSON.stringify({ type: 'call', id: 7, channel: 'app:info', input: {} }));
    expect(await inbox[1]).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { channel: 'app:info', input: {} } },
    });
    events.emit('cache:changed', { tables: ['task'] });
    expect(await inbox[2]).toEqual({
      type: 'event',
      event: 'cache:changed',
      payload: { tables: ['task'] },
    });
    socket.close();
  });

  it('refuses a wrong token, and a call before the token', async () => {
    for (const first of [
      { type: 'hello', token: 'not-the-token' },
      { type: 'call', id: 1, channel: 'app:info', input: {} },
    ]) {
      const socket = open(ownOrigin());
      const inbox = messages(socket);
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify(first));
      expect(await inbox[0]).toMatchObject({ type: 'refused' });
      const code = await new Promise((resolve) => socket.once('close', resolve));
      expect(code).toBe(DEV_HOST_REFUSED);
    }
  });

  it('refuses a foreign Origin or Host before the socket opens', async () => {
    for (const socket of [
      open('http://evil.example'),
      open(`http://127.0.0.1:${host.port + 1}`),
      open(ownOrigin(), `evil.example:${host.port}`),
    ]) {
      const status = await new Promise((resolve) =>
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode)),
      );
      expect(status).toBe(403);
    }
    // A page of another site whose name was rebound to 127.0.0.1 sends its own Host.
    const status = await new Promise((resolve, reject) =>
      request(
        { host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'rebound.example' } },
        (response) => resolve(response.statusCode),
      )
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(403);
  });
});
