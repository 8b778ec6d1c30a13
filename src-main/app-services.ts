import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MediaAddress } from '../src-shared/media';
import type { AppInfo } from '../src-shared/session';
import { GrantedFiles } from './files/granted-files';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { EventHub } from './ipc/event-hub';
import { createHandlers, type Handlers } from './ipc/handlers';
import { liveFollowsSession } from './live/follow-session';
import { RenderWatcher } from './files/render-watcher';
import { LiveService } from './live/live-service';
import { cachedLiveScope } from './sync/cached-live-scope';
import { MediaService } from './media/media-service';
import type { SecretStore } from './session/secret-store';
import { SessionService } from './session/session-service';
import { AppStateStore } from './settings/app-state-store';
import { LocalStudio } from './studio/local-studio';
import type { ServerCommand } from './studio/server-command';
import { OutboxExtension } from './sync/outbox-extension';
import { SyncService } from './sync/sync-service';

export interface AppServicesOptions {
  /** The app's user-data folder: settings, the local studio's data, the session file. */
  userDataDir: string;
  secrets: SecretStore;
  serverCommand: ServerCommand;
  appInfo: Omit<AppInfo, 'tokenStorage' | 'media'>;
  fetch?: typeof fetch;
  /** Where attachments are saved; by default ~/Downloads when it exists, else the home folder. */
  downloadsDir?: string;
  /** Shows a saved file in the OS file manager (Electron's `shell.showItemInFolder`). */
  revealFile?: (path: string) => void;
  /** Opens a file with the OS default app (Electron's `shell.openPath`). */
  openFile?: (path: string) => Promise<void>;
  /** better-sqlite3's addon built for Electron, when main runs from the source tree. */
  sqliteNativeBinding?: string;
}

export interface AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
  /** Where Electron's preload and the dev host grant the files the person chose. */
  grantedFiles: GrantedFiles;
  /** Previews for the renderer: Electron's protocol and the dev host's route answer from it. */
  media: MediaService;
  /** Tells the renderer where `media` is served (`app:info`). */
  setMediaAddress(address: MediaAddress): void;
  shutdown(): Promise<void>;
}

/** Main's services wired together, the same for Electron and for the dev host. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const events = new EventHub();
  const appState = new AppStateStore(join(options.userDataDir, 'shotdesk-state.json'));
  const studio = new LocalStudio({
    dataDir: join(options.userDataDir, 'local-studio'),
    command: options.serverCommand,
    onStatus: (status) => events.emit('studio:changed', status),
  });
  // The person's offline cache: server news is refreshed into it before the renderer hears.
  const sync: SyncService = new SyncService({
    userDataDir: options.userDataDir,
    sqliteNativeBinding: options.sqliteNativeBinding,
    sessionClient: () => session.client(),
    onCacheChanged: (tables, taskIds) => events.emit('cache:changed', { tables, taskIds }),
    onState: (state) => events.emit('sync:changed', state),
    fetch: options.fetch,
  });
  const outboxes = new OutboxExtension({
    onPublishProgress: (progress) => events.emit('publish:progress', progress),
  });
  sync.extend(outboxes.factory);
  const live = new LiveService({
    onState: (state) => {
      events.emit('live:changed', state);
      sync.liveChanged(state);
    },
    onChange: (tables, taskIds) => sync.serverChanged(tables, taskIds),
    scope: () => {
      const current = sync.current();
      return current ? cachedLiveScope(current.db) : null;
    },
  });
  const followSession = liveFollowsSession(live, () => session.client());
  const session: SessionService = new SessionService({
    secrets: options.secrets,
    appState,
    localStudioUrl: () => studio.start(),
    onChange: (state) => {
      events.emit('session:changed', state);
      followSession(state);
      sync.follow(state);
    },
    // Every request of the session tells connectivity what it met.
    fetch: sync.watchFetch(options.fetch ?? fetch),
  });
  const grantedFiles = new GrantedFiles();
  const media = new MediaService({
    owner: () => {
      const current = sync.current();
      return current
        ? {
            client: () => current.client(),
            online: () => current.online(),
            mediaDir: `${current.cachePath}-media`,
          }
        : null;
    },
    maxBytes: async () => (await appState.settings()).mediaCacheMb * 1024 * 1024,
  });
  const renders = new RenderWatcher({
    onFound: (render) => events.emit('files:render-found', render),
    grant: (path) => grantedFiles.grant(path),
  });
  const appInfo: AppInfo = {
    ...options.appInfo,
    tokenStorage: { encrypted: options.secrets.encrypted },
    media: null,
  };
  const handlers = createHandlers({
    appInfo,
    media,
    renders,
    session,
    studio,
    appState,
    live,
    grantedFiles,
    fetch: options.fetch,
    downloadsDir: options.downloadsDir ?? defaultDownloadsDir(),
    revealFile: options.revealFile,
    openFile: options.openFile,
    offline: {
      sync,
      outbox: () => outboxes.current(),
      keptReads: () => sync.current()?.keptReads ?? null,
      state: () => sync.state(),
    },
    onCacheChanged: (tables, taskIds) => sync.serverChanged(tables, taskIds),
  });
  return {
    handlers,
    dispatch: createDispatcher(handlers),
    events,
    grantedFiles,
    media,
    setMediaAddress: (address) => {
      appInfo.media = address;
    },
    shutdown: async () => {
      renders.stop();
      live.stop();
      await sync.close();
      await studio.stop();
    },
  };
}

function defaultDownloadsDir(): string {
  const downloads = join(homedir(), 'Downloads');
  return existsSync(downloads) ? downloads : homedir();
}
