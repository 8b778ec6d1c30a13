import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JWTs with flask-jwt-extended's claims and PyJWT's failure messages, so that clients
 * written against Zou (gazu refreshes only on the exact text "Signature has expired") behave.
 */
export type TokenType = 'access' | 'refresh';
export type IdentityType = 'person' | 'bot' | 'person_api';

export interface TokenClaims {
  fresh: boolean;
  iat: number;
  nbf: number;
  jti: string;
  type: TokenType;
  sub: string;
  identity_type: IdentityType;
  exp?: number;
  refresh_jti?: string;
  requires_2fa_setup?: boolean;
}

export type JwtFailure = { kind: 'expired' } | { kind: 'invalid'; message: string };

export class JwtError extends Error {
  constructor(readonly failure: JwtFailure) {
    super(failure.kind === 'expired' ? 'Signature has expired' : failure.message);
  }
}

export const ACCESS_TTL_SECONDS = 7 * 24 * 3600;
export const REFRESH_TTL_SECONDS = 15 * 24 * 3600;

export interface SignOptions {
  sub: string;
  type: TokenType;
  identityType: IdentityType;
  /** Seconds from now; null for a token that never expires (bot without expiration date). */
  ttlSeconds: number | null;
  refreshJti?: string;
  requires2faSetup?: boolean;
  jti?: string;
  now?: number;
}

export function signToken(
  secret: Buffer,
  options: SignOptions,
): { token: string; claims: TokenClaims } {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const claims: TokenClaims = {
    fresh: false,
    iat: now,
    jti: options.jti ?? randomUUID(),
    type: options.type,
    sub: options.sub,
    nbf: now,
    identity_type: options.identityType,
  };
  if (options.ttlSeconds !== null) claims.exp = now + options.ttlSeconds;
  if (options.refreshJti) claims.refresh_jti = options.refreshJti;
  if (options.requires2faSetup) claims.requires_2fa_setup = true;
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode(claims);
  const signature = hmac(secret, `${header}.${payload}`);
  return { token: `${header}.${payload}.${signature}`, claims };
}

export function verifyToken(secret: Buffer, token: string, now = Date.now() / 1000): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('Not enough segments');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart, 'Invalid header string');
  if (header.alg !== 'HS256') throw invalid('The specified alg value is not allowed');
  const expected = Buffer.from(hmac(secret, `${headerPart}.${payloadPart}`));
  const given = Buffer.from(signaturePart);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid('Signature verification failed');
  }
  const claims = decodeJson(payloadPart, 'Invalid payload string') as unknown as TokenClaims;
  if (typeof claims.exp === 'number' && claims.exp <= now) throw new JwtError({ kind: 'expired' });
  if (typeof claims.nbf === 'number' && claims.nbf > now + 1) {
    throw invalid('The token is not yet valid (nbf)');
  }
  if (typeof claims.sub !== 'string' || typeof claims.type !== 'string') {
    throw invalid('Missing claim');
  }
  return claims;
}

function invalid(message: string): JwtError {
  return new JwtError({ kind: 'invalid', message });
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeJson(part: string, failure: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through to the PyJWT-style message
  }
  throw invalid(failure);
}

function hmac(secret: Buffer, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}
