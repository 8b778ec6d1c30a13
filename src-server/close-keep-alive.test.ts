import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startTestServer } from './test-support/test-server';

// A keep-alive connection whose request was still arriving when the server began to close
// goes idle only afterwards: closing must not wait for the client to hang up.
it('closes while a keep-alive client is in the middle of a request', async () => {
  const server = await startTestServer();
  const { port } = new URL(server.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'wrong' });
  socket.write(
    [
      'POST /api/auth/login HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Connection: keep-alive',
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      '',
      body.slice(0, 10),
    ].join('\r\n'),
  );
  const answered = new Promise<string>((resolve) => socket.once('data', (d) => resolve(String(d))));
  await new Promise((resolve) => setTimeout(resolve, 100));

  const closed = server.close();
  socket.write(body.slice(10));
  expect(await answered).toMatch(/^HTTP\/1\.1 \d{3}/);
  await closed;
  socket.destroy();
}, 15_000);
