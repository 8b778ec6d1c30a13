import { z } from 'zod';

// Zou's pydantic schemas (blueprints/auth/schemas.py) with pydantic's own messages, so that a
// bad body gets the same field errors.
const text = () => z.string({ error: 'Input should be a valid string' });
const requiredText = () => text().min(1, 'String should have at least 1 character');
const optionalText = () => text().nullish();
const optionalDict = () =>
  z.record(z.string(), z.unknown(), { error: 'Input should be a valid dictionary' }).nullish();

const secondFactor = {
  totp: optionalText(),
  email_otp: optionalText(),
  fido_authentication_response: optionalDict(),
  recovery_code: optionalText(),
};

export const loginSchema = z.object({
  email: requiredText(),
  password: text().optional().default('default'),
  ...secondFactor,
});

export const changePasswordSchema = z.object({
  old_password: requiredText(),
  password: requiredText(),
  password_2: requiredText(),
});

export const resetPasswordSchema = z.object({
  email: requiredText(),
  token: requiredText(),
  password: requiredText(),
  password2: requiredText(),
});

export const sendPasswordResetSchema = z.object({ email: requiredText() });

export const totpSchema = z.object({ totp: requiredText() });

export const twoFactorSchema = z.object(secondFactor);

export const emailOtpSchema = z.object({ email_otp: requiredText() });

export const fidoRegisterSchema = z.object({
  registration_response: z.record(z.string(), z.unknown(), {
    error: 'Input should be a valid dictionary',
  }),
  device_name: requiredText(),
});

export const fidoUnregisterSchema = z.object({ device_name: requiredText(), ...secondFactor });

/** The codes a 2FA-protected request may carry. */
export type SecondFactorInput = z.infer<typeof twoFactorSchema>;
