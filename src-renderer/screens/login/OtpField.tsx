import { Alert, Anchor, TextInput } from '@mantine/core';
import type { LoginResult } from '../../../src-shared/session';

export interface OtpValue {
  kind: 'totp' | 'recovery';
  code: string;
}

interface OtpFieldProps {
  prompt: Extract<LoginResult, { status: 'otp-required' }>;
  value: OtpValue;
  onChange(value: OtpValue): void;
}

/** The second factor Kitsu asked for: an authenticator code, or a recovery code. */
export function OtpField({ prompt, value, onChange }: OtpFieldProps) {
  const canUseRecovery = prompt.methods.includes('recovery_code');
  const recovery = value.kind === 'recovery';
  return (
    <>
      <Alert color="blue" variant="light" data-testid="otp-prompt">
        {prompt.message}
      </Alert>
      <TextInput
        label={recovery ? 'Recovery code' : 'Authentication code'}
        value={value.code}
        onChange={(event) => onChange({ ...value, code: event.currentTarget.value })}
        autoComplete="one-time-code"
        inputMode={recovery ? 'text' : 'numeric'}
        data-testid="login-otp"
        autoFocus
        required
      />
      {canUseRecovery && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => onChange({ kind: recovery ? 'totp' : 'recovery', code: '' })}
        >
          {recovery ? 'Use an authenticator code instead' : 'Use a recovery code instead'}
        </Anchor>
      )}
    </>
  );
}
