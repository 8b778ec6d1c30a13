import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../ipc/ipc-call-error';
import { otpKindsOf, type OtpKind, type OtpPrompt, type OtpValue } from './otp-kinds';

const LABELS: Record<OtpKind, { field: string; switchTo: string; hint: string }> = {
  totp: {
    field: 'Authentication code',
    switchTo: 'Use an authenticator code',
    hint: 'Enter the code your authenticator app shows.',
  },
  email: {
    field: 'Code from the email',
    switchTo: 'Get a code by email',
    hint: 'Ask Kitsu to email you a code, then enter it.',
  },
  recovery: {
    field: 'Recovery code',
    switchTo: 'Use a recovery code',
    hint: 'Enter one of the recovery codes you kept when you set this up.',
  },
};

interface OtpFieldProps {
  prompt: OtpPrompt;
  value: OtpValue;
  onChange(value: OtpValue): void;
  /** Asks Kitsu to mail a code to the account being logged in. */
  sendEmail(): Promise<null>;
}

/**
 * The second factor Kitsu asked for: an authenticator code, a code Kitsu mails on request, or
 * a recovery code, as the account allows. Security keys (FIDO) need Kitsu's web page.
 */
export function OtpField({ prompt, value, onChange, sendEmail }: OtpFieldProps) {
  const kinds = otpKindsOf(prompt);
  const email = useMutation({ mutationFn: sendEmail });
  const onlyFido =
    prompt.methods.includes('fido') && !kinds.includes('totp') && !kinds.includes('email');
  return (
    <>
      <Alert color="blue" variant="light" data-testid="otp-prompt">
        This account uses two-factor authentication. {LABELS[value.kind].hint}
        {onlyFido && ' Security keys work in Kitsu’s web page only: use a recovery code here.'}
      </Alert>
      {value.kind === 'email' && (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            style={{ flexShrink: 0 }}
            loading={email.isPending}
            onClick={() => email.mutate()}
            data-testid="login-send-email-otp"
          >
            {email.isSuccess ? 'Send another code' : 'Email me a code'}
          </Button>
          {email.isSuccess && (
            <Text size="xs" c="dimmed" data-testid="login-email-otp-sent">
              Sent, if your account takes codes by email: check your mail.
            </Text>
          )}
        </Group>
      )}
      {email.isError && (
        <Text size="xs" c="red" data-testid="login-email-otp-error">
          {errorMessage(email.error)}
        </Text>
      )}
      <TextInput
        label={LABELS[value.kind].field}
        value={value.code}
        onChange={(event) => onChange({ ...value, code: event.currentTarget.value })}
        autoComplete="one-time-code"
        inputMode={value.kind === 'recovery' ? 'text' : 'numeric'}
        data-testid="login-otp"
        autoFocus
        required
      />
      {kinds.length > 1 && (
        <Stack gap={2}>
          {kinds
            .filter((kind) => kind !== value.kind)
            .map((kind) => (
              <Anchor
                key={kind}
                component="button"
                type="button"
                size="sm"
                onClick={() => onChange({ kind, code: '' })}
                data-testid={`login-otp-use-${kind}`}
              >
                {LABELS[kind].switchTo} instead
              </Anchor>
            ))}
        </Stack>
      )}
    </>
  );
}
