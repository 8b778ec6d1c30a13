import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { KitsuError } from '../http/errors';
import { fromBrowser, setAccessCookie, setRefreshCookie, type CookiePaths } from './auth-cookies';
import { readBody } from './body';
import { AuthFailure, checkAuth } from './check-auth';
import { LockedOutError } from './lockout';
import { organisationView } from './organisation';
import type { PersonRow } from './person-row';
import { loginUserView } from './person-views';
import { issueResetToken } from './reset-tokens';
import { loginSchema } from './schemas';
import { issueTokenPair } from './tokens';
import { MissingOtpError } from './two-factor';

/** `POST /auth/login` (REFERENCE §1): email or desktop login, password, optional 2FA code. */
export function registerLoginRoute(
  scope: FastifyInstance,
  context: ServerContext,
  paths: CookiePaths,
): void {
  const { db } = context;
  scope.post('/auth/login', { config: { auth: 'none' } }, async (request, reply) => {
    const body = readBody(request, loginSchema, 'LoginSchema');
    let person: PersonRow;
    try {
      person = await checkAuth(context, body.email, body.password, body);
    } catch (error) {
      throw loginFailure(request, error);
    }

    if (body.password === 'default') {
      // The client sends the user to the reset form with this token (PUT /auth/reset-password).
      const token = issueResetToken(db, person.id);
      request.log.info(`User ${body.email} must change his password.`);
      throw new KitsuError(400, { login: false, default_password: true, token });
    }

    const tokens = issueTokenPair(context, person.id);
    const browser = fromBrowser(request);
    if (browser) {
      setAccessCookie(reply, paths, tokens.accessToken);
      setRefreshCookie(reply, paths, tokens.refreshToken);
    }
    writeLoginLog(context, person.id, clientIp(request), browser ? 'web' : 'script');
    return {
      user: loginUserView(db, person),
      organisation: organisationView(db, person.role === 'admin'),
      login: true,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
    };
  });
}

function loginFailure(request: FastifyRequest, error: unknown): KitsuError {
  if (error instanceof AuthFailure) {
    switch (error.reason) {
      case 'unactive':
        return new KitsuError(401, {
          error: true,
          login: false,
          unactive: true,
          message: 'User is unactive, he cannot log in.',
        });
      case 'wrong-otp':
        return new KitsuError(400, { error: true, login: false, wrong_OTP: true });
      default:
        return new KitsuError(400, { login: false });
    }
  }
  if (error instanceof LockedOutError) {
    return new KitsuError(400, { error: true, login: false, too_many_failed_login_attemps: true });
  }
  if (error instanceof MissingOtpError) {
    return new KitsuError(400, {
      error: true,
      login: false,
      missing_OTP: true,
      preferred_two_factor_authentication: error.preferred,
      two_factor_authentication_enabled: error.enabled,
    });
  }
  request.log.error({ err: error }, 'login failed');
  return new KitsuError(500, {
    error: true,
    login: false,
    message: 'A server error occurred. Please contact your administrator.',
  });
}

/** Zou reads the proxy's X-Real-IP first. */
function clientIp(request: FastifyRequest): string {
  const realIp = request.headers['x-real-ip'];
  return (Array.isArray(realIp) ? realIp[0] : realIp) ?? request.ip;
}

function writeLoginLog(
  context: ServerContext,
  personId: string,
  ipAddress: string,
  origin: 'web' | 'script',
): void {
  const now = nowDateTime();
  context.db
    .prepare(
      `INSERT INTO login_log (id, created_at, updated_at, person_id, ip_address, origin)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(newId(), now, now, personId, ipAddress, origin);
}
