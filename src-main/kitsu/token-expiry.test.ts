import { describe, expect, it } from 'vitest';
import { signToken } from '../../src-server/auth/jwt';
import { expiresWithin } from './token-expiry';

const secret = Buffer.from('a test secret of enough length for HS256');
const token = (ttlSeconds: number | null) =>
  signToken(secret, { sub: 'someone', type: 'access', identityType: 'person', ttlSeconds }).token;

describe('reading when an access token expires', () => {
  it('compares the exp claim with now plus the margin', () => {
    expect(expiresWithin(token(-5), 0)).toBe(true);
    expect(expiresWithin(token(20), 30_000)).toBe(true);
    expect(expiresWithin(token(3600), 30_000)).toBe(false);
  });

  it('says no when it cannot tell', () => {
    expect(expiresWithin(token(null), 30_000)).toBe(false);
    expect(expiresWithin('not-a-jwt', 30_000)).toBe(false);
    expect(expiresWithin('a.%%%.c', 30_000)).toBe(false);
  });
});
