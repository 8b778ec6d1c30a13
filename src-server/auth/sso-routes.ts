import type { FastifyInstance } from 'fastify';

/** SAML and OIDC are never configured here; Zou answers its disabled SSO routes like this. */
export function registerSsoRoutes(scope: FastifyInstance): void {
  const open = { config: { auth: 'none' as const } };
  const routes: [method: 'GET' | 'POST', path: string, error: string][] = [
    ['POST', '/auth/saml/sso', 'SAML is not enabled.'],
    ['GET', '/auth/saml/login', 'SAML is not enabled.'],
    ['GET', '/auth/oidc/login', 'OIDC is not enabled.'],
    ['GET', '/auth/oidc/callback', 'OIDC is not enabled.'],
  ];
  for (const [method, url, error] of routes) {
    scope.route({
      method,
      url,
      ...open,
      handler: async (_request, reply) => reply.code(400).send({ error }),
    });
  }
}
