import {
  DEV_HOST_IPC_PATH,
  DEV_HOST_REFUSED,
  type DevHostServerMessage,
} from '../../src-shared/ipc/dev-host-protocol';
import type {
  ChannelName,
  EventName,
  EventPayload,
  IpcResult,
  ShotdeskTransport,
} from '../../src-shared/ipc';
import { stageFile } from './stage-file';

const TOKEN_KEY = 'shotdesk.devHostToken';

type Pending = (result: IpcResult<unknown>) => void;

/**
 * The dev host's transport: the token comes from the page address (`#token=…`), is kept for
 * reloads of this tab, and goes out as the first message. A dropped socket reconnects at the
 * next call.
 */
export function createWebSocketApi(): ShotdeskTransport {
  const token = readToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let connection: Promise<WebSocket> | null = null;
  let refusal: string | null = null;

  const failAll = (message: string) => {
    for (const settle of pending.values()) {
      settle({ ok: false, error: { code: 'offline', message } });
    }
    pending.clear();
  };

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const url = new URL(DEV_HOST_IPC_PATH, window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.hash = '';
      const socket = new WebSocket(url);
      socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token }));
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as DevHostServerMessage;
        if (message.type === 'ready') resolve(socket);
        else if (message.type === 'refused') refusal = message.message;
        else if (message.type === 'result') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else if (message.type === 'event') {
          for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
        }
      };
      socket.onclose = (event) => {
        connection = null;
        const message =
          event.code === DEV_HOST_REFUSED
            ? (refusal ?? 'The dev host refused this page.')
            : 'Lost the connection to Shotdesk’s dev host. Is `npm run web` still running?';
        failAll(message);
        reject(new Error(message));
      };
    });

  return {
    async call<C extends ChannelName>(channel: C, input: unknown) {
      let socket: WebSocket;
      try {
        connection ??= connect();
        socket = await connection;
      } catch (error) {
        return {
          ok: false,
          error: { code: 'offline', message: (error as Error).message },
        } as IpcResult<never>;
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        socket.send(JSON.stringify({ type: 'call', id, channel, input }));
      });
    },
    fileRef: (file) => stageFile(file, token),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      connection ??= connect();
      connection.catch(() => undefined);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

function readToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Out of the address bar, so that it is not copied or bookmarked with the page.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
