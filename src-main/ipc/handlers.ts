import type { Handlers, HandlerServices } from './handler-group';
import { commentComposerHandlers } from './handlers/comment-composer-handlers';
import { commentThreadHandlers } from './handlers/comment-thread-handlers';
import { liveHandlers } from './handlers/live-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { taskListHandlers } from './handlers/task-list-handlers';
import { timeHandlers } from './handlers/time-handlers';

export type { Handlers, HandlerServices } from './handler-group';

/** The one handler map, served by Electron's ipcMain and by the dev host alike. */
export function createHandlers(services: HandlerServices): Handlers {
  return {
    ...sessionHandlers(services),
    ...taskListHandlers(services),
    ...commentThreadHandlers(services),
    ...commentComposerHandlers(services),
    ...timeHandlers(services),
    ...liveHandlers(services),
    ...syncHandlers(services),
  };
}
