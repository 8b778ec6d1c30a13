import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ACCESS_COOKIE, authenticate } from '../auth/authenticate';
import type { PersonRow } from '../auth/person-row';
import type { ServerContext } from '../context';
import { parseCookies } from '../http/cookies';
import { registerPreviewRooms } from './preview-rooms';

export const EVENT_STREAM_PATH = '/socket.io';
export const EVENTS_NAMESPACE = '/events';

/** What python-socketio answers (CONNECT_ERROR) when a connect handler refuses. */
const REFUSED_MESSAGE = 'Connection rejected by server';

export interface StreamSocketData {
  person: PersonRow;
}

export interface EventStream {
  /** Disconnects every client and stops relaying; the HTTP server is left to its owner. */
  close(): Promise<void>;
}

/**
 * Zou's event stream (`zou/event_stream.py`) on our own HTTP server: socket.io at
 * `/socket.io`, namespace `/events`, a JWT checked at the handshake, and every event of the
 * bus broadcast to every client under its name with its payload.
 */
export function attachEventStream(httpServer: HttpServer, context: ServerContext): EventStream {
  // python-engineio's defaults (ping 25 s / 20 s, 1 MB messages) are socket.io v4's too.
  const io = new Server(httpServer, { path: EVENT_STREAM_PATH, serveClient: false });
  const events = io.of(EVENTS_NAMESPACE);
  let closed = false;

  events.use((socket: Socket, next) => {
    if (closed) return next(new Error(REFUSED_MESSAGE));
    try {
      const headers = handshakeHeaders(socket);
      // The socket path is outside the 2FA-setup allow-list: restricted tokens are refused.
      const auth = authenticate(context, { headers }, 'access', EVENT_STREAM_PATH);
      (socket.data as StreamSocketData).person = auth.person;
      next();
    } catch {
      next(new Error(REFUSED_MESSAGE));
    }
  });
  registerPreviewRooms(events, context);

  const unsubscribe = context.events.subscribe((event) => {
    events.emit(event.name, event.data);
  });

  return {
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      // Like io.close(), which would also close the HTTP server that Fastify owns: dropping
      // the connections (no disconnect packet) leaves clients free to reconnect on restart.
      io.engine.close();
    },
  };
}

/**
 * The handshake's headers; a browser client that cannot set headers may pass `auth.token`,
 * used as a Bearer header when neither the cookie nor a header carries a token.
 */
function handshakeHeaders(socket: Socket): IncomingHttpHeaders {
  const { headers, auth } = socket.handshake;
  const token = (auth as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string' || token === '') return headers;
  if (headers.authorization || parseCookies(headers.cookie).get(ACCESS_COOKIE)) return headers;
  return { ...headers, authorization: `Bearer ${token}` };
}
