import type { LoginResult } from '../../src-shared/session';
import { AppError } from '../kitsu/app-error';
import { apiPath } from '../kitsu/api-url';
import { httpFailure, unreachable } from '../kitsu/http-failure';
import { readJson, type KitsuTokens } from '../kitsu/kitsu-client';
import { LOGIN_MESSAGES } from './login-messages';

export interface Credentials {
  identifier: string;
  password: string;
  totp?: string;
  /** A code Kitsu mailed (`GET /auth/email-otp`). */
  emailOtp?: string;
  recoveryCode?: string;
}

export type LoginOutcome =
  | { status: 'authenticated'; tokens: KitsuTokens; user: unknown }
  | Exclude<LoginResult, { status: 'logged-in' }>;

/** `POST /auth/login` (REFERENCE §1): Kitsu's every answer mapped to an outcome or an AppError. */
export async function requestLogin(
  apiUrl: string,
  credentials: Credentials,
  fetchImpl: typeof fetch = fetch,
): Promise<LoginOutcome> {
  const url = apiPath(apiUrl, '/auth/login');
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        // Kitsu's `email` field takes an email or a desktop login.
        email: credentials.identifier,
        password: credentials.password,
        ...(credentials.totp ? { totp: credentials.totp } : {}),
        ...(credentials.emailOtp ? { email_otp: credentials.emailOtp } : {}),
        ...(credentials.recoveryCode ? { recovery_code: credentials.recoveryCode } : {}),
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw unreachable(url, error);
  }
  const body = await readJson(response);
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;

  if (response.ok && fields.login === true && typeof fields.access_token === 'string') {
    if (fields.two_factor_authentication_required === true) {
      return rejected('two-factor-setup-required', LOGIN_MESSAGES.twoFactorSetup);
    }
    return {
      status: 'authenticated',
      tokens: {
        accessToken: fields.access_token,
        refreshToken: typeof fields.refresh_token === 'string' ? fields.refresh_token : null,
      },
      user: fields.user,
    };
  }
  if (fields.too_many_failed_login_attemps === true) {
    return rejected('locked-out', LOGIN_MESSAGES.lockedOut);
  }
  if (fields.unactive === true) return rejected('inactive', LOGIN_MESSAGES.inactive);
  if (fields.missing_OTP === true) {
    const methods = Array.isArray(fields.two_factor_authentication_enabled)
      ? fields.two_factor_authentication_enabled.filter((m): m is string => typeof m === 'string')
      : [];
    const preferred = fields.preferred_two_factor_authentication;
    return {
      status: 'otp-required',
      methods,
      preferred: typeof preferred === 'string' ? preferred : null,
      message: LOGIN_MESSAGES.otpRequired,
    };
  }
  if (fields.wrong_OTP === true) return rejected('wrong-otp', LOGIN_MESSAGES.wrongOtp);
  if (fields.default_password === true) {
    return rejected('default-password', LOGIN_MESSAGES.defaultPassword);
  }
  if (response.status === 409) throw new AppError('server-error', LOGIN_MESSAGES.noStrategy, 409);
  if (response.status === 400 && fields.login === false) {
    return rejected('wrong-credentials', LOGIN_MESSAGES.wrongCredentials);
  }
  throw httpFailure(response.status, body, 'Logging in');
}

function rejected(
  reason: Extract<LoginResult, { status: 'rejected' }>['reason'],
  message: string,
): LoginOutcome {
  return { status: 'rejected', reason, message };
}
