import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, isBrowserUserAgent, serializeCookie } from '../http/cookies';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './authenticate';

/** flask-jwt-extended's max age for non-session cookies (JWT_SESSION_COOKIE is off). */
const COOKIE_MAX_AGE = 31540000;

/**
 * Where the auth cookies live. Zou sets the refresh cookie on `/auth/refresh-token`, the path
 * it sees behind its `/api` proxy; we serve the API under `/api` ourselves, so the browser
 * must get `/api/auth/refresh-token` for the cookie to come back on refresh.
 */
export interface CookiePaths {
  access: string;
  refresh: string;
}

export function cookiePaths(apiPrefix: string): CookiePaths {
  return { access: '/', refresh: `${apiPrefix}/auth/refresh-token` };
}

/** `is_from_browser`: cookies are only ever set for browsers. */
export function fromBrowser(request: FastifyRequest): boolean {
  return isBrowserUserAgent(request.headers['user-agent']);
}

// Fastify appends to an existing set-cookie header rather than replacing it.
function addCookies(reply: FastifyReply, cookies: string[]): void {
  for (const cookie of cookies) reply.header('set-cookie', cookie);
}

export function setAccessCookie(reply: FastifyReply, paths: CookiePaths, token: string): void {
  addCookies(reply, [
    serializeCookie(ACCESS_COOKIE, token, { path: paths.access, maxAge: COOKIE_MAX_AGE }),
  ]);
}

export function setRefreshCookie(reply: FastifyReply, paths: CookiePaths, token: string): void {
  addCookies(reply, [
    serializeCookie(REFRESH_COOKIE, token, { path: paths.refresh, maxAge: COOKIE_MAX_AGE }),
  ]);
}

export function unsetRefreshCookie(reply: FastifyReply, paths: CookiePaths): void {
  addCookies(reply, [clearCookie(REFRESH_COOKIE, paths.refresh)]);
}

/** `unset_jwt_cookies`. */
export function unsetAuthCookies(reply: FastifyReply, paths: CookiePaths): void {
  addCookies(reply, [
    clearCookie(ACCESS_COOKIE, paths.access),
    clearCookie(REFRESH_COOKIE, paths.refresh),
  ]);
}
