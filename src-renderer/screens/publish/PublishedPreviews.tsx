import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useTaskComments } from '../../queries/thread-hooks';

/**
 * After the uploads: the previews as the server has them, a movie `processing` until the
 * server has converted it (the thread refreshes on the server's preview events).
 */
export function PublishedPreviews({
  taskId,
  commentId,
  fileCount,
}: {
  taskId: string;
  commentId: string;
  /** How many files the publish sent: until the thread shows them all, they are on their way. */
  fileCount: number;
}) {
  const thread = useTaskComments(taskId);
  const comment = thread.data?.find((row) => row.id === commentId);
  const previews = comment?.previews ?? [];
  const converting = previews.filter((preview) => preview.status === 'processing').length;
  const unlisted = Math.max(0, fileCount - previews.length);
  const broken = previews.filter((preview) => preview.status === 'broken').length;
  return (
    <Stack gap="xs" data-testid="published-previews">
      {converting > 0 || unlisted > 0 ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" data-testid="publish-processing">
            {converting > 0
              ? `Published. The server is converting ${converting === 1 ? 'a movie' : `${converting} movies`}: ${converting === 1 ? 'it shows' : 'they show'} in the thread once ready.`
              : 'Published. Waiting for the server to list the files…'}
          </Text>
        </Group>
      ) : broken > 0 ? (
        <Alert color="red" title="Published, but the server could not convert a movie">
          Open the task to see which; publish it again in another format (H.264 MP4 plays
          everywhere).
        </Alert>
      ) : (
        <Text size="sm" c="teal" data-testid="publish-ready">
          ✓ Published: revision {previews[0]?.revision ?? ''}, {previews.length}{' '}
          {previews.length === 1 ? 'file' : 'files'} ready.
        </Text>
      )}
    </Stack>
  );
}
