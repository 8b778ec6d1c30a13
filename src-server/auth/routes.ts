import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { cookiePaths } from './auth-cookies';
import { useLenientJson } from './body';
import { registerEmailOtpAndFidoRoutes } from './email-otp-fido-routes';
import { registerLoginRoute } from './login-route';
import { registerPasswordRoutes } from './password-routes';
import { registerSessionRoutes } from './session-routes';
import { registerSsoRoutes } from './sso-routes';
import { registerTotpRoutes } from './totp-routes';

/**
 * The `/auth/*` blueprint (REFERENCE §1), in a child scope of the `/api` plugin: it inherits
 * the auth hook, and its JSON parser lets a body that does not parse fall back to the query
 * and form values, as Zou's `validate_request_body` does.
 */
export function registerAuthRoutes(api: FastifyInstance, context: ServerContext): void {
  const paths = cookiePaths(api.prefix);
  void api.register(async (scope) => {
    useLenientJson(scope);
    registerLoginRoute(scope, context, paths);
    registerSessionRoutes(scope, context, paths);
    registerPasswordRoutes(scope, context);
    registerTotpRoutes(scope, context, paths);
    registerEmailOtpAndFidoRoutes(scope, context);
    registerSsoRoutes(scope);
  });
}
