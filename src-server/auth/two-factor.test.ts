import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, createPerson, type TestServer } from '../test-support/test-server';
import { call } from '../test-support/http-client';
import { issueBotToken } from './tokens';

let server: TestServer;
const url = (path: string) => `${server.baseUrl}${path}`;
const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });
const WRONG_OTP = { error: true, message: 'OTP verification failed.', wrong_OTP: true };

async function loggedIn() {
  const person = await createPerson(server.context, { password: 'secret-pass' });
  const login = (extra: Record<string, unknown> = {}) =>
    call('POST', url('/auth/login'), {
      body: { email: person.email, password: 'secret-pass', ...extra },
    });
  const { body } = await login();
  return { person, token: body.access_token as string, login };
}

function failures(personId: string): number {
  return (
    server.context.db
      .prepare('SELECT login_failed_attemps AS n FROM person WHERE id = ?')
      .get(personId) as { n: number }
  ).n;
}

async function enableTotp(token: string) {
  const pre = await call('PUT', url('/auth/totp'), { token });
  const secret = pre.body.otp_secret as string;
  const enabled = await call('POST', url('/auth/totp'), { token, body: { totp: codeFor(secret) } });
  return { pre, secret, enabled };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('TOTP', () => {
  it('pre-enables with a pyotp-style provisioning URI, then enables with a valid code', async () => {
    const { person, token } = await loggedIn();
    const pre = await call('PUT', url('/auth/totp'), { token });
    expect(pre.status).toBe(200);
    const secret = pre.body.otp_secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pre.body.totp_provisionning_uri).toBe(
      `otpauth://totp/Kitsu%20Kitsu:${person.email!.replace('@', '%40')}?secret=${secret}&issuer=Kitsu%20Kitsu`,
    );

    const wrong = await call('POST', url('/auth/totp'), { token, body: { totp: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({
      error: true,
      message: 'TOTP verification failed.',
      wrong_OTP: true,
    });
    const missing = await call('POST', url('/auth/totp'), { token, body: {} });
    expect(missing.body.data.errors).toEqual([{ field: 'totp', message: 'Field required' }]);

    const enabled = await call('POST', url('/auth/totp'), {
      token,
      body: { totp: codeFor(secret, -30) },
    });
    expect(enabled.status).toBe(200);
    expect(Object.keys(enabled.body)).toEqual([
      'otp_recovery_codes',
      'access_token',
      'refresh_token',
    ]);
    expect(enabled.body.otp_recovery_codes).toHaveLength(16);
    for (const code of enabled.body.otp_recovery_codes) expect(code).toMatch(/^[A-Z0-9]{10}$/);
    const fresh = await call('GET', url('/auth/authenticated'), {
      token: enabled.body.access_token,
    });
    expect(fresh.body.user).toMatchObject({
      totp_enabled: true,
      preferred_two_factor_authentication: 'totp',
    });
    expect(fresh.body.user).not.toHaveProperty('totp_secret');

    const again = await call('PUT', url('/auth/totp'), { token });
    expect(again.body).toEqual({ error: true, message: 'TOTP already enabled.' });
  });

  it('makes login ask for the code, count wrong codes only, and accept the right one', async () => {
    const { person, token, login } = await loggedIn();
    const { secret } = await enableTotp(token);

    const missing = await login();
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: true,
      login: false,
      missing_OTP: true,
      preferred_two_factor_authentication: 'totp',
      two_factor_authentication_enabled: ['recovery_code', 'totp'],
    });
    expect(failures(person.id)).toBe(0);

    const wrong = await login({ totp: '123' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: true, login: false, wrong_OTP: true });
    expect(failures(person.id)).toBe(1);

    const right = await login({ totp: codeFor(secret) });
    expect(right.status).toBe(200);
    expect(failures(person.id)).toBe(0);
  });

  it('lets a recovery code in exactly once', async () => {
    const { login, token } = await loggedIn();
    const { enabled } = await enableTotp(token);
    const [code] = enabled.body.otp_recovery_codes;
    expect((await login({ recovery_code: code })).status).toBe(200);
    const reused = await login({ recovery_code: code });
    expect(reused.body).toEqual({ error: true, login: false, wrong_OTP: true });
  });

  it('locks the account after five wrong codes', async () => {
    const { login, token } = await loggedIn();
    const { secret } = await enableTotp(token);
    for (let attempt = 0; attempt < 5; attempt += 1) await login({ totp: '000000' });
    const locked = await login({ totp: codeFor(secret) });
    expect(locked.body).toEqual({ error: true, login: false, too_many_failed_login_attemps: true });
  });

  it('renews recovery codes only against a valid second factor', async () => {
    const { token, login } = await loggedIn();
    const none = await call('PUT', url('/auth/recovery-codes'), { token, body: {} });
    expect(none.body).toEqual({ error: true, message: 'No two factor authentication enabled.' });

    const { secret, enabled } = await enableTotp(token);
    const missing = await call('PUT', url('/auth/recovery-codes'), { token, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(WRONG_OTP);
    const renewed = await call('PUT', url('/auth/recovery-codes'), {
      token,
      body: { totp: codeFor(secret) },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.otp_recovery_codes).toHaveLength(16);
    expect((await login({ recovery_code: enabled.body.otp_recovery_codes[1] })).status).toBe(400);
    expect((await login({ recovery_code: renewed.body.otp_recovery_codes[0] })).status).toBe(200);
  });

  it('disables with a valid second factor, dropping codes and preference', async () => {
    const { person, token, login } = await loggedIn();
    const notEnabled = await call('DELETE', url('/auth/totp'), { token, body: {} });
    expect(notEnabled.body).toEqual({ error: true, message: 'TOTP not enabled.' });

    const { enabled } = await enableTotp(token);
    const missing = await call('DELETE', url('/auth/totp'), { token, body: {} });
    expect(missing.body).toEqual(WRONG_OTP);
    const done = await call('DELETE', url('/auth/totp'), {
      token,
      body: { recovery_code: enabled.body.otp_recovery_codes[0] },
    });
    expect(done.body).toEqual({ success: true });
    const row = server.context.db
      .prepare(
        `SELECT totp_enabled, totp_secret, otp_recovery_codes, preferred_two_factor_authentication
         FROM person WHERE id = ?`,
      )
      .get(person.id);
    expect(row).toEqual({
      totp_enabled: 0,
      totp_secret: null,
      otp_recovery_codes: null,
      preferred_two_factor_authentication: null,
    });
    expect((await login()).status).toBe(200);
  });

  it('is refused to bots', async () => {
    const bot = await createPerson(server.context, { is_bot: true });
    const token = issueBotToken(server.context, bot.id, null);
    expect((await call('PUT', url('/auth/totp'), { token })).status).toBe(403);
  });
});

describe('email OTP and FIDO on a server without mail or WebAuthn', () => {
  it('answers the public GETs like Zou for accounts without them', async () => {
    const { person, token } = await loggedIn();
    const otp = await call('GET', url(`/auth/email-otp?email=${person.email}`));
    expect(otp.body).toEqual({ success: true });
    const noEmail = await call('GET', url('/auth/email-otp'));
    expect(noEmail.status).toBe(400);
    expect(noEmail.body).toEqual({
      error: true,
      message: 'Missing required parameter: email',
      data: null,
    });
    const fido = await call('GET', url(`/auth/fido?email=${person.email}`));
    expect(fido.status).toBe(400);
    expect(fido.body).toEqual({ error: true, message: 'FIDO not enabled.' });

    const put = await call('PUT', url('/auth/email-otp'), { token });
    expect(put.body).toEqual({ error: true, message: 'OTP by email not enabled.' });
    const putFido = await call('PUT', url('/auth/fido'), { token });
    expect(putFido.body).toEqual({ error: true, message: 'FIDO not enabled.' });
    const deleteFido = await call('DELETE', url('/auth/fido'), {
      token,
      body: { device_name: 'key' },
    });
    expect(deleteFido.body).toEqual({ error: true, message: 'FIDO not enabled.' });
  });
});
