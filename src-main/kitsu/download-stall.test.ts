import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KitsuClient } from './kitsu-client';

// A real HTTP server sends a file's first bytes and then either stops or keeps trickling.
let server: Server | null = null;
const open: ServerResponse[] = [];

afterEach(async () => {
  for (const response of open.splice(0)) response.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(send: (response: ServerResponse) => void): Promise<KitsuClient> {
  server = createServer((_request, response) => {
    open.push(response);
    response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    send(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new KitsuClient({
    apiUrl: `http://127.0.0.1:${port}/api`,
    tokens: { accessToken: 'access', refreshToken: null },
    timeoutMs: 300,
  });
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a download', () => {
  it('that stalls mid-file fails and says so', async () => {
    const client = await serve((response) => response.write(Buffer.alloc(1024, 1)));
    const response = await client.download('/pictures/originals/preview-files/p.mp4');
    await expect(response.arrayBuffer()).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringMatching(/^The download stopped: nothing came for/),
    });
  });

  it('that keeps coming may take longer than the answer’s timeout', async () => {
    const client = await serve(async (response) => {
      for (let part = 0; part < 8; part += 1) {
        response.write(Buffer.alloc(100, part));
        await tick(100);
      }
      response.end();
    });
    const response = await client.download('/pictures/originals/preview-files/p.mp4');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(800);
    expect(bytes[799]).toBe(7);
  });
});
