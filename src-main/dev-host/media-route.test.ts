import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaAddress } from '../../src-shared/media';
import { EventHub } from '../ipc/event-hub';
import type { MediaSource } from '../media/media-service';
import { startDevHost, type DevHost } from './dev-host-server';

// The dev host's media route: only URLs with the launch's media key reach main's media
// service, and its answers (status, headers, bytes) go out as they are.

let host: DevHost;
let address: MediaAddress | null = null;
const asked: { path: string; range: string | null | undefined }[] = [];

const media: MediaSource = {
  answer: async (path, range) => {
    asked.push({ path, range });
    return {
      status: 206,
      headers: { 'Content-Type': 'video/mp4', 'Content-Range': 'bytes 0-3/10' },
      body: Readable.from([Buffer.from('abcd')]),
    };
  },
};

beforeAll(async () => {
  host = await startDevHost({
    port: 0,
    events: new EventHub(),
    dispatch: async () => ({ ok: true, value: null }),
    renderer: async () => ({
      handle: (_request, response) => response.end('renderer'),
      close: async () => undefined,
    }),
    media,
    onMediaAddress: (told) => (address = told),
  });
});
afterAll(() => host.close());

describe('the dev host media route', () => {
  it('tells main its address, with a key that is not the launch token', () => {
    expect(address?.prefix).toBe(`http://127.0.0.1:${host.port}/media`);
    expect(address?.query).toMatch(/^\?k=[\w-]{20,}$/);
    expect(address?.query).not.toContain(host.token);
  });

  it('passes a keyed request and its range to the media service', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const response = await fetch(`${address!.prefix}/movie/${id}${address!.query}`, {
      headers: { Range: 'bytes=0-3' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-3/10');
    expect(await response.text()).toBe('abcd');
    expect(asked.at(-1)).toEqual({ path: `/movie/${id}`, range: 'bytes=0-3' });
  });

  it('refuses a request without the key, or with the launch token instead', async () => {
    const count = asked.length;
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await fetch(`${address!.prefix}/movie/${id}`)).status).toBe(403);
    expect((await fetch(`${address!.prefix}/movie/${id}?k=${host.token}`)).status).toBe(403);
    const post = await fetch(`${address!.prefix}/movie/${id}${address!.query}`, { method: 'POST' });
    expect(post.status).toBe(403);
    expect(asked).toHaveLength(count);
  });
});
