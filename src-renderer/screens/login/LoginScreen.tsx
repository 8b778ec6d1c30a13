import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { LoginResult, ServerTarget } from '../../../src-shared/session';
import { ScreenFrame } from '../../components/ScreenFrame';
import { StorageWarning } from '../../components/StorageWarning';
import { call } from '../../ipc/api';
import { errorMessage } from '../../ipc/ipc-call-error';
import { useAppInfo } from '../../queries/hooks';
import { queryKeys } from '../../queries/keys';
import { useUiStore } from '../../state/ui-store';
import { OtpField } from './OtpField';
import { otpKindsOf, type OtpValue } from './otp-kinds';

interface LoginScreenProps {
  server: ServerTarget;
  label: string;
  /** Why the previous session ended, if it did by itself. */
  notice: string | null;
}

export function LoginScreen({ server, label, notice }: LoginScreenProps) {
  const appInfo = useAppInfo();
  if (!appInfo.data) return null;
  return (
    <LoginForm
      key={label}
      server={server}
      label={label}
      notice={notice}
      osUserName={appInfo.data.osUserName}
      encrypted={appInfo.data.tokenStorage.encrypted}
    />
  );
}

function LoginForm({
  server,
  label,
  notice,
  osUserName,
  encrypted,
}: LoginScreenProps & { osUserName: string; encrypted: boolean }) {
  const queryClient = useQueryClient();
  const setEntry = useUiStore((ui) => ui.setEntry);
  const [identifier, setIdentifier] = useState(osUserName);
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState<OtpValue | null>(null);
  const [otpPrompt, setOtpPrompt] = useState<Extract<
    LoginResult,
    { status: 'otp-required' }
  > | null>(null);

  const login = useMutation({
    mutationFn: () =>
      call('session:login', {
        server,
        identifier: identifier.trim(),
        password,
        ...(otp?.kind === 'totp' && otp.code.trim() ? { totp: otp.code.trim() } : {}),
        ...(otp?.kind === 'email' && otp.code.trim() ? { emailOtp: otp.code.trim() } : {}),
        ...(otp?.kind === 'recovery' && otp.code.trim() ? { recoveryCode: otp.code.trim() } : {}),
      }),
    onSuccess: (result) => {
      if (result.status === 'logged-in') {
        queryClient.setQueryData(queryKeys.session, result.session);
      } else if (result.status === 'otp-required') {
        setOtpPrompt(result);
        // A wrong code asked again keeps the kind the person chose.
        setOtp((current) => current ?? { kind: otpKindsOf(result)[0]!, code: '' });
      }
    },
  });

  const problem = login.isError
    ? errorMessage(login.error)
    : login.data?.status === 'rejected'
      ? login.data.message
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (identifier.trim() && password) login.mutate();
  };

  return (
    <ScreenFrame subtitle="Log in with your Kitsu account.">
      <Card withBorder padding="xl" maw={420} mx="auto" data-testid="login">
        <form onSubmit={submit}>
          <Stack gap="md">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c="dimmed" truncate data-testid="login-server">
                {label}
              </Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setEntry({ step: 'welcome' })}
                data-testid="change-server"
              >
                Change server
              </Anchor>
            </Group>
            {notice && !login.data && (
              <Alert color="blue" variant="light">
                {notice}
              </Alert>
            )}
            <TextInput
              label="Email or desktop ID"
              description="Your desktop ID is usually your computer user name."
              value={identifier}
              onChange={(event) => setIdentifier(event.currentTarget.value)}
              autoComplete="username"
              data-testid="login-identifier"
              required
            />
            <PasswordInput
              label="Password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="current-password"
              data-testid="login-password"
              autoFocus
              required
            />
            {otpPrompt && otp && (
              <OtpField
                prompt={otpPrompt}
                value={otp}
                onChange={setOtp}
                sendEmail={() =>
                  call('session:send-email-otp', { server, identifier: identifier.trim() })
                }
              />
            )}
            {problem && (
              <Alert color="red" role="alert" data-testid="login-error">
                {problem}
              </Alert>
            )}
            <Button type="submit" size="md" loading={login.isPending} data-testid="login-submit">
              Log in
            </Button>
            {!encrypted && <StorageWarning />}
          </Stack>
        </form>
      </Card>
    </ScreenFrame>
  );
}
