import { describe, expect, it, vi } from 'vitest';
import { KitsuClient } from './kitsu-client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function client(fetchImpl: typeof fetch, onAuthLost = vi.fn()) {
  return new KitsuClient({
    apiUrl: 'http://kitsu.test/api',
    tokens: { accessToken: 'access', refreshToken: 'refresh' },
    fetch: fetchImpl,
    retryBaseMs: 1,
    onAuthLost,
  });
}

describe('KitsuClient', () => {
  it('retries reads on network failures, then answers', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(json(503, { message: 'busy' }))
      .mockResolvedValueOnce(json(200, [1, 2]));
    expect(await client(fetchImpl).get('/data/user/tasks')).toEqual([1, 2]);
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    expect(fetchImpl.mock.calls[0]![1]!.headers).toMatchObject({ Authorization: 'Bearer access' });
  });

  it('never retries a write, and reports the server as unreachable', async () => {
    const fetchImpl = vi.fn<typeof fetch>().mockRejectedValue(new TypeError('fetch failed'));
    await expect(client(fetchImpl).post('/actions/x', {})).rejects.toMatchObject({
      code: 'offline',
    });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('maps HTTP failures to stable codes', async () => {
    const cases: [number, string][] = [
      [403, 'forbidden'],
      [404, 'not-found'],
      [400, 'invalid-input'],
      [409, 'conflict'],
      [500, 'server-error'],
    ];
    for (const [status, code] of cases) {
      const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(json(status, { message: 'm' }));
      await expect(client(fetchImpl).put('/data/x', {})).rejects.toMatchObject({ code, status });
    }
  });

  it('refreshes only on the exact expired-signature answer, once, then retries', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json(401, { error: true, message: 'Signature has expired' }))
      .mockResolvedValueOnce(json(200, { access_token: 'fresh' }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    expect(await client(fetchImpl).get('/data/user/context')).toEqual({ ok: true });
    expect(String(fetchImpl.mock.calls[1]![0])).toBe('http://kitsu.test/api/auth/refresh-token');
    expect(fetchImpl.mock.calls[1]![1]!.headers).toMatchObject({ Authorization: 'Bearer refresh' });
    expect(fetchImpl.mock.calls[2]![1]!.headers).toMatchObject({ Authorization: 'Bearer fresh' });
  });

  it('ends the session on a revoked token without trying to refresh', async () => {
    const onAuthLost = vi.fn();
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValue(json(401, { msg: 'Token has been revoked' }));
    await expect(client(fetchImpl, onAuthLost).get('/data/x')).rejects.toMatchObject({
      code: 'auth-expired',
    });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(onAuthLost).toHaveBeenCalledOnce();
  });

  it('downloads bytes, refreshing an expired token once like any request', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json(401, { msg: 'Signature has expired' }))
      .mockResolvedValueOnce(json(200, { access_token: 'fresh' }))
      .mockResolvedValueOnce(new Response(bytes, { status: 200 }));
    const response = await client(fetchImpl).download('/data/attachment-files/a/file/x.bin');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(fetchImpl.mock.calls[2]![1]!.headers).toMatchObject({ Authorization: 'Bearer fresh' });
  });

  it('turns a failed download into an AppError with the server’s words', async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValue(json(404, { message: 'Attachment file not found' }));
    await expect(
      client(fetchImpl).download('/data/attachment-files/a/file/x'),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('Attachment file not found'),
    });
  });
});
