import { describe, expect, it } from 'vitest';
import { otpKindsOf, type OtpPrompt } from './otp-kinds';

const prompt = (methods: string[], preferred: string | null): OtpPrompt => ({
  status: 'otp-required',
  methods,
  preferred,
  message: 'Enter the code.',
});

describe('otpKindsOf', () => {
  it('puts the account’s preferred kind of code first, then the others it has', () => {
    expect(otpKindsOf(prompt(['recovery_code', 'totp', 'email_otp'], 'email_otp'))).toEqual([
      'email',
      'totp',
      'recovery',
    ]);
    expect(otpKindsOf(prompt(['recovery_code', 'totp'], null))).toEqual(['totp', 'recovery']);
  });

  it('offers a recovery code where only a security key would do, and a code when told nothing', () => {
    expect(otpKindsOf(prompt(['recovery_code', 'fido'], 'fido'))).toEqual(['recovery']);
    expect(otpKindsOf(prompt([], null))).toEqual(['totp']);
  });
});
