import type { QueryClient } from '@tanstack/react-query';
import { onEvent } from '../ipc/api';
import { queryKeysChangedBy } from './changed-keys';
import { queryKeys } from './keys';

/** Main's pushes become cache updates: the session directly, changed tables by key. */
export function subscribeToPushEvents(client: QueryClient): () => void {
  const unsubscribers = [
    onEvent('session:changed', (state) => {
      client.setQueryData(queryKeys.session, state);
      if (state.status === 'logged-out') client.removeQueries({ queryKey: queryKeys.tasks });
    }),
    onEvent('cache:changed', (change) => {
      for (const queryKey of queryKeysChangedBy(change)) {
        void client.invalidateQueries({ queryKey });
      }
    }),
    onEvent('live:changed', (state) => client.setQueryData(queryKeys.live, state)),
    onEvent('sync:changed', (state) => client.setQueryData(queryKeys.syncState, state)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
