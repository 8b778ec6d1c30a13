import { Box, Group, Loader, Text, Tooltip } from '@mantine/core';
import { parseKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { SyncState } from '../../src-shared/sync';
import { useSyncState } from '../queries/sync-hooks';

interface Look {
  color: string;
  label: string;
  explanation: string;
}

function lookOf(state: SyncState): Look {
  if (state.connectivity === 'offline') {
    return {
      color: 'var(--mantine-color-orange-6)',
      label: 'Offline — showing cached data',
      explanation:
        'The server cannot be reached. Your tasks and the comments you opened show as they were; what you write waits on this computer and is sent when the server is back.',
    };
  }
  if (state.connectivity === 'syncing') {
    return {
      color: 'var(--mantine-color-blue-5)',
      label: 'Syncing…',
      explanation: 'Shotdesk is bringing your tasks and their comments up to date.',
    };
  }
  return {
    color: 'var(--mantine-color-teal-6)',
    label: 'Online',
    explanation:
      'Your tasks and comments are kept on this computer too, for when the server is away.',
  };
}

function lastSync(lastSyncedAt: string | null): string {
  const date = lastSyncedAt === null ? null : parseKitsuDateTime(lastSyncedAt);
  if (!date) return 'Not synced with the server yet.';
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `Last synced ${when.format(date)}.`;
}

/** Whether the server answers, whether the cache is being brought up to date, and since when. */
export function SyncIndicator() {
  const sync = useSyncState();
  if (!sync.data) return null;
  const look = lookOf(sync.data);
  const pending =
    sync.data.pending > 0
      ? ` ${sync.data.pending} ${sync.data.pending === 1 ? 'write waits' : 'writes wait'} to be sent.`
      : '';
  const tooltip = `${look.explanation} ${lastSync(sync.data.lastSyncedAt)}${pending}`;
  return (
    <Tooltip multiline w={320} position="bottom-end" label={tooltip}>
      <Group
        gap={6}
        wrap="nowrap"
        tabIndex={0}
        aria-label={`${look.label}. ${tooltip}`}
        data-testid="sync-indicator"
        data-status={sync.data.connectivity}
      >
        {sync.data.connectivity === 'syncing' ? (
          <Loader size={10} color="blue" aria-hidden />
        ) : (
          <Box
            w={8}
            h={8}
            style={{ borderRadius: '50%', backgroundColor: look.color, flexShrink: 0 }}
            aria-hidden
          />
        )}
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="sync-label">
          {look.label}
        </Text>
      </Group>
    </Tooltip>
  );
}
