import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentChecklistItem, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { call, fileRef } from '../ipc/api';
import { queryKeys } from './keys';
import { withWritten } from './thread-cache';

/** The statuses this person may set on a project's tasks: main caches them for the session. */
export const useSettableStatuses = (projectId: string) =>
  useQuery({
    queryKey: queryKeys.statuses(projectId),
    queryFn: () => call('tasks:list-statuses', { projectId }),
    staleTime: Infinity,
  });

/** Who `@` may name on this task: its project's team, then the departments. */
export const useMentionable = (taskId: string) =>
  useQuery({
    queryKey: queryKeys.mentionable(taskId),
    queryFn: () => call('tasks:list-mentionable', { taskId }),
    staleTime: 5 * 60_000,
  });

export interface NewComment {
  text: string;
  taskStatusId: string;
  /** The task's status as shown while writing. */
  baseStatusId: string;
  checklist: CommentChecklistItem[];
  files: File[];
}

/**
 * Posts a comment with a status, a checklist and files (sent as refs main may read). The
 * thread and the todo row change at once from the answer; main's `cache:changed` then
 * refetches both from the server.
 */
export function usePostComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ text, taskStatusId, baseStatusId, checklist, files }: NewComment) => {
      const attachments = await Promise.all(files.map((file) => fileRef(file)));
      return call('tasks:post-comment', {
        taskId,
        text,
        taskStatusId,
        baseStatusId,
        ...(checklist.length > 0 ? { checklist } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      });
    },
    onSuccess: (comment) => {
      client.setQueryData<TaskComment[]>(queryKeys.comments(taskId), (comments) =>
        withWritten(comments ?? [], comment, 'first'),
      );
      const status = comment.taskStatus;
      // A comment stopped as a conflict has not changed the task.
      const applies = comment.outboxState !== 'conflict' && comment.outboxState !== 'failed';
      if (!status || !applies) return;
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
