import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';

/** The one window: sandboxed, isolated, no Node, the preload as its only bridge. */
export function createMainWindow(devServerUrl: string | null): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#242424',
    title: 'Shotdesk',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)));
  return window;
}

/** Where our renderer's frames come from: the dev server's origin, or the packaged files. */
export function isOwnRendererUrl(url: string, devServerUrl: string | null): boolean {
  if (devServerUrl) return url.startsWith(new URL(devServerUrl).origin + '/');
  return url.startsWith('file://') && url.includes('/renderer/');
}
