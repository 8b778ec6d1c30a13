import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, createPerson, type TestServer } from '../test-support/test-server';
import { BROWSER_USER_AGENT, call } from '../test-support/http-client';
import { signToken } from './jwt';
import { issueBotToken } from './tokens';

let server: TestServer;
const url = (path: string) => `${server.baseUrl}${path}`;
const REVOKED = { msg: 'Token has been revoked' };

async function loggedIn(role = 'user') {
  const person = await createPerson(server.context, { role, password: 'secret-pass' });
  const { body } = await call('POST', url('/auth/login'), {
    body: { email: person.email, password: 'secret-pass' },
  });
  return { person, access: body.access_token as string, refresh: body.refresh_token as string };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /auth/authenticated', () => {
  it('answers the safe person with relations, fido devices and the organisation', async () => {
    const { person, access } = await loggedIn();
    const { status, body } = await call('GET', url('/auth/authenticated'), { token: access });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['authenticated', 'user', 'organisation']);
    expect(body.authenticated).toBe(true);
    expect(body.user).toMatchObject({
      id: person.id,
      type: 'Person',
      departments: [],
      fido_devices: [],
    });
    expect(body.user).not.toHaveProperty('password');
    expect(body.user).not.toHaveProperty('jti');
    expect(body.organisation).not.toHaveProperty('chat_token_discord');
  });

  it('refuses a missing token, a malformed one, a refresh token and an expired one', async () => {
    const missing = await call('GET', url('/auth/authenticated'));
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      msg: 'Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; Missing Authorization Header)',
    });
    const none = await call('GET', url('/auth/authenticated'), { token: 'None' });
    expect(none.status).toBe(422);
    expect(none.body).toEqual({ msg: 'Not enough segments' });

    const { person, refresh } = await loggedIn();
    const withRefresh = await call('GET', url('/auth/authenticated'), { token: refresh });
    expect(withRefresh.status).toBe(422);
    expect(withRefresh.body).toEqual({ msg: 'Only non-refresh tokens are allowed' });

    const expired = signToken(server.context.jwtSecret, {
      sub: person.id,
      type: 'access',
      identityType: 'person',
      ttlSeconds: -10,
    }).token;
    const late = await call('GET', url('/auth/authenticated'), { token: expired });
    expect(late.status).toBe(401);
    expect(late.body).toEqual({ error: true, message: 'Signature has expired' });
  });
});

describe('GET /auth/refresh-token', () => {
  it('gives a working access token that keeps the refresh jti', async () => {
    const { access, refresh } = await loggedIn();
    const { status, body } = await call('GET', url('/auth/refresh-token'), { token: refresh });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['access_token']);
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString());
    const refreshClaims = JSON.parse(Buffer.from(refresh.split('.')[1]!, 'base64url').toString());
    expect(claims.refresh_jti).toBe(refreshClaims.jti);
    const check = await call('GET', url('/auth/authenticated'), { token: body.access_token });
    expect(check.status).toBe(200);

    const withAccess = await call('GET', url('/auth/refresh-token'), { token: access });
    expect(withAccess.status).toBe(422);
    expect(withAccess.body).toEqual({ msg: 'Only refresh tokens are allowed' });
  });
});

describe('GET /auth/logout', () => {
  it('revokes the access token and its refresh token', async () => {
    const { access, refresh } = await loggedIn();
    const out = await call('GET', url('/auth/logout'), { token: access });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ logout: true });
    const again = await call('GET', url('/auth/authenticated'), { token: access });
    expect(again.status).toBe(401);
    expect(again.body).toEqual(REVOKED);
    const refreshed = await call('GET', url('/auth/refresh-token'), { token: refresh });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body).toEqual(REVOKED);
  });

  it('also revokes the refresh token behind a refreshed access token', async () => {
    const { refresh } = await loggedIn();
    const { body } = await call('GET', url('/auth/refresh-token'), { token: refresh });
    await call('GET', url('/auth/logout'), { token: body.access_token });
    const refreshed = await call('GET', url('/auth/refresh-token'), { token: refresh });
    expect(refreshed.body).toEqual(REVOKED);
  });
});

