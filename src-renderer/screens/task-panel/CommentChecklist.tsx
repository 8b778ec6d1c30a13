import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import type { TaskComment } from '../../../src-shared/task-comment';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useUpdateChecklist } from '../../queries/thread-hooks';

/** A comment's checklist: ticking an item saves it at once, and undoes it if refused. */
export function CommentChecklist({ taskId, comment }: { taskId: string; comment: TaskComment }) {
  const update = useUpdateChecklist(taskId, comment.id);
  const toggle = (index: number, checked: boolean) =>
    update.mutate(
      comment.checklist.map((item, position) => (position === index ? { ...item, checked } : item)),
    );
  const done = comment.checklist.filter((item) => item.checked).length;
  return (
    <Stack gap={4} data-testid="comment-checklist">
      <Text size="xs" c="dimmed">
        Checklist · {done}/{comment.checklist.length} done
      </Text>
      {comment.checklist.map((item, index) => (
        <Checkbox
          key={index}
          size="sm"
          label={item.text}
          checked={item.checked}
          onChange={(event) => toggle(index, event.currentTarget.checked)}
          styles={{ label: { overflowWrap: 'anywhere' } }}
          data-testid="checklist-item"
          data-checked={item.checked}
        />
      ))}
      {update.isError && (
        <Alert
          color="red"
          role="alert"
          title="The checklist was not saved"
          data-testid="checklist-error"
        >
          <Text size="sm">{errorMessage(update.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
