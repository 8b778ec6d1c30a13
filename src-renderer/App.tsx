import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { SessionState } from '../src-shared/session';
import { errorMessage } from './ipc/ipc-call-error';
import { useSessionState } from './queries/hooks';
import { LoginScreen } from './screens/login/LoginScreen';
import { TodoScreen } from './screens/todo/TodoScreen';
import { WelcomeScreen } from './screens/welcome/WelcomeScreen';
import { serverLabel, useUiStore, type EntryStep } from './state/ui-store';

export function App() {
  const session = useSessionState();
  if (session.isPending) {
    return (
      <Center h="100%">
        <Stack align="center" gap="xs" data-testid="app-starting">
          <Loader />
          <Text c="dimmed">Opening your session…</Text>
        </Stack>
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100%">
        <Stack align="center" maw={480} role="alert">
          <Text>Shotdesk could not read your session: {errorMessage(session.error)}</Text>
          <Button onClick={() => void session.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (session.data.status === 'logged-in') return <TodoScreen session={session.data} />;
  return <Entry state={session.data} />;
}

function Entry({ state }: { state: Extract<SessionState, { status: 'logged-out' }> }) {
  const chosen = useUiStore((ui) => ui.entry);
  const entry: EntryStep =
    chosen ??
    (state.lastServer
      ? { step: 'login', server: state.lastServer, label: serverLabel(state.lastServer) }
      : { step: 'welcome' });
  if (entry.step === 'welcome') return <WelcomeScreen />;
  return <LoginScreen server={entry.server} label={entry.label} notice={state.notice} />;
}
