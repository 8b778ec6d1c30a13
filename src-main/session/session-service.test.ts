import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPerson,
  expiredTokenFor,
  startTestServer,
  type TestServer,
} from '../../src-server/test-support/test-server';
import { makeSessionService } from '../test-support/session-service';
import { LOGIN_MESSAGES } from './login-messages';
import { parseStoredSession, serializeStoredSession } from './stored-session';

let server: TestServer;
const remote = () => ({ kind: 'remote' as const, url: server.baseUrl });

beforeAll(async () => {
  server = await startTestServer({ maxLoginFailures: 3 });
});
afterAll(async () => {
  await server.close();
});

async function newArtist(fields: Record<string, unknown> = {}) {
  return createPerson(server.context, {
    first_name: 'Jordan',
    last_name: 'Reyes',
    desktop_login: `artist${Math.random().toString(36).slice(2, 8)}`,
    password: 'right-password',
    ...fields,
  });
}

describe('SessionService login', () => {
  it('logs in by email, stores the session, and records the desktop login', async () => {
    const person = await newArtist();
    const { session, secrets, appState, cleanup } = makeSessionService();
    const result = await session.login(remote(), {
      identifier: person.email!,
      password: 'right-password',
    });
    expect(result.status).toBe('logged-in');
    if (result.status !== 'logged-in') return;
    expect(result.session.user).toMatchObject({ id: person.id, fullName: 'Jordan Reyes' });
    expect(result.session.server.apiUrl).toBe(server.baseUrl);
    expect(parseStoredSession(secrets.value)?.accessToken).toEqual(expect.any(String));
    expect(await appState.recentServers()).toEqual([
      { apiUrl: server.baseUrl, lastUsedAt: expect.any(String) },
    ]);
    const logs = server.context.db
      .prepare('SELECT COUNT(*) AS n FROM desktop_login_log WHERE person_id = ?')
      .get(person.id) as { n: number };
    expect(logs.n).toBe(1);
    cleanup();
  });

  it('logs in by desktop ID, and adds /api to the server address', async () => {
    const person = await newArtist();
    const { session, cleanup } = makeSessionService();
    const result = await session.login(
      { kind: 'remote', url: server.baseUrl.replace(/\/api$/, '') },
      { identifier: person.desktop_login!, password: 'right-password' },
    );
    expect(result).toMatchObject({ status: 'logged-in', session: { user: { id: person.id } } });
    cleanup();
  });

  it('says what to do on a wrong password, then on a lockout', async () => {
    const person = await newArtist();
    const { session, cleanup } = makeSessionService();
    const attempt = () =>
      session.login(remote(), { identifier: person.email!, password: 'wrong-password' });
    for (let i = 0; i < 3; i += 1) {
      expect(await attempt()).toEqual({
        status: 'rejected',
        reason: 'wrong-credentials',
        message: LOGIN_MESSAGES.wrongCredentials,
      });
    }
    expect(await attempt()).toEqual({
      status: 'rejected',
      reason: 'locked-out',
      message: LOGIN_MESSAGES.lockedOut,
    });
    cleanup();
  });

  it('tells an inactive account apart', async () => {
    const person = await newArtist({ active: false });
    const { session, cleanup } = makeSessionService();
    const result = await session.login(remote(), {
      identifier: person.email!,
      password: 'right-password',
    });
    expect(result).toMatchObject({ status: 'rejected', reason: 'inactive' });
    cleanup();
  });

  it('asks for the TOTP code, then accepts it', async () => {
    const secret = new Secret({ size: 20 }).base32;
    const person = await newArtist({
      totp_enabled: true,
      totp_secret: secret,
      preferred_two_factor_authentication: 'totp',
    });
    const { session, cleanup } = makeSessionService();
    const credentials = { identifier: person.email!, password: 'right-password' };
    expect(await session.login(remote(), credentials)).toMatchObject({
      status: 'otp-required',
      preferred: 'totp',
      methods: expect.arrayContaining(['totp']),
    });
    expect(await session.login(remote(), { ...credentials, totp: '000000' })).toMatchObject({
      status: 'rejected',
      reason: 'wrong-otp',
    });
    const code = new TOTP({ secret: Secret.fromBase32(secret), period: 30 }).generate();
    expect(await session.login(remote(), { ...credentials, totp: code })).toMatchObject({
      status: 'logged-in',
    });
    cleanup();
  });

  it('for codes by email: asks Kitsu to mail one, then sends the code typed', async () => {
    const person = await newArtist({
      email_otp_enabled: true,
      preferred_two_factor_authentication: 'email_otp',
    });
    const { session, cleanup } = makeSessionService();
    const credentials = { identifier: person.email!, password: 'right-password' };
    expect(await session.login(remote(), credentials)).toMatchObject({
      status: 'otp-required',
      preferred: 'email_otp',
      methods: expect.arrayContaining(['email_otp', 'recovery_code']),
    });
    await expect(session.sendEmailOtp(remote(), person.email!)).resolves.toBeNull();
    // This server mails nothing, so no code of its own ever matches: the code typed did reach
    // it as one (without it, Kitsu would ask for a code again).
    expect(await session.login(remote(), { ...credentials, emailOtp: '123456' })).toMatchObject({
      status: 'rejected',
      reason: 'wrong-otp',
    });
    cleanup();
  });

  it('rejects an address that is not a Kitsu server, and says when none answers', async () => {
    const { session, cleanup } = makeSessionService();
    const credentials = { identifier: 'someone', password: 'x' };
    const notKitsu = await session.login(
      { kind: 'remote', url: `${server.baseUrl}/data` },
      credentials,
    );
    expect(notKitsu).toMatchObject({ status: 'rejected', reason: 'not-kitsu' });
    await expect(
      session.login({ kind: 'remote', url: 'http://127.0.0.1:9' }, credentials),
    ).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/Cannot reach/) });
    cleanup();
  });
});

