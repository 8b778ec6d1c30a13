import { join } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { sourceServerCommand } from '../studio/server-command';
import { serveIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { createSafeStorageSecretStore } from './safe-storage-secret-store';
import { hardenSession, hardenWebContents } from './security';

// Only wiring here: the services live in src-main and run under plain Node too.
const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
let services: AppServices | null = null;
let window: BrowserWindow | null = null;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('second-instance', () => window?.focus());
app.on('window-all-closed', () => app.quit());

let stopped = false;
app.on('before-quit', (event) => {
  if (stopped || !services) return;
  event.preventDefault();
  stopped = true;
  void services.shutdown().finally(() => app.quit());
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession, devServerUrl);
  const userData = app.getPath('userData');
  services = createAppServices({
    userDataDir: userData,
    secrets: createSafeStorageSecretStore(
      join(userData, 'session.bin'),
      join(userData, 'session.json'),
    ),
    // From the source tree with the system's Node; the packaged server comes with packaging.
    serverCommand: sourceServerCommand(app.getAppPath(), 'node'),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: app.getVersion() },
  });
  window = createMainWindow(devServerUrl);
  serveIpc(services, window, devServerUrl);
});
