import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import {
  ELECTRON_CALL_CHANNEL,
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_GRANT_FILE_CHANNEL,
  type IpcResult,
} from '../../src-shared/ipc';
import type { AppServices } from '../app-services';
import { isOwnRendererUrl } from './main-window';

/**
 * Serves the handler map on one channel, for our window's frames only; pushes events to it.
 * Input validation happens in the dispatcher, as for the dev host. The preload also reports
 * the paths of files the person chose, which main may then read.
 */
export function serveIpc(
  services: AppServices,
  window: BrowserWindow,
  devServerUrl: string | null,
): () => void {
  const fromOurWindow = (event: IpcMainInvokeEvent | IpcMainEvent) =>
    event.sender.id === window.webContents.id &&
    event.senderFrame !== null &&
    isOwnRendererUrl(event.senderFrame.url, devServerUrl);

  ipcMain.handle(
    ELECTRON_CALL_CHANNEL,
    async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      if (!fromOurWindow(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'Unknown sender.' } };
      }
      return services.dispatch(channel, input);
    },
  );
  // Only the preload sends here, with what webUtils gave for a File the person dropped or
  // picked; a page cannot make webUtils name a path it did not get from the person.
  const grantFile = (event: IpcMainEvent, path: unknown) => {
    if (fromOurWindow(event) && typeof path === 'string') services.grantedFiles.grant(path);
  };
  ipcMain.on(ELECTRON_GRANT_FILE_CHANNEL, grantFile);
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ELECTRON_CALL_CHANNEL);
    ipcMain.removeListener(ELECTRON_GRANT_FILE_CHANNEL, grantFile);
  };
}
