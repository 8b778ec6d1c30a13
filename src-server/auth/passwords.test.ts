import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, createPerson, type TestServer } from '../test-support/test-server';
import { call } from '../test-support/http-client';
import { createResetToken } from './reset-tokens';

let server: TestServer;
const url = (path: string) => `${server.baseUrl}${path}`;
const login = (email: string | null, password: string) =>
  call('POST', url('/auth/login'), { body: { email, password } });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /auth/change-password', () => {
  it("checks the old password, then Zou's password rules, then changes it", async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const token = (await login(person.email, 'secret-pass')).body.access_token;
    const change = (body: unknown) => call('POST', url('/auth/change-password'), { token, body });

    expect((await change({ old_password: 'secret-pass' })).body.data.errors).toEqual([
      { field: 'password', message: 'Field required' },
      { field: 'password_2', message: 'Field required' },
    ]);
    const wrongOld = await change({ old_password: 'nope', password: 'a', password_2: 'b' });
    expect(wrongOld.status).toBe(400);
    expect(wrongOld.body).toEqual({ error: true, message: 'Old password is wrong.' });
    const short = await change({ old_password: 'secret-pass', password: 'short', password_2: 'x' });
    expect(short.body).toEqual({ error: true, message: 'Password is too short.' });
    const mismatch = await change({
      old_password: 'secret-pass',
      password: 'long-enough-1',
      password_2: 'long-enough-2',
    });
    expect(mismatch.body).toEqual({ error: true, message: "Confirmation password doesn't match." });

    const done = await change({
      old_password: 'secret-pass',
      password: 'long-enough-1',
      password_2: 'long-enough-1',
    });
    expect(done.body).toEqual({ success: true });
    expect((await login(person.email, 'secret-pass')).status).toBe(400);
    expect((await login(person.email, 'long-enough-1')).status).toBe(200);
  });

  it('applies the login lockout to the old password', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const token = (await login(person.email, 'secret-pass')).body.access_token;
    const body = { old_password: 'wrong', password: 'long-enough-1', password_2: 'long-enough-1' };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await call('POST', url('/auth/change-password'), { token, body });
    }
    const locked = await call('POST', url('/auth/change-password'), {
      token,
      body: { ...body, old_password: 'secret-pass' },
    });
    expect(locked.body).toEqual({
      error: true,
      message: 'Too many failed login attempts.',
      too_many_failed_login_attemps: true,
    });
  });

  it('honours the minimum length setting', async () => {
    const strict = await startTestServer({ minPasswordLength: 20 });
    try {
      const person = await createPerson(strict.context, { password: 'secret-pass' });
      const { body } = await call('POST', `${strict.baseUrl}/auth/login`, {
        body: { email: person.email, password: 'secret-pass' },
      });
      const short = await call('POST', `${strict.baseUrl}/auth/change-password`, {
        token: body.access_token,
        body: { old_password: 'secret-pass', password: 'twelve-chars', password_2: 'twelve-chars' },
      });
      expect(short.body).toEqual({ error: true, message: 'Password is too short.' });
    } finally {
      await strict.close();
    }
  });
});

describe('/auth/reset-password', () => {
  it('always answers a reset request the same way, storing a token only for real accounts', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    for (const email of [person.email, 'nobody@example.com']) {
      const { status, body } = await call('POST', url('/auth/reset-password'), {
        body: { email },
      });
      expect(status).toBe(200);
      expect(body).toEqual({ success: 'Reset token sent' });
    }
    const stored = server.context.db
      .prepare("SELECT value FROM server_setting WHERE key LIKE 'reset-token:%'")
      .all() as { value: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.value).not.toMatch(/[A-Z0-9]{64}/);
    const missing = await call('POST', url('/auth/reset-password'), { body: {} });
    expect(missing.body.data.errors).toEqual([{ field: 'email', message: 'Field required' }]);
  });

  it('changes the password with a valid token, once', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const issued = createResetToken(server.context, person.email!.toUpperCase());
    expect(issued).toEqual({ personId: person.id, token: expect.stringMatching(/^[A-Z0-9]{64}$/) });
    const reset = (body: Record<string, unknown>) =>
      call('PUT', url('/auth/reset-password'), {
        body: { email: person.email, token: issued!.token, ...body },
      });

    const wrong = await reset({
      token: 'X'.repeat(64),
      password: 'new-pass-1',
      password2: 'new-pass-1',
    });
    expect(wrong.body).toEqual({ error: true, message: 'Wrong or expired token.' });
    const short = await reset({ password: 'short', password2: 'short' });
    expect(short.body).toEqual({ error: true, message: 'Password is too short.' });
    const mismatch = await reset({ password: 'new-pass-1', password2: 'new-pass-2' });
    expect(mismatch.body).toEqual({ error: true, message: "Confirmation password doesn't match." });

    expect((await reset({ password: 'new-pass-1', password2: 'new-pass-1' })).body).toEqual({
      success: true,
    });
    expect((await login(person.email, 'new-pass-1')).status).toBe(200);
    const reused = await reset({ password: 'new-pass-2', password2: 'new-pass-2' });
    expect(reused.body).toEqual({ error: true, message: 'Wrong or expired token.' });
  });

  it('refuses an expired token', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const { token } = createResetToken(server.context, person.email!)!;
    server.context.db
      .prepare("UPDATE server_setting SET value = json_set(value, '$.expires_at', 0) WHERE key = ?")
      .run(`reset-token:${person.id}`);
    const expired = await call('PUT', url('/auth/reset-password'), {
      body: { email: person.email, token, password: 'new-pass-1', password2: 'new-pass-1' },
    });
    expect(expired.body).toEqual({ error: true, message: 'Wrong or expired token.' });
  });

  it('issues no token for inactive accounts', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass', active: false });
    expect(createResetToken(server.context, person.email!)).toBeNull();
  });
});
