import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConflictAction } from '../../src-shared/sync';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

export interface Resolution {
  action: ConflictAction;
  /** The new text, with `edit`. */
  text?: string;
}

/**
 * The person's answer to a write that stopped (conflict or refusal): the sync state comes back
 * at once; the task's thread and row follow from main's `cache:changed`.
 */
export function useResolveOutbox(id: string, taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, text }: Resolution) =>
      call('outbox:resolve', { id, action, ...(text !== undefined ? { text } : {}) }),
    onSuccess: (state) => {
      client.setQueryData(queryKeys.syncState, state);
      void client.invalidateQueries({ queryKey: queryKeys.comments(taskId) });
      void client.invalidateQueries({ queryKey: queryKeys.todo });
    },
  });
}
