import {
  BRIDGE_GLOBAL,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type ShotdeskBridge,
  type ShotdeskTransport,
} from '../../src-shared/ipc';
import { IpcCallError } from './ipc-call-error';
import { createWebSocketApi } from './websocket-api';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: ShotdeskBridge;
  }
}

let api: ShotdeskTransport | null = null;

/** Electron's preload bridge when there is one, else the dev host's WebSocket. */
function transport(): ShotdeskTransport {
  const bridge = window[BRIDGE_GLOBAL];
  api ??= bridge ? bridgeTransport(bridge) : createWebSocketApi();
  return api;
}

function bridgeTransport(bridge: ShotdeskBridge): ShotdeskTransport {
  return {
    call: bridge.call,
    on: bridge.on,
    fileRef: async (file) => {
      const path = bridge.pathForFile(file);
      if (path !== '') return { ok: true, value: path };
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `“${file.name}” is not a file on this computer: save it to a folder first, then attach it.`,
        },
      };
    },
  };
}

/** Calls a channel of the contract; a failure is thrown as an IpcCallError with its code. */
export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await transport().call(channel, input);
  if (!result.ok) throw new IpcCallError(result.error.code, result.error.message);
  return result.value;
}

export function onEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return transport().on(event, listener);
}

const refs = new WeakMap<File, Promise<string>>();

/**
 * The ref main accepts in `attachments` for a file the person dropped or picked: its path,
 * granted by Electron's preload, or the path of the dev host's copy. Asked once per file.
 */
export function fileRef(file: File): Promise<string> {
  let ref = refs.get(file);
  if (!ref) {
    const asked = transport()
      .fileRef(file)
      .then((result) => {
        if (!result.ok) throw new IpcCallError(result.error.code, result.error.message);
        return result.value;
      });
    asked.catch(() => refs.delete(file));
    refs.set(file, asked);
    ref = asked;
  }
  return ref;
}
