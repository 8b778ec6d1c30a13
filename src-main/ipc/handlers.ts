import type { Handlers, HandlerServices } from './handler-group';
import { commentComposerHandlers } from './handlers/comment-composer-handlers';
import { commentThreadHandlers } from './handlers/comment-thread-handlers';
import { fileHandlers } from './handlers/file-handlers';
import { liveHandlers } from './handlers/live-handlers';
import { previewHandlers } from './handlers/preview-handlers';
import { publishHandlers } from './handlers/publish-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { taskListHandlers } from './handlers/task-list-handlers';
import { timeHandlers } from './handlers/time-handlers';
import { ComposerContext } from '../tasks/composer-context';

export type { Handlers, HandlerServices } from './handler-group';

/** The one handler map, served by Electron's ipcMain and by the dev host alike. */
export function createHandlers(services: HandlerServices): Handlers {
  // The statuses and people of comments and publishes, read once per session.
  const composer = new ComposerContext(services);
  return {
    ...sessionHandlers(services),
    ...taskListHandlers(services),
    ...commentThreadHandlers(services),
    ...commentComposerHandlers(services, composer),
    ...publishHandlers(services, composer),
    ...previewHandlers(services),
    ...fileHandlers(services),
    ...timeHandlers(services),
    ...liveHandlers(services),
    ...syncHandlers(services),
  };
}
