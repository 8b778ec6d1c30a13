import type { ChannelName, ChannelOutput, ParsedInput } from '../../src-shared/ipc';
import type { AppInfo } from '../../src-shared/session';
import { checkServer } from '../kitsu/check-server';
import type { SessionService } from '../session/session-service';
import type { AppStateStore } from '../settings/app-state-store';
import type { LocalStudio } from '../studio/local-studio';
import { listDoneTasks, listTodoTasks } from '../tasks/task-lists';

/** Every channel's handler, typed by the contract; inputs arrive already parsed. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
};

export interface HandlerServices {
  appInfo: AppInfo;
  session: SessionService;
  studio: LocalStudio;
  appState: AppStateStore;
  fetch?: typeof fetch;
}

/** The one handler map, served by Electron's ipcMain and by the dev host alike. */
export function createHandlers(services: HandlerServices): Handlers {
  const { session, studio, appState } = services;
  return {
    'app:info': async () => services.appInfo,
    'studio:open-local': async () => ({ apiUrl: await studio.start() }),
    'server:check': async ({ url }) => {
      const check = await checkServer(url, services.fetch);
      if (check.status === 'kitsu') await appState.addRecentServer(check.apiUrl);
      return check;
    },
    'server:list-recent': () => appState.recentServers(),
    'session:state': () => session.state(),
    'session:login': ({ server, ...credentials }) => session.login(server, credentials),
    'session:logout': () => session.logout(),
    'tasks:list-todo': async () => listTodoTasks(await session.client()),
    'tasks:list-done': async () => listDoneTasks(await session.client()),
    'settings:get': () => appState.settings(),
    'settings:set': (patch) => appState.updateSettings(patch),
  };
}
