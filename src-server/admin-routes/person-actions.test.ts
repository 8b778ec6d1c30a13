import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCrudServer, type ApiClient, type CrudTestServer } from '../crud/crud-test-kit';
import { addPerson, loginAs, MISSING_ID } from './admin-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let artist: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = await loginAs(server, 'admin');
  artist = addPerson(server, 'user');
});
afterAll(() => server.close());

function twoFactorColumns(personId: string): Record<string, unknown> {
  return server.context.db
    .prepare(
      `SELECT totp_enabled, totp_secret, email_otp_enabled, fido_enabled, otp_recovery_codes,
         preferred_two_factor_authentication FROM person WHERE id = ?`,
    )
    .get(personId) as Record<string, unknown>;
}

describe('GET /actions/persons/{id}/invite', () => {
  it("answers Zou's success body to admins (no mail is sent)", async () => {
    const response = await admin.get(`/actions/persons/${artist.id}/invite`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, message: 'Email sent' });
  });

  it('refuses non-admins, bots and unknown people', async () => {
    expect((await artist.get(`/actions/persons/${artist.id}/invite`)).status).toBe(403);
    const bot = addPerson(server, 'user', { is_bot: true });
    expect((await admin.get(`/actions/persons/${bot.id}/invite`)).status).toBe(403);
    expect((await admin.get(`/actions/persons/${MISSING_ID}/invite`)).status).toBe(404);
    expect((await artist.get('/actions/persons/not-an-id/invite')).status).toBe(404);
  });
});

describe('DELETE /actions/persons/{id}/disable-two-factor-authentication', () => {
  const path = (id: string) => `/actions/persons/${id}/disable-two-factor-authentication`;

  it('turns every method off and drops the secrets', async () => {
    const person = addPerson(server, 'user', {
      totp_enabled: true,
      totp_secret: 'JBSWY3DPEHPK3PXP',
      email_otp_enabled: true,
      otp_recovery_codes: ['hash'],
      preferred_two_factor_authentication: 'totp',
    });
    const response = await admin.delete(path(person.id));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    expect(twoFactorColumns(person.id)).toEqual({
      totp_enabled: 0,
      totp_secret: null,
      email_otp_enabled: 0,
      fido_enabled: 0,
      otp_recovery_codes: null,
      preferred_two_factor_authentication: null,
    });
    const again = await admin.delete(path(person.id));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      error: true,
      message: 'Two factor authentication not enabled for this user.',
    });
  });

  it("refuses another admin's 2FA, non-admins, bots and unknown people", async () => {
    const otherAdmin = addPerson(server, 'admin', { totp_enabled: true, totp_secret: 'X' });
    const response = await admin.delete(path(otherAdmin.id));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: true,
      message: "An admin can't disable 2FA for other admins.",
    });
    expect(twoFactorColumns(otherAdmin.id).totp_enabled).toBe(1);

    const target = addPerson(server, 'user', { totp_enabled: true, totp_secret: 'X' });
    expect((await artist.delete(path(target.id))).status).toBe(403);
    expect(twoFactorColumns(target.id).totp_enabled).toBe(1);
    const bot = addPerson(server, 'user', { is_bot: true });
    expect((await admin.delete(path(bot.id))).status).toBe(403);
    expect((await admin.delete(path(MISSING_ID))).status).toBe(404);
  });
});
