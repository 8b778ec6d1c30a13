import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, createPerson, type TestServer } from '../test-support/test-server';
import { call } from '../test-support/http-client';

let server: TestServer;
const login = (body: unknown, headers?: Record<string, string>) =>
  call('POST', `${server.baseUrl}/auth/login`, { body, headers });

function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

const SENSITIVE = [
  'password',
  'totp_secret',
  'email_otp_secret',
  'otp_recovery_codes',
  'fido_credentials',
  'fido_devices',
  'jti',
  'login_failed_attemps',
  'last_login_failed',
];

beforeAll(async () => {
  server = await startTestServer({ loginLockoutSeconds: 1 });
});
afterAll(() => server.close());

describe('GET /api', () => {
  it('answers like Zou, and routes also answer with a trailing slash', async () => {
    const root = await call('GET', server.baseUrl);
    expect(root.body).toEqual({ api: 'Zou', version: server.context.version });
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const { body } = await login({ email: person.email, password: 'secret-pass' });
    const slash = await call('GET', `${server.baseUrl}/auth/authenticated/`, {
      token: body.access_token,
    });
    expect(slash.status).toBe(200);
    expect(slash.body.authenticated).toBe(true);
  });
});

describe('POST /auth/login', () => {
  it('logs in by email, whatever its case, with the full login answer', async () => {
    const department = server.context.db.prepare('SELECT id FROM department LIMIT 1').get() as
      { id: string } | undefined;
    const person = await createPerson(server.context, {
      email: 'jane.doe@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      password: 'secret-pass',
    });
    if (department) {
      server.context.db
        .prepare('INSERT INTO department_link (person_id, department_id) VALUES (?, ?)')
        .run(person.id, department.id);
    }
    const { status, body, headers } = await login({
      email: 'Jane.DOE@example.com',
      password: 'secret-pass',
    });
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toBeNull();
    expect(body.login).toBe(true);
    expect(Object.keys(body)).toEqual([
      'user',
      'organisation',
      'login',
      'access_token',
      'refresh_token',
    ]);
    expect(body.user).toMatchObject({
      id: person.id,
      type: 'Person',
      email: 'jane.doe@example.com',
      full_name: 'Jane Doe',
      active: true,
      is_bot: false,
      role: 'user',
      departments: department ? [department.id] : [],
    });
    for (const key of SENSITIVE) expect(body.user).not.toHaveProperty(key);
    expect(body.organisation).toMatchObject({ name: 'Kitsu', type: 'Organisation' });
    expect(body.organisation).not.toHaveProperty('chat_token_slack');

    const access = claimsOf(body.access_token);
    const refresh = claimsOf(body.refresh_token);
    expect(access).toMatchObject({ type: 'access', sub: person.id, identity_type: 'person' });
    expect(refresh).toMatchObject({ type: 'refresh', sub: person.id, identity_type: 'person' });
    expect(access.refresh_jti).toBe(refresh.jti);
    expect(access.exp - access.iat).toBe(7 * 24 * 3600);
    expect(refresh.exp - refresh.iat).toBe(15 * 24 * 3600);

    const log = server.context.db
      .prepare('SELECT origin, ip_address FROM login_log WHERE person_id = ?')
      .get(person.id);
    expect(log).toEqual({ origin: 'script', ip_address: '127.0.0.1' });
  });

  it('gives admins the organisation with its chat tokens', async () => {
    const admin = await createPerson(server.context, { role: 'admin', password: 'secret-pass' });
    const { body } = await login({ email: admin.email, password: 'secret-pass' });
    expect(body.organisation).toHaveProperty('chat_token_slack', '');
  });

  it('falls back to the desktop login, never matching an empty one', async () => {
    const person = await createPerson(server.context, {
      desktop_login: 'jdoe',
      password: 'secret-pass',
    });
    const { status, body } = await login({ email: 'jdoe', password: 'secret-pass' });
    expect(status).toBe(200);
    expect(body.user.id).toBe(person.id);

    await createPerson(server.context, { email: null, desktop_login: '', password: '' });
    const empty = await login({ email: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('Validation error.');
  });

  it('answers an unknown user, a wrong password and a bot the same', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const bot = await createPerson(server.context, { is_bot: true, password: 'secret-pass' });
    for (const credentials of [
      { email: 'nobody@example.com', password: 'secret-pass' },
      { email: person.email, password: 'wrong-pass' },
      { email: bot.email, password: 'secret-pass' },
      { email: person.email },
    ]) {
      const { status, body } = await login(credentials);
      expect(status).toBe(400);
      expect(body).toEqual({ login: false });
    }
  });

  it('reads credentials from the query string or a form when there is no JSON', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const query = new URLSearchParams({ email: person.email!, password: 'secret-pass' });
    const byQuery = await call('POST', `${server.baseUrl}/auth/login?${query}`);
    expect(byQuery.status).toBe(200);
    const byForm = await call('POST', `${server.baseUrl}/auth/login`, { body: query });
    expect(byForm.status).toBe(200);
    expect(byForm.body.login).toBe(true);
  });

  it("refuses bad bodies with Zou's validation error, never a 500", async () => {
    const missing = await login({ password: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'email', message: 'Field required' }] },
    });
    const wrongType = await login({ email: 42, password: ['x'] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.data.errors).toEqual([
      { field: 'email', message: 'Input should be a valid string' },
      { field: 'password', message: 'Input should be a valid string' },
    ]);
    const notJson = await login('{not json', {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.data.errors).toEqual([{ field: 'email', message: 'Field required' }]);
    const list = await login([1, 2]);
    expect(list.status).toBe(400);
    expect(list.body.message).toBe('Validation error.');
    const text = await login('email=x', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(400);
    expect(text.body.message).toBe('Validation error.');
  });

  it('locks an account after 5 failures inside the window, then lets it in again', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login({ email: person.email, password: 'wrong' })).body).toEqual({
        login: false,
      });
    }
    const locked = await login({ email: person.email, password: 'secret-pass' });
    expect(locked.status).toBe(400);
    expect(locked.body).toEqual({ error: true, login: false, too_many_failed_login_attemps: true });

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await login({ email: person.email, password: 'secret-pass' });
    expect(after.status).toBe(200);
    const row = server.context.db
      .prepare('SELECT login_failed_attemps FROM person WHERE id = ?')
      .get(person.id);
    expect(row).toEqual({ login_failed_attemps: 0 });
  });

  it('tells an inactive user so only once the password is right', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass', active: false });
    const wrong = await login({ email: person.email, password: 'wrong' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ login: false });
    const right = await login({ email: person.email, password: 'secret-pass' });
    expect(right.status).toBe(401);
    expect(right.body).toEqual({
      error: true,
      login: false,
      unactive: true,
      message: 'User is unactive, he cannot log in.',
    });
  });

  it('sends a user whose password is "default" to the reset form with a token', async () => {
    const person = await createPerson(server.context, { password: 'default' });
    const { status, body } = await login({ email: person.email });
    expect(status).toBe(400);
    expect(body).toEqual({ login: false, default_password: true, token: expect.any(String) });
    expect(body.token).toMatch(/^[A-Z0-9]{64}$/);

    const reset = await call('PUT', `${server.baseUrl}/auth/reset-password`, {
      body: {
        email: person.email,
        token: body.token,
        password: 'new-pass-1',
        password2: 'new-pass-1',
      },
    });
    expect(reset.body).toEqual({ success: true });
    expect((await login({ email: person.email, password: 'new-pass-1' })).status).toBe(200);
  });
});
