import {
  BRIDGE_GLOBAL,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type ShotdeskApi,
  type ShotdeskBridge,
} from '../../src-shared/ipc';
import { IpcCallError } from './ipc-call-error';
import { createWebSocketApi } from './websocket-api';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: ShotdeskBridge;
  }
}

let api: ShotdeskApi | null = null;

/** Electron's preload bridge when there is one, else the dev host's WebSocket. */
function transport(): ShotdeskApi {
  api ??= window[BRIDGE_GLOBAL] ?? createWebSocketApi();
  return api;
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
