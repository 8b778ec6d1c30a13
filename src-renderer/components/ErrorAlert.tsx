import { Alert, Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../ipc/ipc-call-error';

/**
 * What failed and why, then what to do: a hint (e.g. that nothing typed was lost) and, where
 * trying again can help, a button for it.
 */
export function ErrorAlert({
  title,
  error,
  hint,
  onRetry,
  maw,
  testId,
}: {
  title: string;
  error: unknown;
  hint?: ReactNode;
  onRetry?(): void;
  maw?: number;
  testId?: string;
}) {
  return (
    <Alert color="red" role="alert" title={title} maw={maw} data-testid={testId}>
      <Text size="sm">{errorMessage(error)}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
