import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JwtError } from './jwt';
import { signToken, verifyToken } from './jwt';

const secret = randomBytes(32);

describe('jwt', () => {
  it('round-trips the flask-jwt-extended claims', () => {
    const { token, claims } = signToken(secret, {
      sub: 'p1',
      type: 'access',
      identityType: 'person',
      ttlSeconds: 60,
      refreshJti: 'r1',
    });
    expect(verifyToken(secret, token)).toEqual(claims);
    expect(claims).toMatchObject({ fresh: false, type: 'access', refresh_jti: 'r1' });
    expect(claims.exp! - claims.iat).toBe(60);
  });

  it('answers with PyJWT messages', () => {
    const { token } = signToken(secret, {
      sub: 'p1',
      type: 'access',
      identityType: 'person',
      ttlSeconds: 10,
      now: 1000,
    });
    const fail = (t: string, now?: number) => {
      try {
        verifyToken(secret, t, now);
      } catch (error) {
        return (error as JwtError).message;
      }
      return 'accepted';
    };
    expect(fail('None')).toBe('Not enough segments');
    expect(fail(token, 2000)).toBe('Signature has expired');
    expect(fail(token.slice(0, -2) + 'xx', 1001)).toBe('Signature verification failed');
    expect(
      fail(
        signToken(randomBytes(32), {
          sub: 'x',
          type: 'access',
          identityType: 'person',
          ttlSeconds: 5,
        }).token,
      ),
    ).toBe('Signature verification failed');
    expect(fail(token, 1001)).toBe('accepted');
  });

  it('signs tokens without expiry for bots without an expiration date', () => {
    const { token } = signToken(secret, {
      sub: 'b',
      type: 'access',
      identityType: 'bot',
      ttlSeconds: null,
    });
    expect(verifyToken(secret, token, 4e9).exp).toBeUndefined();
  });
});
