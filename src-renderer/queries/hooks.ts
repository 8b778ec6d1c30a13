import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../src-shared/settings';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
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

export const useTaskList = (tab: 'todo' | 'done') =>
  useQuery({
    queryKey: tab === 'todo' ? queryKeys.todo : queryKeys.done,
    queryFn: () => call(tab === 'todo' ? 'tasks:list-todo' : 'tasks:list-done', {}),
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

export const useTaskComments = (taskId: string | null) =>
  useQuery({
    queryKey: queryKeys.comments(taskId ?? ''),
    queryFn: () => call('tasks:list-comments', { taskId: taskId! }),
    enabled: taskId !== null,
  });

/** The statuses this person may set: main caches them for the session. */
export const useSettableStatuses = () =>
  useQuery({
    queryKey: queryKeys.statuses,
    queryFn: () => call('tasks:list-statuses', {}),
    staleTime: Infinity,
  });

/**
 * Posts a comment with a status. The thread and the todo row change at once from the answer;
 * main's `cache:changed` then refetches both from the server.
 */
export function usePostComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; taskStatusId: string }) =>
      call('tasks:post-comment', { taskId, ...input }),
    onSuccess: (comment) => {
      client.setQueryData<TaskComment[]>(queryKeys.comments(taskId), (comments) => [
        comment,
        ...(comments ?? []).filter((row) => row.id !== comment.id),
      ]);
      const status = comment.taskStatus;
      if (!status) return;
      client.setQueryData<TodoTask[]>(queryKeys.todo, (tasks) =>
        tasks?.map((task) =>
          task.id === taskId
            ? {
                ...task,
                taskStatusId: status.id,
                taskStatusName: status.name,
                taskStatusShortName: status.shortName,
                taskStatusColor: status.color,
                lastComment: {
                  text: comment.text,
                  date: comment.createdAt,
                  personId: comment.person.id,
                },
              }
            : task,
        ),
      );
    },
  });
}
