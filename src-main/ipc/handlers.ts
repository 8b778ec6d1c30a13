import type { ChannelName, ChannelOutput, ParsedInput } from '../../src-shared/ipc';
import type { AppInfo } from '../../src-shared/session';
import type { SettableTaskStatus } from '../../src-shared/task-comment';
import { checkServer } from '../kitsu/check-server';
import type { SessionService } from '../session/session-service';
import type { AppStateStore } from '../settings/app-state-store';
import type { LocalStudio } from '../studio/local-studio';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { listDoneTasks, listTodoTasks } from '../tasks/task-lists';
import { listSettableStatuses, listTaskComments, postTaskComment } from '../tasks/task-comments';

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
  /** Tells the renderer which of main's data changed (`cache:changed`). */
  onCacheChanged?: (tables: string[]) => void;
}

/** The one handler map, served by Electron's ipcMain and by the dev host alike. */
export function createHandlers(services: HandlerServices): Handlers {
  const { session, studio, appState } = services;
  // Statuses come from /data/user/context once per session: a new login is a new client.
  const statuses = new WeakMap<KitsuClient, Promise<SettableTaskStatus[]>>();
  const settableStatuses = async (): Promise<SettableTaskStatus[]> => {
    const client = await session.client();
    let cached = statuses.get(client);
    if (!cached) {
      const state = await session.state();
      const role = state.status === 'logged-in' ? state.user.role : 'user';
      cached = listSettableStatuses(client, role);
      statuses.set(client, cached);
      cached.catch(() => statuses.delete(client));
    }
    return cached;
  };
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
    'tasks:list-comments': async ({ taskId }) => listTaskComments(await session.client(), taskId),
    'tasks:post-comment': async (input) => {
      const comment = await postTaskComment(await session.client(), input);
      services.onCacheChanged?.(['task', 'comment']);
      return comment;
    },
    'tasks:list-statuses': () => settableStatuses(),
    'settings:get': () => appState.settings(),
    'settings:set': (patch) => appState.updateSettings(patch),
  };
}