describe('bot API tokens', () => {
  it('work on /auth/authenticated, are refused on person-only routes, die on re-issue', async () => {
    const bot = await createPerson(server.context, { is_bot: true, role: 'admin' });
    const token = issueBotToken(server.context, bot.id, null);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims.identity_type).toBe('bot');
    expect(claims).not.toHaveProperty('exp');

    const who = await call('GET', url('/auth/authenticated'), { token });
    expect(who.status).toBe(200);
    expect(who.body.user).toMatchObject({ id: bot.id, is_bot: true });
    expect(who.body.organisation).toHaveProperty('chat_token_slack');

    const logout = await call('GET', url('/auth/logout'), { token });
    expect(logout.status).toBe(403);
    expect(logout.body.error).toBe(true);

    const next = issueBotToken(server.context, bot.id, '2999-12-31');
    const nextClaims = JSON.parse(Buffer.from(next.split('.')[1]!, 'base64url').toString());
    expect(nextClaims.exp).toBe(Date.UTC(2999, 11, 31, 23, 59, 59) / 1000);
    expect((await call('GET', url('/auth/authenticated'), { token })).body).toEqual(REVOKED);
    expect((await call('GET', url('/auth/authenticated'), { token: next })).status).toBe(200);

    const past = issueBotToken(server.context, bot.id, '2000-01-01');
    const expired = await call('GET', url('/auth/authenticated'), { token: past });
    expect(expired.body).toEqual({ error: true, message: 'Signature has expired' });
  });
});

describe('cookies', () => {
  const browser = { 'User-Agent': BROWSER_USER_AGENT };

  it('are set for browsers only, and authenticate them', async () => {
    const person = await createPerson(server.context, { password: 'secret-pass' });
    const credentials = { email: person.email, password: 'secret-pass' };
    const script = await call('POST', url('/auth/login'), { body: credentials });
    expect(script.headers.get('set-cookie')).toBeNull();

    const web = await call('POST', url('/auth/login'), { body: credentials, headers: browser });
    expect(web.status).toBe(200);
    const cookies = web.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(
      /^access_token_cookie=[^;]+; Expires=[^;]+; Max-Age=31540000; HttpOnly; Path=\/; SameSite=Lax$/,
    );
    expect(cookies[1]).toMatch(/^refresh_token_cookie=[^;]+; .*Path=\/api\/auth\/refresh-token;/);
    const log = server.context.db
      .prepare("SELECT COUNT(*) AS n FROM login_log WHERE person_id = ? AND origin = 'web'")
      .get(person.id);
    expect(log).toEqual({ n: 1 });

    const accessCookie = cookies[0]!.split(';')[0]!;
    const refreshCookie = cookies[1]!.split(';')[0]!;
    const who = await call('GET', url('/auth/authenticated'), {
      headers: { ...browser, Cookie: accessCookie },
    });
    expect(who.status).toBe(200);
    expect(who.body.user.id).toBe(person.id);

    const refreshed = await call('GET', url('/auth/refresh-token'), {
      headers: { ...browser, Cookie: refreshCookie },
    });
    expect(refreshed.body).toEqual({ refresh: true });
    const [newAccess, clearedRefresh] = refreshed.headers.getSetCookie();
    expect(newAccess).toMatch(/^access_token_cookie=[^;]+;.*Path=\/;/);
    expect(clearedRefresh).toMatch(
      /^refresh_token_cookie=; .*Max-Age=0;.*Path=\/api\/auth\/refresh-token;/,
    );

    const out = await call('GET', url('/auth/logout'), {
      headers: { ...browser, Cookie: accessCookie },
    });
    expect(out.body).toEqual({ logout: true });
    expect(out.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^access_token_cookie=; .*Path=\/;/),
      expect.stringMatching(/^refresh_token_cookie=; .*Path=\/api\/auth\/refresh-token;/),
    ]);
  });
});

describe('SSO', () => {
  it('answers the SAML and OIDC routes as a Zou without them configured', async () => {
    const saml = await call('GET', url('/auth/saml/login'));
    expect(saml.status).toBe(400);
    expect(saml.body).toEqual({ error: 'SAML is not enabled.' });
    const oidc = await call('GET', url('/auth/oidc/callback'));
    expect(oidc.body).toEqual({ error: 'OIDC is not enabled.' });
  });
});
