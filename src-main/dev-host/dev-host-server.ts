import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  DEV_HOST_IPC_PATH,
  DEV_HOST_REFUSED,
  DEV_HOST_STAGE_PATH,
  DEV_HOST_TOKEN_HEADER,
  devHostClientMessageSchema,
  type DevHostServerMessage,
} from '../../src-shared/ipc/dev-host-protocol';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventHub } from '../ipc/event-hub';
import type { MediaAddress } from '../../src-shared/media';
import { createFileStaging, type FileStagingOptions } from './file-staging';
import type { MediaSource } from '../media/media-service';
import { mediaAddress, serveMedia } from './media-route';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface DevHostOptions {
  /** 0 picks a free port. */
  port: number;
  dispatch: Dispatch;
  events: EventHub;
  /** Serves the renderer, once the HTTP server exists (Vite's HMR shares it). */
  renderer: (server: Server) => Promise<{ handle: RequestHandler; close(): Promise<void> }>;
  /** Fixed token for tests; random per launch otherwise. */
  token?: string;
  /** Where files the page uploads (it has no paths) are kept and granted to main. */
  staging?: FileStagingOptions;
  /** Preview media under `/media/…`; `onMediaAddress` hears where, once the port is known. */
  media?: MediaSource;
  onMediaAddress?(address: MediaAddress): void;
}

export interface DevHost {
  port: number;
  token: string;
  /** `http://127.0.0.1:PORT/#token=…` */
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Main's handler map over a loopback WebSocket, for running the renderer in plain Chromium:
 * only pages this host served (Origin and Host checked) and that know the per-launch token
 * (sent as the first message) get to call anything.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let handle: RequestHandler = (_request, response) => response.writeHead(503).end();
  const staging = options.staging ? createFileStaging(options.staging) : null;
  const server = createServer((request, response) => {
    if (!hostAllowed(request, port())) {
      response.writeHead(403).end('Forbidden host');
      return;
    }
    if (staging && new URL(request.url ?? '/', 'http://x').pathname === DEV_HOST_STAGE_PATH) {
      // The same guards as the socket: our own pages (Origin) that know the token.
      const given = request.headers[DEV_HOST_TOKEN_HEADER];
      if (
        !originAllowed(request, port()) ||
        typeof given !== 'string' ||
        !sameToken(given, token)
      ) {
        response
          .writeHead(403, { 'Content-Type': 'application/json', Connection: 'close' })
          .end(JSON.stringify({ error: { code: 'forbidden', message: 'Unknown page or token.' } }));
        return;
      }
      void staging.receive(request, response);
      return;
    }
    if (options.media && serveMedia(request, response, token, options.media)) return;
    handle(request, response);
  });
  const port = () => (server.address() as AddressInfo).port;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path !== DEV_HOST_IPC_PATH) return; // Vite's HMR socket, when it is there
    if (!hostAllowed(request, port()) || !originAllowed(request, port())) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, token, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const renderer = await options.renderer(server);
  handle = renderer.handle;
  options.onMediaAddress?.(mediaAddress(`http://${HOST}:${port()}`, token));

  return {
    port: port(),
    token,
    url: `http://${HOST}:${port()}/#token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await renderer.close();
      await staging?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, token: string, options: DevHostOptions): void {
  let unsubscribe: (() => void) | null = null;
  const send = (message: DevHostServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const refuse = (message: string) => {
    send({ type: 'refused', message });
    ws.close(DEV_HOST_REFUSED, 'refused');
  };
  ws.on('close', () => unsubscribe?.());
  ws.on('message', (data) => {
    let message;
    try {
      message = devHostClientMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      refuse('Malformed message.');
      return;
    }
    if (!unsubscribe) {
      if (message.type !== 'hello' || !sameToken(message.token, token)) {
        refuse('Wrong token: open the address the dev host printed.');
        return;
      }
      unsubscribe = options.events.subscribe((event, payload) =>
        send({ type: 'event', event, payload }),
      );
      send({ type: 'ready' });
      return;
    }
    if (message.type !== 'call') return;
    const { id, channel, input } = message;
    void options.dispatch(channel, input).then((result) => send({ type: 'result', id, result }));
  });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Guards against DNS rebinding: only our loopback names, on our port. */
function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}
