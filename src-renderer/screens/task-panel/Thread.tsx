import { Skeleton, Stack, Text } from '@mantine/core';
import type { CommentPreview } from '../../../src-shared/task-comment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMyPersonId, useTaskComments } from '../../queries/thread-hooks';
import { CommentItem } from './CommentItem';

/** The task's comments, newest first. */
export function Thread({
  taskId,
  onOpenPreview,
}: {
  taskId: string;
  onOpenPreview?: (preview: CommentPreview) => void;
}) {
  const comments = useTaskComments(taskId);
  const myId = useMyPersonId();
  if (comments.isLoading) {
    return (
      <Stack gap="sm" aria-busy data-testid="comments-loading">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} height={72} radius="md" />
        ))}
      </Stack>
    );
  }
  if (comments.isError) {
    return (
      <ErrorAlert
        title="The comments could not be loaded"
        error={comments.error}
        onRetry={() => void comments.refetch()}
      />
    );
  }
  const rows = comments.data ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="comments-empty">
        No comment yet. Write the first one above.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="comment-thread">
      {rows.map((comment) => (
        <CommentItem
          key={comment.id}
          taskId={taskId}
          comment={comment}
          myId={myId}
          onOpenPreview={onOpenPreview}
        />
      ))}
    </Stack>
  );
}
