import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { authError, wrongOtp } from './auth-errors';
import { fromBrowser, setAccessCookie, setRefreshCookie, type CookiePaths } from './auth-cookies';
import { readBody } from './body';
import { organisationRow } from './organisation';
import { reloadPerson } from './person-lookup';
import type { PersonRow } from './person-row';
import { generateRecoveryCodes, hashRecoveryCodes } from './recovery-codes';
import { totpSchema, twoFactorSchema, type SecondFactorInput } from './schemas';
import { authOf } from './auth-of';
import { issueTokenPair } from './tokens';
import { newTotpSecret, totpProvisioningUri, verifyTotp } from './totp';
import {
  afterTwoFactorMethodDisabled,
  checkSecondFactor,
  enableTwoFactorMethod,
  isTwoFactorEnabled,
  MissingOtpError,
} from './two-factor';

/** `/auth/totp` (pre-enable, enable, disable) and `/auth/recovery-codes`: person only. */
export function registerTotpRoutes(
  scope: FastifyInstance,
  context: ServerContext,
  paths: CookiePaths,
): void {
  const { db } = context;
  const personOnly = { config: { personOnly: true } };

  /** A valid second factor or a 400; a missing one is no crash (Zou 500s on recovery-codes). */
  async function requireSecondFactor(person: PersonRow, input: SecondFactorInput): Promise<void> {
    let valid: boolean;
    try {
      valid = await checkSecondFactor(db, person, input);
    } catch (error) {
      if (error instanceof MissingOtpError) throw wrongOtp();
      throw error;
    }
    if (!valid) throw wrongOtp();
  }

  scope.put('/auth/totp', personOnly, async (request) => {
    const person = reloadPerson(db, authOf(request).person.id);
    if (person.totp_enabled) throw authError('TOTP already enabled.');
    const secret = newTotpSecret();
    db.prepare('UPDATE person SET totp_secret = ?, totp_enabled = 0 WHERE id = ?').run(
      secret,
      person.id,
    );
    const issuer = `Kitsu ${String(organisationRow(db).name)}`;
    return {
      totp_provisionning_uri: totpProvisioningUri(secret, person.email ?? '', issuer),
      otp_secret: secret,
    };
  });

  scope.post('/auth/totp', personOnly, async (request, reply) => {
    const body = readBody(request, totpSchema, 'TotpSchema');
    const person = reloadPerson(db, authOf(request).person.id);
    if (person.totp_enabled) throw authError('TOTP already enabled.');
    if (!verifyTotp(person.totp_secret, body.totp)) throw wrongOtp('TOTP verification failed.');
    const codes = await enableTwoFactorMethod(context, person.id, 'totp');
    // Fresh tokens: a token restricted to 2FA setup must not outlive the setup.
    const tokens = issueTokenPair(context, person.id);
    if (fromBrowser(request)) {
      setAccessCookie(reply, paths, tokens.accessToken);
      setRefreshCookie(reply, paths, tokens.refreshToken);
    }
    return {
      otp_recovery_codes: codes,
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
    };
  });

  scope.delete('/auth/totp', personOnly, async (request) => {
    const body = readBody(request, twoFactorSchema, 'TwoFactorAuthSchema');
    const person = reloadPerson(db, authOf(request).person.id);
    if (!isTwoFactorEnabled(person)) throw authError('TOTP not enabled.');
    await requireSecondFactor(person, body);
    if (!person.totp_enabled) throw authError('TOTP not enabled.');
    db.prepare('UPDATE person SET totp_enabled = 0, totp_secret = NULL WHERE id = ?').run(
      person.id,
    );
    afterTwoFactorMethodDisabled(db, person.id, 'totp');
    return { success: true };
  });

  scope.put('/auth/recovery-codes', personOnly, async (request) => {
    const body = readBody(request, twoFactorSchema, 'TwoFactorAuthSchema');
    const person = reloadPerson(db, authOf(request).person.id);
    if (!isTwoFactorEnabled(person)) throw authError('No two factor authentication enabled.');
    await requireSecondFactor(person, body);
    const codes = generateRecoveryCodes();
    db.prepare('UPDATE person SET otp_recovery_codes = ? WHERE id = ?').run(
      await hashRecoveryCodes(context, codes),
      person.id,
    );
    return { otp_recovery_codes: codes };
  });
}