describe('SessionService across restarts', () => {
  it('restores the session without a prompt, and logout revokes the token', async () => {
    const person = await newArtist();
    const { session, restart, secrets, cleanup } = makeSessionService();
    await session.login(remote(), { identifier: person.email!, password: 'right-password' });
    const token = parseStoredSession(secrets.value)!.accessToken;

    const next = restart();
    expect(await next.state()).toMatchObject({ status: 'logged-in', user: { id: person.id } });

    expect(await next.logout()).toMatchObject({ status: 'logged-out', notice: null });
    expect(secrets.value).toBeNull();
    const revoked = await fetch(`${server.baseUrl}/auth/authenticated`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    expect(await restart().state()).toMatchObject({ status: 'logged-out' });
    cleanup();
  });

  it('refreshes an expired access token silently and stores the new one', async () => {
    const person = await newArtist();
    const { session, restart, secrets, cleanup } = makeSessionService();
    await session.login(remote(), { identifier: person.email!, password: 'right-password' });
    const stored = parseStoredSession(secrets.value)!;
    const expired = expiredTokenFor(server.context, person.id);
    secrets.value = serializeStoredSession({ ...stored, accessToken: expired });

    const next = restart();
    const client = await next.client();
    const tasks = await client.get<unknown[]>('/data/user/tasks');
    expect(Array.isArray(tasks)).toBe(true);
    const refreshed = parseStoredSession(secrets.value)!;
    expect(refreshed.accessToken).not.toBe(expired);
    expect(refreshed.refreshToken).toBe(stored.refreshToken);
    cleanup();
  });

  it('ends the session with a notice when the refresh token is no longer valid', async () => {
    const person = await newArtist();
    const { session, restart, secrets, changes, cleanup } = makeSessionService();
    await session.login(remote(), { identifier: person.email!, password: 'right-password' });
    const stored = parseStoredSession(secrets.value)!;
    secrets.value = serializeStoredSession({
      ...stored,
      accessToken: expiredTokenFor(server.context, person.id),
      refreshToken: expiredTokenFor(server.context, person.id, 'refresh'),
    });
    const next = restart();
    expect(await next.state()).toMatchObject({
      status: 'logged-out',
      notice: expect.stringMatching(/Log in again/),
    });
    expect(secrets.value).toBeNull();
    expect(changes.at(-1)).toMatchObject({ status: 'logged-out' });
    cleanup();
  });
});
