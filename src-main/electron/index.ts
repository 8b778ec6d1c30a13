import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, session, shell, type BrowserWindow } from 'electron';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { electronSqliteBindingPath } from '../studio/electron-sqlite-binding';
import { builtServerCommand } from '../studio/server-command';
import { serveIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { ELECTRON_MEDIA_ADDRESS, handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { createSafeStorageSecretStore } from './safe-storage-secret-store';
import { hardenSession, hardenWebContents } from './security';

// Only wiring here: the services live in src-main and run under plain Node too.
const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;
let services: AppServices | null = null;
let window: BrowserWindow | null = null;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
registerMediaScheme();

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

/**
 * From the source tree, node_modules holds better-sqlite3 built for Node; `npm start` built
 * a copy for Electron (prepare-electron-sqlite.ts). Packaged, electron-builder rebuilt it.
 */
function sourceTreeSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(
    readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8'),
  ) as { version: string };
  const path = electronSqliteBindingPath(app.getAppPath(), {
    electron: process.versions.electron,
    betterSqlite3: version,
  });
  if (!existsSync(path)) console.error(`Shotdesk: ${path} is missing; start with npm start.`);
  return path;
}

void app.whenReady().then(() => {
  hardenSession(session.defaultSession, devServerUrl);
  const userData = app.getPath('userData');
  const sqliteBinding = sourceTreeSqliteBinding();
  services = createAppServices({
    userDataDir: userData,
    secrets: createSafeStorageSecretStore(
      join(userData, 'session.bin'),
      join(userData, 'session.json'),
    ),
    serverCommand: builtServerCommand({
      runtime: process.execPath,
      serverScript: fileURLToPath(new URL('./server.js', import.meta.url)),
      cwd: userData,
      sqliteBinding,
    }),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: app.getVersion() },
    downloadsDir: app.getPath('downloads'),
    revealFile: (path) => shell.showItemInFolder(path),
    openFile: async (path) => {
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
    sqliteNativeBinding: sqliteBinding,
  });
  handleMediaProtocol(services.media);
  services.setMediaAddress(ELECTRON_MEDIA_ADDRESS);
  window = createMainWindow(devServerUrl);
  serveIpc(services, window, devServerUrl);
});
