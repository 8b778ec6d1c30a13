import type { IncomingHttpHeaders } from 'node:http';
import type { ServerContext } from '../context';
import { jwtError, KitsuError, signatureExpired, unauthorized } from '../http/errors';
import type { RequestAuth, RouteAuth } from '../http/request-auth';
import { parseCookies } from '../http/cookies';
import { JwtError, verifyToken, type TokenClaims } from './jwt';
import type { PersonRow } from './person-row';
import { isRevoked, revoke } from './revocation';

export const ACCESS_COOKIE = 'access_token_cookie';
export const REFRESH_COOKIE = 'refresh_token_cookie';

/** What token lookup reads: a Fastify request, or a raw handshake (socket.io). */
export interface HeaderSource {
  headers: IncomingHttpHeaders;
}

/** Paths a token restricted by `requires_2fa_setup` may still reach (without /api). */
const TWO_FA_SETUP_PATHS = [
  '/auth/totp',
  '/auth/email-otp',
  '/auth/fido',
  '/auth/recovery-codes',
  '/auth/login',
  '/auth/logout',
  '/auth/authenticated',
  '/auth/refresh-token',
];

/**
 * flask-jwt-extended's `jwt_required` as Zou configures it: cookie first, then the
 * Authorization header; revocation and person checks; the 2FA-setup restriction.
 */
export function authenticate(
  context: ServerContext,
  request: HeaderSource,
  kind: Exclude<RouteAuth, 'none'>,
  apiPath: string,
): RequestAuth {
  const token = findToken(request, kind);
  const claims = decode(context, token);
  if (kind === 'access' && claims.type === 'refresh') {
    throw jwtError(422, 'Only non-refresh tokens are allowed');
  }
  if (kind === 'refresh' && claims.type !== 'refresh') {
    throw jwtError(422, 'Only refresh tokens are allowed');
  }
  const person = context.db.prepare('SELECT * FROM person WHERE id = ?').get(claims.sub) as
    PersonRow | undefined;
  if (isTokenRevoked(context, claims, person)) throw jwtError(401, 'Token has been revoked');
  if (!person) throw unauthorized();
  if (!person.active) {
    revoke(context.db, claims);
    throw unauthorized();
  }
  if (claims.requires_2fa_setup && !TWO_FA_SETUP_PATHS.some((path) => apiPath.startsWith(path))) {
    throw new KitsuError(403, {
      error: true,
      two_factor_authentication_required: true,
      message:
        'Two-factor authentication setup is required. Please configure 2FA before accessing the API.',
    });
  }
  return { person, identityType: claims.identity_type, claims, token };
}

function findToken(request: HeaderSource, kind: Exclude<RouteAuth, 'none'>): string {
  const cookieName = kind === 'refresh' ? REFRESH_COOKIE : ACCESS_COOKIE;
  const fromCookie = parseCookies(request.headers.cookie).get(cookieName);
  if (fromCookie) return fromCookie;
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value, ...rest] = header.split(' ');
    if (scheme !== 'Bearer' || value === undefined || rest.length > 0) {
      throw jwtError(422, "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'");
    }
    return value;
  }
  throw jwtError(
    401,
    `Missing JWT in cookies or headers (Missing cookie "${cookieName}"; Missing Authorization Header)`,
  );
}

function decode(context: ServerContext, token: string): TokenClaims {
  try {
    return verifyToken(context.jwtSecret, token);
  } catch (error) {
    if (error instanceof JwtError) {
      if (error.failure.kind === 'expired') throw signatureExpired();
      throw jwtError(422, error.failure.message);
    }
    throw error;
  }
}

function isTokenRevoked(context: ServerContext, claims: TokenClaims, person?: PersonRow): boolean {
  if (!claims.jti) return true;
  if (claims.identity_type === 'person') return isRevoked(context.db, claims.jti);
  if (claims.identity_type === 'bot' || claims.identity_type === 'person_api') {
    return !person || person.jti !== claims.jti;
  }
  return true;
}
