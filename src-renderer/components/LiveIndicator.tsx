import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { LiveState } from '../../src-shared/live';
import { useLiveState } from '../queries/live-hooks';

interface Look {
  color: string;
  label: string;
  explanation: string;
}

function lookOf(state: LiveState): Look {
  if (state.status === 'connected') {
    return {
      color: 'var(--mantine-color-green-6)',
      label: 'Live',
      explanation: 'Comments, statuses and assignments from others appear as they happen.',
    };
  }
  if (state.status === 'connecting') {
    return {
      color: 'var(--mantine-color-yellow-5)',
      label: state.detail ? 'Reconnecting…' : 'Connecting…',
      explanation: 'Shotdesk is connecting to the server’s live updates.',
    };
  }
  return {
    color: 'var(--mantine-color-gray-6)',
    label: 'Offline — updates paused',
    explanation:
      'Shotdesk keeps trying to reconnect, and refreshes your tasks and comments when it does.',
  };
}

/** Whether others' changes arrive by themselves, and why not when they do not. */
export function LiveIndicator() {
  const live = useLiveState();
  if (!live.data) return null;
  const look = lookOf(live.data);
  const tooltip = live.data.detail ? `${live.data.detail} ${look.explanation}` : look.explanation;
  return (
    <Tooltip multiline w={300} position="bottom-end" label={tooltip} data-testid="live-tooltip">
      <Group
        gap={6}
        wrap="nowrap"
        tabIndex={0}
        aria-label={`${look.label}. ${tooltip}`}
        data-testid="live-indicator"
        data-status={live.data.status}
      >
        <Box
          w={8}
          h={8}
          style={{ borderRadius: '50%', backgroundColor: look.color, flexShrink: 0 }}
          aria-hidden
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {look.label}
        </Text>
      </Group>
    </Tooltip>
  );
}
