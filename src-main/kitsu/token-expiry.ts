/**
 * Whether a JWT access token (Kitsu's) expires within `marginMs`, read from its `exp` claim
 * without checking its signature (the server does that); false when it cannot be read.
 */
export function expiresWithin(token: string, marginMs: number, now = Date.now()): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' && claims.exp * 1000 <= now + marginMs;
  } catch {
    return false;
  }
}
