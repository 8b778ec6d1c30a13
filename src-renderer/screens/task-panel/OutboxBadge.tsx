import { Badge, Tooltip } from '@mantine/core';
import type { OutboxState } from '../../../src-shared/sync';

const LOOKS: Record<OutboxState, { label: string; color: string; explanation: string }> = {
  pending: {
    label: 'Waiting to send',
    color: 'gray',
    explanation:
      'Kept on this computer: it goes to the server by itself as soon as the server is reachable.',
  },
  sending: {
    label: 'Sending…',
    color: 'blue',
    explanation: 'On its way to the server.',
  },
  conflict: {
    label: 'Conflict',
    color: 'orange',
    explanation: 'The task changed on the server meanwhile: choose above what to do with it.',
  },
  failed: {
    label: 'Not sent',
    color: 'red',
    explanation: 'The server refused it: see why above, then edit or discard it.',
  },
};

/** Where a comment written here stands on its way to the server. */
export function OutboxBadge({ state }: { state: OutboxState }) {
  const look = LOOKS[state];
  return (
    <Tooltip multiline w={260} label={look.explanation}>
      <Badge
        size="sm"
        variant="light"
        color={look.color}
        style={{ flexShrink: 0 }}
        data-testid="comment-outbox-state"
        data-state={state}
      >
        {look.label}
      </Badge>
    </Tooltip>
  );
}
