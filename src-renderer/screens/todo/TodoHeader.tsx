import { Badge, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LoggedInState } from '../../../src-shared/session';
import { LiveIndicator } from '../../components/LiveIndicator';
import { SyncIndicator } from '../../components/SyncIndicator';
import { call } from '../../ipc/api';
import { useSettings } from '../../queries/hooks';
import { queryKeys } from '../../queries/keys';
import { useSyncState } from '../../queries/sync-hooks';
import { useUiStore } from '../../state/ui-store';
import { SettingsDialog } from '../settings/SettingsDialog';
import { PendingWrites } from './PendingWrites';

export function TodoHeader({ session }: { session: LoggedInState }) {
  const queryClient = useQueryClient();
  const setEntry = useUiStore((ui) => ui.setEntry);
  const logout = useMutation({
    mutationFn: () => call('session:logout', {}),
    onSuccess: (state) => {
      queryClient.removeQueries({ queryKey: queryKeys.tasks });
      queryClient.setQueryData(queryKeys.session, state);
      setEntry({ step: 'welcome' });
    },
  });
  // Writes not sent yet stay in this computer's outbox: logging out says so first.
  const pending = useSyncState().data?.pending ?? 0;
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settings = useSettings();
  const server = session.server.kind === 'local' ? 'Local studio' : session.server.apiUrl;
  return (
    <Group justify="space-between" px="md" h="100%" wrap="nowrap">
      {/* The server's address gives way first: the indicators and badges stay whole. */}
      <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <Text fw={800} size="lg" style={{ flexShrink: 0 }}>
          Shotdesk
        </Text>
        <Text size="sm" c="dimmed" truncate>
          {server}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <LiveIndicator />
        <SyncIndicator />
        <PendingWrites />
        {!session.tokenStorage.encrypted && (
          <Tooltip
            multiline
            w={280}
            label="This computer offers no encrypted storage: your session is kept in a file only your user account can read."
          >
            <Badge color="yellow" variant="light" data-testid="storage-warning-badge">
              Login stored unencrypted
            </Badge>
          </Tooltip>
        )}
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          onClick={() => setSettingsOpen(true)}
          disabled={!settings.data}
          data-testid="settings-open"
        >
          Settings
        </Button>
        {settingsOpen && settings.data && (
          <SettingsDialog settings={settings.data} onClose={() => setSettingsOpen(false)} />
        )}
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="current-user">
          {session.user.fullName}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => (pending > 0 ? setConfirmingLogout(true) : logout.mutate())}
          loading={logout.isPending}
          data-testid="logout"
        >
          Log out
        </Button>
        <Modal
          opened={confirmingLogout}
          onClose={() => setConfirmingLogout(false)}
          title="Log out with changes not sent yet?"
          centered
          data-testid="logout-confirm"
        >
          <Stack gap="md">
            <Text size="sm">
              {pending === 1 ? 'One change has' : `${pending} changes have`} not reached the server
              yet. {pending === 1 ? 'It stays' : 'They stay'} on this computer and{' '}
              {pending === 1 ? 'is' : 'are'} sent the next time you log in here as{' '}
              {session.user.fullName} on {server}.
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirmingLogout(false)}>
                Stay logged in
              </Button>
              <Button
                color="orange"
                onClick={() => {
                  setConfirmingLogout(false);
                  logout.mutate();
                }}
                data-testid="logout-confirm-button"
              >
                Log out
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Group>
    </Group>
  );
}
