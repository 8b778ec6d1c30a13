import type { QueryClient } from '@tanstack/react-query';
import type {
  CommentChecklistItem,
  CommentReply,
  TaskComment,
} from '../../src-shared/task-comment';
import { queryKeys } from './keys';

/** Changes one comment of the task's cached thread. */
export function patchComment(
  client: QueryClient,
  taskId: string,
  commentId: string,
  patch: (comment: TaskComment) => TaskComment,
): void {
  client.setQueryData<TaskComment[]>(queryKeys.comments(taskId), (comments) =>
    comments?.map((comment) => (comment.id === commentId ? patch(comment) : comment)),
  );
}

type Written = Pick<CommentReply, 'id' | 'text' | 'person' | 'outboxState'>;

/**
 * A list with what the person just wrote in it, once, first (a thread, newest first) or last
 * (replies). A refetch that finished during the send may hold its waiting copy under the
 * outbox's id: the server's answer takes its place.
 */
export function withWritten<T extends Written>(
  rows: readonly T[],
  written: T,
  at: 'first' | 'last',
): T[] {
  let others = rows.filter((row) => row.id !== written.id);
  if (!written.outboxState) {
    const copy = others.findIndex(
      (row) => row.outboxState && row.person.id === written.person.id && row.text === written.text,
    );
    others = others.filter((_, index) => index !== copy);
  }
  return at === 'first' ? [written, ...others] : [...others, written];
}

type SaveChecklist = (
  checklist: CommentChecklistItem[],
) => Promise<{ commentId: string; checklist: CommentChecklistItem[] }>;

/**
 * The mutation that saves a comment's checklist ticks. The tick shows at once; a refusal
 * puts that comment's list back as it was, and the mutation's error says why.
 */
export function checklistUpdateOptions(
  client: QueryClient,
  taskId: string,
  commentId: string,
  save: SaveChecklist,
) {
  const key = queryKeys.comments(taskId);
  const setChecklist = (checklist: CommentChecklistItem[]) =>
    patchComment(client, taskId, commentId, (comment) => ({ ...comment, checklist }));
  return {
    // One save at a time per comment, in order: each sends the whole list as ticked so far.
    scope: { id: `checklist:${commentId}` },
    mutationFn: save,
    onMutate: async (checklist: CommentChecklistItem[]) => {
      // A refetch landing now would overwrite the optimistic tick with the old list.
      await client.cancelQueries({ queryKey: key });
      const previous = client
        .getQueryData<TaskComment[]>(key)
        ?.find((comment) => comment.id === commentId)?.checklist;
      setChecklist(checklist);
      return { previous };
    },
    onError: (
      _error: Error,
      _checklist: CommentChecklistItem[],
      context: { previous: CommentChecklistItem[] | undefined } | undefined,
    ) => {
      if (context?.previous) setChecklist(context.previous);
    },
    onSuccess: (saved: { checklist: CommentChecklistItem[] }) => setChecklist(saved.checklist),
  };
}
