import { KitsuError } from '../http/errors';
import type { ServerSettings } from '../context';

/** The `{"error": true, "message": …}` 400s the auth resources answer by hand. */
export function authError(message: string, extra: Record<string, unknown> = {}): KitsuError {
  return new KitsuError(400, { error: true, message, ...extra });
}

export function wrongOtp(message = 'OTP verification failed.'): KitsuError {
  return authError(message, { wrong_OTP: true });
}

/**
 * `auth.validate_password`: length first (in characters, as Python counts), then the
 * confirmation.
 */
export function validateNewPassword(
  settings: ServerSettings,
  password: string,
  confirmation: string,
): void {
  if ([...password].length < settings.minPasswordLength) {
    throw authError('Password is too short.');
  }
  if (password !== confirmation) throw authError("Confirmation password doesn't match.");
}
