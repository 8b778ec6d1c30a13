import type { ServerContext } from '../context';
import { checkLockout, recordFailure, resetFailures } from './lockout';
import { burnDummyCheck, checkPassword } from './passwords';
import { findPersonByLogin, reloadPerson } from './person-lookup';
import type { PersonRow } from './person-row';
import type { SecondFactorInput } from './schemas';
import { checkSecondFactor, isTwoFactorEnabled } from './two-factor';

/** Why a credential check failed; MissingOtpError and LockedOutError travel on their own. */
export class AuthFailure extends Error {
  constructor(readonly reason: 'wrong-user' | 'wrong-password' | 'unactive' | 'wrong-otp') {
    super(reason);
  }
}

/**
 * `auth_service.check_auth` with the local bcrypt strategy, in Zou's order: unknown user (after
 * a bcrypt run, so that timing does not tell), lockout, password, active flag (only once the
 * password is proven), second factor (unless `secondFactor` is null), counter reset.
 * Returns the person as now stored.
 */
export async function checkAuth(
  context: ServerContext,
  identifier: string | PersonRow,
  password: string,
  secondFactor: SecondFactorInput | null,
): Promise<PersonRow> {
  const person =
    typeof identifier === 'string' ? findPersonByLogin(context.db, identifier) : identifier;
  if (!person) {
    await burnDummyCheck(password);
    throw new AuthFailure('wrong-user');
  }
  const failures = checkLockout(context, person.id);

  if (!(await passwordMatches(password, person.password))) {
    recordFailure(context.db, person.id);
    throw new AuthFailure('wrong-password');
  }
  if (!person.active) throw new AuthFailure('unactive');

  if (secondFactor && isTwoFactorEnabled(person)) {
    if (!(await checkSecondFactor(context.db, person, secondFactor))) {
      recordFailure(context.db, person.id);
      throw new AuthFailure('wrong-otp');
    }
  }
  if (failures > 0) resetFailures(context.db, person.id);
  return reloadPerson(context.db, person.id);
}

const BCRYPT_HASH = /^\$2[abxy]\$\d\d\$/;

/**
 * An account without a usable hash (imported without password, or LDAP's literal "default")
 * still pays a full bcrypt run before being refused.
 */
async function passwordMatches(password: string, stored: string | null): Promise<boolean> {
  if (!stored || !BCRYPT_HASH.test(stored)) {
    await burnDummyCheck(password);
    return false;
  }
  return checkPassword(password, stored);
}
