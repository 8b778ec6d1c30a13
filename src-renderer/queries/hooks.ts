import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../src-shared/settings';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

export const useAppInfo = () =>
  useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => call('app:info', {}),
    staleTime: Infinity,
  });

export const useSessionState = () =>
  useQuery({ queryKey: queryKeys.session, queryFn: () => call('session:state', {}) });

export const useRecentServers = () =>
  useQuery({ queryKey: queryKeys.recentServers, queryFn: () => call('server:list-recent', {}) });

export const useSettings = () =>
  useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => call('settings:get', {}),
    staleTime: Infinity,
  });

const TASK_LISTS = {
  todo: { key: queryKeys.todo, channel: 'tasks:list-todo' },
  done: { key: queryKeys.done, channel: 'tasks:list-done' },
  'to-check': { key: queryKeys.toCheck, channel: 'tasks:list-to-check' },
} as const;

export type TaskListName = keyof typeof TASK_LISTS;

/** `enabled` false: the list is not fetched (to-check for people who review nothing). */
export const useTaskList = (list: TaskListName, enabled = true) =>
  useQuery({
    queryKey: TASK_LISTS[list].key,
    queryFn: () => call(TASK_LISTS[list].channel, {}),
    enabled,
  });

/** Saves settings in main; the cache shows the change at once. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => call('settings:set', patch),
    onMutate: (patch) => {
      const previous = client.getQueryData<Settings>(queryKeys.settings);
      if (previous) client.setQueryData(queryKeys.settings, { ...previous, ...patch });
    },
    onSuccess: (settings) => client.setQueryData(queryKeys.settings, settings),
  });
}
