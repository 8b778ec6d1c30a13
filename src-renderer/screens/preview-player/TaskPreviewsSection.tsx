import { Skeleton } from '@mantine/core';
import type { TodoTask } from '../../../src-shared/todo-task';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTaskPreviews } from '../../queries/preview-hooks';
import { PreviewPlayer } from './PreviewPlayer';

/** The task panel's player: nothing until the task has a preview. */
export function TaskPreviewsSection({
  task,
  previewId,
  onPreviewChange,
}: {
  task: TodoTask;
  previewId: string | null;
  onPreviewChange(previewId: string): void;
}) {
  const previews = useTaskPreviews(task);
  if (previews.isLoading) return <Skeleton height={160} radius="md" />;
  if (previews.isError) {
    return (
      <ErrorAlert
        title="The previews could not be listed"
        error={previews.error}
        onRetry={() => void previews.refetch()}
      />
    );
  }
  if (!previews.data || previews.data.revisions.length === 0) return null;
  return (
    <PreviewPlayer
      previews={previews.data}
      previewId={previewId}
      onPreviewChange={onPreviewChange}
    />
  );
}
