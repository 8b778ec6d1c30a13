import { Alert, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../ipc/api';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useRecentServers } from '../../queries/hooks';
import { queryKeys } from '../../queries/keys';
import { useUiStore } from '../../state/ui-store';

/** Address of a Kitsu server, checked (`GET /api`) before the login form opens. */
export function ConnectForm() {
  const [url, setUrl] = useState('');
  const setEntry = useUiStore((ui) => ui.setEntry);
  const recent = useRecentServers();
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: (address: string) => call('server:check', { url: address }),
    onSuccess: (result) => {
      if (result.status === 'kitsu') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.recentServers });
        setEntry({
          step: 'login',
          server: { kind: 'remote', url: result.apiUrl },
          label: result.apiUrl,
        });
      }
    },
  });
  const problem = check.isError
    ? errorMessage(check.error)
    : check.data?.status === 'not-kitsu'
      ? check.data.message
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) check.mutate(url.trim());
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label="Server address"
            placeholder="https://kitsu.your-studio.com"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            data-testid="server-url"
            autoComplete="url"
          />
          <Button
            type="submit"
            variant="light"
            loading={check.isPending}
            disabled={!url.trim()}
            data-testid="connect-server"
          >
            Connect
          </Button>
        </Stack>
      </form>
      {problem && (
        <Alert color="red" role="alert" data-testid="connect-error">
          {problem}
        </Alert>
      )}
      {recent.data && recent.data.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Recent servers
          </Text>
          {recent.data.map((server) => (
            <UnstyledButton
              key={server.apiUrl}
              onClick={() => {
                setUrl(server.apiUrl);
                check.mutate(server.apiUrl);
              }}
              data-testid="recent-server"
            >
              <Group gap="xs">
                <Text size="sm" c="indigo.4">
                  {server.apiUrl}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
