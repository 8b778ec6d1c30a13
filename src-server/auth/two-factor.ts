import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import type { PersonRow } from './person-row';
import { reloadPerson } from './person-lookup';
import { consumeRecoveryCode, generateRecoveryCodes, hashRecoveryCodes } from './recovery-codes';
import type { SecondFactorInput } from './schemas';
import { verifyTotp } from './totp';

export type TwoFactorMethod = 'totp' | 'email_otp' | 'fido';

/** Where the preferred method falls back to when it gets disabled, in order. */
const FALLBACKS: Record<TwoFactorMethod, TwoFactorMethod[]> = {
  totp: ['fido', 'email_otp'],
  email_otp: ['fido', 'totp'],
  fido: ['totp', 'email_otp'],
};

/** 2FA is on but the request carries no code for an enabled method. */
export class MissingOtpError extends Error {
  constructor(
    readonly preferred: string | null,
    readonly enabled: string[],
  ) {
    super('Missing OTP');
  }
}

type TwoFactorFlags = Pick<PersonRow, 'totp_enabled' | 'email_otp_enabled' | 'fido_enabled'>;

export function isTwoFactorEnabled(person: TwoFactorFlags): boolean {
  return !!person.totp_enabled || !!person.email_otp_enabled || !!person.fido_enabled;
}

/** `get_two_factor_authentication_enabled`: recovery codes always count. */
export function enabledTwoFactorMethods(person: TwoFactorFlags): string[] {
  const methods = ['recovery_code'];
  if (person.totp_enabled) methods.push('totp');
  if (person.email_otp_enabled) methods.push('email_otp');
  if (person.fido_enabled) methods.push('fido');
  return methods;
}

/**
 * `check_two_factor_authentication`: the first enabled method whose code was sent (TOTP, email
 * OTP, FIDO), else a recovery code, else MissingOtpError. This server sends no email and runs
 * no WebAuthn ceremony, so email OTP and FIDO answers never verify (an account imported with
 * them still gets in with TOTP or a recovery code).
 */
export async function checkSecondFactor(
  db: Db,
  person: PersonRow,
  input: SecondFactorInput,
): Promise<boolean> {
  if (person.totp_enabled && input.totp != null) return verifyTotp(person.totp_secret, input.totp);
  if (person.email_otp_enabled && input.email_otp != null) return false;
  if (person.fido_enabled && input.fido_authentication_response != null) return false;
  if (input.recovery_code != null) return consumeRecoveryCode(db, person.id, input.recovery_code);
  throw new MissingOtpError(
    person.preferred_two_factor_authentication,
    enabledTwoFactorMethods(person),
  );
}

/**
 * Turns a method on: recovery codes are issued when the person has none yet (returned in
 * clear, once), and the method becomes the preferred one when none is set.
 */
export async function enableTwoFactorMethod(
  context: ServerContext,
  personId: string,
  method: TwoFactorMethod,
): Promise<string[] | null> {
  const person = reloadPerson(context.db, personId);
  const hasCodes = storedCodesPresent(person.otp_recovery_codes);
  const codes = hasCodes ? null : generateRecoveryCodes();
  const hashed = codes ? await hashRecoveryCodes(context, codes) : null;
  context.db
    .prepare(
      `UPDATE person SET ${method}_enabled = 1,
         otp_recovery_codes = COALESCE(?, otp_recovery_codes),
         preferred_two_factor_authentication = COALESCE(preferred_two_factor_authentication, ?)
       WHERE id = ?`,
    )
    .run(hashed, method, personId);
  return codes;
}

/**
 * After a method was turned off: with nothing left, the recovery codes and the preference go;
 * otherwise a preference on the removed method moves to the next enabled one.
 */
export function afterTwoFactorMethodDisabled(db: Db, personId: string, method: TwoFactorMethod) {
  const person = reloadPerson(db, personId);
  if (!isTwoFactorEnabled(person)) {
    db.prepare(
      `UPDATE person SET otp_recovery_codes = NULL, preferred_two_factor_authentication = NULL
       WHERE id = ?`,
    ).run(personId);
    return;
  }
  if (person.preferred_two_factor_authentication !== method) return;
  const fallback = FALLBACKS[method].find((other) => person[`${other}_enabled`]);
  if (fallback) {
    db.prepare('UPDATE person SET preferred_two_factor_authentication = ? WHERE id = ?').run(
      fallback,
      personId,
    );
  }
}

/**
 * `disable_two_factor_authentication_for_person` (the admin action): every method off,
 * secrets, devices and recovery codes dropped. False when nothing was enabled.
 */
export function disableAllTwoFactor(db: Db, personId: string): boolean {
  const person = reloadPerson(db, personId);
  if (!isTwoFactorEnabled(person)) return false;
  db.prepare(
    `UPDATE person SET email_otp_enabled = 0, email_otp_secret = NULL, totp_enabled = 0,
       totp_secret = NULL, fido_enabled = 0, fido_credentials = NULL, otp_recovery_codes = NULL,
       preferred_two_factor_authentication = NULL
     WHERE id = ?`,
  ).run(personId);
  return true;
}

/** Python's `not person.otp_recovery_codes`: null and an empty list both mean none. */
function storedCodesPresent(stored: unknown): boolean {
  if (typeof stored !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) && parsed.length > 0;
  } catch {
    return false;
  }
}
