import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest } from '../http/errors';
import { fromStored } from '../models/serialize';
import { authError } from './auth-errors';
import { readBody, requestValues } from './body';
import { reloadPerson } from './person-lookup';
import type { PersonRow } from './person-row';
import {
  emailOtpSchema,
  fidoRegisterSchema,
  fidoUnregisterSchema,
  twoFactorSchema,
  type SecondFactorInput,
} from './schemas';
import { fidoDeviceNames } from './person-views';
import { authOf } from './auth-of';
import {
  afterTwoFactorMethodDisabled,
  checkSecondFactor,
  isTwoFactorEnabled,
  MissingOtpError,
} from './two-factor';

/**
 * `/auth/email-otp` and `/auth/fido` on a server that sends no mail and runs no WebAuthn: the
 * public GETs answer as Zou does for an account without the method, enabling is refused with
 * Zou's "not enabled" bodies, and disabling still works for accounts imported with it on.
 */
export function registerEmailOtpAndFidoRoutes(
  scope: FastifyInstance,
  context: ServerContext,
): void {
  const { db } = context;
  const open = { config: { auth: 'none' as const } };
  const personOnly = { config: { personOnly: true } };
  const currentPerson = (request: FastifyRequest) => reloadPerson(db, authOf(request).person.id);

  async function secondFactorValid(person: PersonRow, input: SecondFactorInput): Promise<boolean> {
    try {
      return await checkSecondFactor(db, person, input);
    } catch (error) {
      if (error instanceof MissingOtpError) return false;
      throw error;
    }
  }

  // Same answer for every address, so that it cannot list accounts.
  scope.get('/auth/email-otp', open, async (request) => {
    requireEmailParameter(request);
    return { success: true };
  });

  scope.put('/auth/email-otp', personOnly, async (request) => {
    if (currentPerson(request).email_otp_enabled) {
      throw authError('OTP by email already enabled.');
    }
    throw authError('OTP by email not enabled.');
  });

  scope.post('/auth/email-otp', personOnly, async (request) => {
    readBody(request, emailOtpSchema, 'EmailOtpSchema');
    if (currentPerson(request).email_otp_enabled) {
      throw authError('OTP by email already enabled.');
    }
    throw authError('OTP by email not enabled.');
  });

  scope.delete('/auth/email-otp', personOnly, async (request) => {
    const body = readBody(request, twoFactorSchema, 'TwoFactorAuthSchema');
    const person = currentPerson(request);
    if (!isTwoFactorEnabled(person)) throw authError('OTP by email not enabled.');
    if (!(await secondFactorValid(person, body))) {
      throw authError('OTP verification failed.', { wrong_OTP: true });
    }
    if (!person.email_otp_enabled) throw authError('OTP by email not enabled.');
    db.prepare('UPDATE person SET email_otp_enabled = 0, email_otp_secret = NULL WHERE id = ?').run(
      person.id,
    );
    afterTwoFactorMethodDisabled(db, person.id, 'email_otp');
    return { success: true };
  });

  // Zou hands out a WebAuthn challenge only to an active account with FIDO on; none can
  // answer one here.
  scope.get('/auth/fido', open, async (request) => {
    requireEmailParameter(request);
    throw authError('FIDO not enabled.');
  });

  scope.put('/auth/fido', personOnly, async () => {
    throw authError('FIDO not enabled.');
  });

  // Registration needs the state a PUT would have left in the session.
  scope.post('/auth/fido', personOnly, async (request) => {
    readBody(request, fidoRegisterSchema, 'FidoRegisterSchema');
    throw authError('No preregistration before.');
  });

  scope.delete('/auth/fido', personOnly, async (request) => {
    const body = readBody(request, fidoUnregisterSchema, 'FidoUnregisterSchema');
    const person = currentPerson(request);
    if (!person.fido_enabled) throw authError('FIDO not enabled.');
    if (!(await secondFactorValid(person, body))) throw authError('Wrong OTP.');
    const stored = fromStored('json', person.fido_credentials);
    const remaining: unknown[] = Array.isArray(stored) ? [...stored] : [];
    const index = fidoDeviceNames(person).indexOf(body.device_name);
    if (index >= 0) remaining.splice(index, 1);
    db.prepare('UPDATE person SET fido_credentials = ?, fido_enabled = ? WHERE id = ?').run(
      JSON.stringify(remaining),
      remaining.length > 0 ? 1 : 0,
      person.id,
    );
    afterTwoFactorMethodDisabled(db, person.id, 'fido');
    return { success: true };
  });
}

/** ArgsMixin's `("email", None, True)` over the query and form values. */
function requireEmailParameter(request: FastifyRequest): void {
  if (!('email' in requestValues(request))) {
    throw badRequest('Missing required parameter: email');
  }
}
