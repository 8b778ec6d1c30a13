import type { LoginResult } from '../../../src-shared/session';

export type OtpKind = 'totp' | 'email' | 'recovery';

export interface OtpValue {
  kind: OtpKind;
  code: string;
}

export type OtpPrompt = Extract<LoginResult, { status: 'otp-required' }>;

const METHOD_OF: Record<OtpKind, string> = {
  totp: 'totp',
  email: 'email_otp',
  recovery: 'recovery_code',
};

/** The kinds of code this account may log in with, the one it prefers first. */
export function otpKindsOf(prompt: OtpPrompt): OtpKind[] {
  const kinds = (['totp', 'email', 'recovery'] as const).filter((kind) =>
    prompt.methods.includes(METHOD_OF[kind]),
  );
  const preferred = kinds.find((kind) => METHOD_OF[kind] === prompt.preferred);
  const ordered = preferred ? [preferred, ...kinds.filter((kind) => kind !== preferred)] : kinds;
  // Kitsu asked for a code: an authenticator code is the usual one when it says nothing more.
  return ordered.length > 0 ? ordered : ['totp'];
}
