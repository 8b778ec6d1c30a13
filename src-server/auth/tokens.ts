import type { ServerContext } from '../context';
import { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS, signToken } from './jwt';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * `create_auth_tokens`: a refresh token, then an access token carrying its jti as
 * `refresh_jti`, so that a logout revokes both.
 */
export function issueTokenPair(context: ServerContext, personId: string): TokenPair {
  const refresh = signToken(context.jwtSecret, {
    sub: personId,
    type: 'refresh',
    identityType: 'person',
    ttlSeconds: REFRESH_TTL_SECONDS,
  });
  const access = signToken(context.jwtSecret, {
    sub: personId,
    type: 'access',
    identityType: 'person',
    ttlSeconds: ACCESS_TTL_SECONDS,
    refreshJti: refresh.claims.jti,
  });
  return { accessToken: access.token, refreshToken: refresh.token };
}

/** `GET /auth/refresh-token`: a new access token paired with the same refresh token. */
export function refreshAccessToken(
  context: ServerContext,
  personId: string,
  refreshJti: string,
): string {
  return signToken(context.jwtSecret, {
    sub: personId,
    type: 'access',
    identityType: 'person',
    ttlSeconds: ACCESS_TTL_SECONDS,
    refreshJti,
  }).token;
}

/**
 * `create_access_token_for_raw_person`: the API token of a bot (identity "bot") or of a person
 * given one (identity "person_api"). It expires at the last second of `expirationDate`
 * (YYYY-MM-DD, UTC), already expired for a past date as in Zou, or never without a date. Its
 * jti is stored on the person: only the latest token issued works.
 */
export function issueBotToken(
  context: ServerContext,
  personId: string,
  expirationDate: string | null,
): string {
  const person = context.db.prepare('SELECT is_bot FROM person WHERE id = ?').get(personId) as
    { is_bot: number } | undefined;
  if (!person) throw new Error(`No person ${personId} to issue an API token for`);
  const now = Math.floor(Date.now() / 1000);
  let ttlSeconds: number | null = null;
  if (expirationDate) {
    const endOfDay = Date.parse(`${expirationDate.slice(0, 10)}T23:59:59Z`);
    if (Number.isNaN(endOfDay)) throw new Error(`Bad expiration date ${expirationDate}`);
    ttlSeconds = endOfDay / 1000 - now;
  }
  const { token, claims } = signToken(context.jwtSecret, {
    sub: personId,
    type: 'access',
    identityType: person.is_bot ? 'bot' : 'person_api',
    ttlSeconds,
    now,
  });
  context.db.prepare('UPDATE person SET jti = ? WHERE id = ?').run(claims.jti, personId);
  return token;
}
