import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoggedInState } from '../../../src-shared/session';
import { LiveIndicator } from '../../components/LiveIndicator';
import { call } from '../../ipc/api';
import { queryKeys } from '../../queries/keys';
import { useUiStore } from '../../state/ui-store';

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
  const server = session.server.kind === 'local' ? 'Local studio' : session.server.apiUrl;
  return (
    <Group justify="space-between" px="md" h="100%" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Text fw={800} size="lg">
          Shotdesk
        </Text>
        <Text size="sm" c="dimmed" truncate>
          {server}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LiveIndicator />
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
        <Text size="sm" data-testid="current-user">
          {session.user.fullName}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => logout.mutate()}
          loading={logout.isPending}
          data-testid="logout"
        >
          Log out
        </Button>
      </Group>
    </Group>
  );
}
