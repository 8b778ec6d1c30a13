import { Alert, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../ipc/api';
import { errorMessage } from '../../ipc/ipc-call-error';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useUiStore } from '../../state/ui-store';
import { ConnectForm } from './ConnectForm';

export function WelcomeScreen() {
  const setEntry = useUiStore((ui) => ui.setEntry);
  const openLocal = useMutation({
    mutationFn: () => call('studio:open-local', {}),
    onSuccess: () => setEntry({ step: 'login', server: { kind: 'local' }, label: 'Local studio' }),
  });

  return (
    <ScreenFrame subtitle="Your tasks on Kitsu, on your desktop.">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" data-testid="welcome">
        <Card withBorder padding="lg">
          <Stack justify="space-between" h="100%">
            <Stack gap="xs">
              <Title order={3}>Open the local studio</Title>
              <Text size="sm" c="dimmed">
                A Kitsu server on this computer, no setup needed. The first time, it comes with a
                demo production to try Shotdesk on.
              </Text>
            </Stack>
            {openLocal.isError && (
              <Alert color="red" role="alert" data-testid="studio-error">
                {errorMessage(openLocal.error)}
              </Alert>
            )}
            <Button
              size="md"
              onClick={() => openLocal.mutate()}
              loading={openLocal.isPending}
              data-testid="open-local-studio"
            >
              Open the local studio
            </Button>
            {openLocal.isPending && (
              <Text size="xs" c="dimmed" ta="center">
                Starting the local studio…
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="xs">
            <Title order={3}>Connect to a Kitsu server</Title>
            <Text size="sm" c="dimmed">
              Your studio’s Kitsu: the address of its web page.
            </Text>
            <ConnectForm />
          </Stack>
        </Card>
      </SimpleGrid>
    </ScreenFrame>
  );
}
