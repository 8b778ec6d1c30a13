import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../ipc/api';
import { useSessionState } from './hooks';
import { queryKeys } from './keys';
import { checklistUpdateOptions, patchComment, withWritten } from './thread-cache';

export const useTaskComments = (taskId: string | null) =>
  useQuery({
    queryKey: queryKeys.comments(taskId ?? ''),
    queryFn: () => call('tasks:list-comments', { taskId: taskId! }),
    enabled: taskId !== null,
  });

/** The logged-in person's id, or null while the session loads. */
export function useMyPersonId(): string | null {
  const session = useSessionState();
  return session.data?.status === 'logged-in' ? session.data.user.id : null;
}

/** Replies to a comment; the reply shows under it at once, from the server's answer. */
export function useReply(taskId: string, commentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => call('tasks:reply', { taskId, commentId, text }),
    onSuccess: (reply) =>
      patchComment(client, taskId, commentId, (comment) => ({
        ...comment,
        replies: withWritten(comment.replies, reply, 'last'),
      })),
  });
}

/**
 * Acknowledges a comment or withdraws it (`acknowledged`: the state asked for); the count is
 * the server's, or as it will be while the change waits offline.
 */
export function useAcknowledge(taskId: string, commentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (acknowledged: boolean) =>
      call('tasks:acknowledge', { taskId, commentId, acknowledged }),
    onSuccess: ({ acknowledgedBy, pending }) =>
      patchComment(client, taskId, commentId, (comment) => ({
        ...comment,
        acknowledgedBy,
        acknowledgementPending: pending === true,
      })),
  });
}

/** Saves a comment's checklist ticks, optimistically (see checklistUpdateOptions). */
export function useUpdateChecklist(taskId: string, commentId: string) {
  const client = useQueryClient();
  return useMutation(
    checklistUpdateOptions(client, taskId, commentId, (checklist) =>
      call('tasks:update-checklist', { taskId, commentId, checklist }),
    ),
  );
}

/** Saves an attachment in the downloads folder; answers where it landed. */
export const useDownloadAttachment = () =>
  useMutation({
    mutationFn: (attachmentId: string) => call('attachments:download', { attachmentId }),
  });
