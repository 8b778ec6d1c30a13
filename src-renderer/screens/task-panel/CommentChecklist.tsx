import { Checkbox, Stack, Text } from '@mantine/core';
import type { TaskComment } from '../../../src-shared/task-comment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUpdateChecklist } from '../../queries/thread-hooks';

/**
 * A comment's checklist: ticking an item saves it at once, and undoes it if refused.
 * `readOnly` for a comment not on the server yet.
 */
export function CommentChecklist({
  taskId,
  comment,
  readOnly = false,
}: {
  taskId: string;
  comment: TaskComment;
  readOnly?: boolean;
}) {
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
          disabled={readOnly}
          onChange={(event) => toggle(index, event.currentTarget.checked)}
          styles={{ label: { overflowWrap: 'anywhere' } }}
          data-testid="checklist-item"
          data-checked={item.checked}
        />
      ))}
      {update.isError && (
        <ErrorAlert
          title="The checklist was not saved"
          error={update.error}
          testId="checklist-error"
        />
      )}
    </Stack>
  );
}
