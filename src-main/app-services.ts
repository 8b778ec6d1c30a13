import { join } from 'node:path';
import type { AppInfo } from '../src-shared/session';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { EventHub } from './ipc/event-hub';
import { createHandlers, type Handlers } from './ipc/handlers';
import type { SecretStore } from './session/secret-store';
import { SessionService } from './session/session-service';
import { AppStateStore } from './settings/app-state-store';
import { LocalStudio } from './studio/local-studio';
import type { ServerCommand } from './studio/server-command';

export interface AppServicesOptions {
  /** The app's user-data folder: settings, the local studio's data, the session file. */
  userDataDir: string;
  secrets: SecretStore;
  serverCommand: ServerCommand;
  appInfo: Omit<AppInfo, 'tokenStorage'>;
  fetch?: typeof fetch;
}

export interface AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventHub;
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
  const session = new SessionService({
    secrets: options.secrets,
    appState,
    localStudioUrl: () => studio.start(),
    onChange: (state) => events.emit('session:changed', state),
    fetch: options.fetch,
  });
  const handlers = createHandlers({
    appInfo: { ...options.appInfo, tokenStorage: { encrypted: options.secrets.encrypted } },
    session,
    studio,
    appState,
    fetch: options.fetch,
    onCacheChanged: (tables) => events.emit('cache:changed', { tables }),
  });
  return {
    handlers,
    dispatch: createDispatcher(handlers),
    events,
    shutdown: () => studio.stop(),
  };
}
