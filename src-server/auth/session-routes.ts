import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { authOf } from './auth-of';
import {
  fromBrowser,
  setAccessCookie,
  unsetAuthCookies,
  unsetRefreshCookie,
  type CookiePaths,
} from './auth-cookies';
import { organisationView } from './organisation';
import { fidoDeviceNames, serializePersonSafe } from './person-views';
import { revoke } from './revocation';
import { refreshAccessToken } from './tokens';

/** `/auth/authenticated`, `/auth/logout`, `/auth/refresh-token`. */
export function registerSessionRoutes(
  scope: FastifyInstance,
  context: ServerContext,
  paths: CookiePaths,
): void {
  const { db } = context;

  // Bots too: gazu checks an API token with it.
  scope.get('/auth/authenticated', async (request) => {
    const { person } = authOf(request);
    const user = serializePersonSafe(db, person, true);
    user.fido_devices = fidoDeviceNames(person);
    return {
      authenticated: true,
      user,
      organisation: organisationView(db, person.role === 'admin'),
    };
  });

  scope.get('/auth/logout', { config: { personOnly: true } }, async (request, reply) => {
    revoke(db, authOf(request).claims);
    if (fromBrowser(request)) unsetAuthCookies(reply, paths);
    return { logout: true };
  });

  scope.get(
    '/auth/refresh-token',
    { config: { auth: 'refresh', personOnly: true } },
    async (request, reply) => {
      const { person, claims } = authOf(request);
      const accessToken = refreshAccessToken(context, person.id, claims.jti);
      if (!fromBrowser(request)) return { access_token: accessToken };
      // The browser keeps no refresh token after refreshing; gazu drops its own too.
      setAccessCookie(reply, paths, accessToken);
      unsetRefreshCookie(reply, paths);
      return { refresh: true };
    },
  );
}
