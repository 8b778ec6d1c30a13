import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcResult, ShotdeskBridge } from '../src-shared/ipc';
import {
  BRIDGE_GLOBAL,
  ELECTRON_CALL_CHANNEL,
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_GRANT_FILE_CHANNEL,
  isChannelName,
  isEventName,
} from '../src-shared/ipc/channel-names';

// The renderer's only door to main: the contract's calls, its events, and chosen files'
// paths. No ipcRenderer, no Node. Main checks the sender and validates every input again.
const bridge = {
  call(channel, input) {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: `Unknown channel ${String(channel)}` },
      } as IpcResult<never>);
    }
    return ipcRenderer.invoke(ELECTRON_CALL_CHANNEL, channel, input);
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const handler = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(ELECTRON_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(ELECTRON_EVENT_CHANNEL, handler);
    };
  },
  pathForFile(file) {
    const path = webUtils.getPathForFile(file);
    // Sent before any call that names it: one renderer's IPC messages arrive in order.
    if (path !== '') ipcRenderer.send(ELECTRON_GRANT_FILE_CHANNEL, path);
    return path;
  },
} satisfies ShotdeskBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
