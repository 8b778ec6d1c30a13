import type { QueryClient } from '@tanstack/react-query';
import { onEvent } from '../ipc/api';
import { queryKeys } from './keys';

/** Main's pushes become cache updates: the session directly, changed tables by key. */
export function subscribeToPushEvents(client: QueryClient): () => void {
  const unsubscribers = [
    onEvent('session:changed', (state) => {
      client.setQueryData(queryKeys.session, state);
      if (state.status === 'logged-out') client.removeQueries({ queryKey: queryKeys.tasks });
    }),
    onEvent('cache:changed', ({ tables }) => {
      if (tables.includes('task')) {
        void client.invalidateQueries({ queryKey: queryKeys.todo });
        void client.invalidateQueries({ queryKey: queryKeys.done });
      }
      if (tables.includes('comment')) {
        void client.invalidateQueries({ queryKey: queryKeys.allComments });
      }
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
