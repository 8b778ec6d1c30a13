import type { IdentityType, TokenClaims } from '../auth/jwt';
import type { PersonRow } from '../auth/person-row';

/** Who is calling, attached to the request by the auth hook. */
export interface RequestAuth {
  person: PersonRow;
  identityType: IdentityType;
  claims: TokenClaims;
  token: string;
}

/** Per-route auth requirement, set as `config: { auth }` on the route. Default: 'access'. */
export type RouteAuth = 'none' | 'access' | 'refresh';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Bots are refused with 403 (Zou's `require_person`). */
    personOnly?: boolean;
  }
}
