import { Button, Text } from '@mantine/core';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useAcknowledge } from '../../queries/thread-hooks';
import { ThumbUpIcon } from '../../components/icons';
import { OutboxBadge } from './OutboxBadge';

/** Acknowledges a comment ("seen, on it"), or withdraws it: the count is everyone's. */
export function AckButton({
  taskId,
  commentId,
  acknowledgedBy,
  pending,
  myId,
}: {
  taskId: string;
  commentId: string;
  acknowledgedBy: readonly string[];
  /** The person's change waits in the outbox (offline). */
  pending: boolean;
  myId: string | null;
}) {
  const ack = useAcknowledge(taskId, commentId);
  const mine = myId !== null && acknowledgedBy.includes(myId);
  const count = acknowledgedBy.length;
  const others = count - (mine ? 1 : 0);
  const label = mine
    ? `You acknowledged this comment${others > 0 ? ` with ${others} other${others === 1 ? '' : 's'}` : ''}. Withdraw`
    : `Acknowledge this comment${count > 0 ? ` (${count} already did)` : ''}`;
  return (
    <>
      <Button
        variant={mine ? 'light' : 'subtle'}
        color={mine ? 'indigo' : 'gray'}
        size="compact-sm"
        leftSection={<ThumbUpIcon />}
        loading={ack.isPending}
        onClick={() => ack.mutate(!mine)}
        aria-pressed={mine}
        aria-label={label}
        title={label}
        data-testid="comment-ack"
        data-acknowledged={mine}
      >
        <span data-testid="comment-ack-count">{count}</span>
      </Button>
      {pending && (
        <span data-testid="comment-ack-pending">
          <OutboxBadge state="pending" />
        </span>
      )}
      {ack.isError && (
        <Text size="xs" c="red" role="alert" data-testid="comment-ack-error">
          {errorMessage(ack.error)}
        </Text>
      )}
    </>
  );
}
