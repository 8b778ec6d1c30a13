import { AppError } from '../../kitsu/app-error';
import type { HandlerGroup, HandlerServices } from '../handler-group';

/** The offline cache and the outbox: connectivity, pending writes, conflicts. */
export function syncHandlers(
  services: HandlerServices,
): HandlerGroup<'sync:state' | 'outbox:resolve'> {
  const state = () => services.offline.state();
  return {
    'sync:state': async () => {
      // A stored session is restored (and the outbox opened) on the first question.
      await services.session.state();
      await services.offline.sync.settled();
      return state();
    },
    'outbox:resolve': async ({ id, action, text }) => {
      const outbox = services.offline.outbox();
      if (!outbox) throw new AppError('auth-expired', 'You are not logged in. Log in first.');
      await outbox.resolve(id, action, text);
      return state();
    },
  };
}
