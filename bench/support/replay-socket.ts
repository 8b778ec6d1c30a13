import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { DEV_HOST_IPC_PATH } from '../../src-shared/ipc/dev-host-protocol';

/**
 * The raw bytes of the dev host's answer to one call, read over its own socket with the page's
 * token (main's session is shared by every page of the host, so this is the page's answer).
 */
export async function captureResultBytes(
  devHostUrl: string,
  channel: string,
  input: unknown,
): Promise<Buffer> {
  const page = new URL(devHostUrl);
  const token = new URLSearchParams(page.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${page.host}${DEV_HOST_IPC_PATH}`, { origin: page.origin });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('close', (code) => reject(new Error(`The dev host closed the socket (${code})`)));
      socket.once('open', () => socket.send(JSON.stringify({ type: 'hello', token })));
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { type: string; id?: number };
        if (message.type === 'ready') {
          socket.send(JSON.stringify({ type: 'call', id: 1, channel, input }));
        } else if (message.type === 'result' && message.id === 1) {
          resolve(data);
        }
      });
    });
  } finally {
    socket.terminate();
  }
}

export interface ReplaySocketServer {
  url: string;
  close(): Promise<void>;
}

/** A plain WebSocket server that answers every message with `bytes`, as a text frame. */
export async function startReplaySocketServer(bytes: Buffer): Promise<ReplaySocketServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.on('connection', (socket) => {
    socket.on('message', () => socket.send(bytes, { binary: false }));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
