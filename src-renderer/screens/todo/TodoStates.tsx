import { Button, Center, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';

export function TodoSkeleton() {
  return (
    <Stack gap={8} p="md" data-testid="todo-loading" aria-busy>
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} height={40} radius="sm" />
      ))}
    </Stack>
  );
}

export function TodoError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <Center p="xl">
      <ErrorAlert
        title="Your tasks could not be loaded"
        error={error}
        onRetry={onRetry}
        maw={560}
        testId="todo-error"
      />
    </Center>
  );
}

export function TodoEmpty({
  tab,
  filtered,
  onClear,
}: {
  tab: 'todo' | 'done' | 'to-check';
  filtered: boolean;
  onClear(): void;
}) {
  return (
    <Center p="xl" data-testid="todo-empty">
      <Stack align="center" gap="xs" maw={440}>
        {filtered ? (
          <>
            <Text fw={600}>No task matches these filters.</Text>
            <Button size="xs" variant="light" onClick={onClear}>
              Clear the search and filters
            </Button>
          </>
        ) : tab === 'todo' ? (
          <>
            <Text fw={600}>Nothing on your todo list.</Text>
            <Text size="sm" c="dimmed" ta="center">
              Tasks assigned to you appear here. If you expected some, ask your supervisor to assign
              them to you in Kitsu.
            </Text>
          </>
        ) : tab === 'to-check' ? (
          <>
            <Text fw={600}>Nothing waiting for your review.</Text>
            <Text size="sm" c="dimmed" ta="center">
              Tasks of your projects (and departments, for supervisors) appear here when their
              status asks for feedback, such as “Waiting For Approval”.
            </Text>
          </>
        ) : (
          <>
            <Text fw={600}>No finished task yet.</Text>
            <Text size="sm" c="dimmed" ta="center">
              Tasks move here once their status is a “done” one.
            </Text>
          </>
        )}
      </Stack>
    </Center>
  );
}
