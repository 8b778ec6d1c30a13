import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { PublishProgress } from '../../../src-shared/publish';
import { PublishedPreviews } from './PublishedPreviews';

/** After "Publish": where it stands, then the server's processing of what was sent. */
export function PublishState({
  taskId,
  progress,
  offline,
  onClose,
}: {
  taskId: string;
  progress: PublishProgress | null;
  offline: boolean;
  onClose(): void;
}) {
  const state = progress?.state ?? 'pending';
  return (
    <Stack gap="sm" data-testid="publish-state" data-state={state}>
      {state === 'done' && progress?.commentId ? (
        <PublishedPreviews
          taskId={taskId}
          commentId={progress.commentId}
          fileCount={progress.files.length}
        />
      ) : state === 'conflict' || state === 'failed' ? (
        <Alert color={state === 'conflict' ? 'orange' : 'red'} title="The publish stopped">
          {state === 'conflict'
            ? 'The task’s status changed on the server meanwhile.'
            : 'The server refused part of it.'}{' '}
          Open the task to choose what to do: it is kept on this computer until then.
        </Alert>
      ) : offline ? (
        <Alert color="gray" title="Waiting for the server" data-testid="publish-offline">
          The server cannot be reached. The publish is kept on this computer and uploads by itself
          as soon as the server is back. You can close this window.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Publishing… You can close this window: it goes on in the background.
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="publish-close">
          Close
        </Button>
      </Group>
    </Stack>
  );
}
