import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { nowDateTime } from '../db/time';
import { authError, validateNewPassword } from './auth-errors';
import { readBody } from './body';
import { AuthFailure, checkAuth } from './check-auth';
import { LockedOutError } from './lockout';
import { hashPassword } from './passwords';
import { findPersonByEmail, findPersonByLogin, reloadPerson } from './person-lookup';
import { deleteResetToken, issueResetToken, resetTokenMatches } from './reset-tokens';
import { changePasswordSchema, resetPasswordSchema, sendPasswordResetSchema } from './schemas';
import { authOf } from './auth-of';

/** `/auth/change-password` and `/auth/reset-password`. */
export function registerPasswordRoutes(scope: FastifyInstance, context: ServerContext): void {
  const { db, settings } = context;

  async function storePassword(personId: string, password: string): Promise<void> {
    const hash = await hashPassword(password, settings.bcryptRounds);
    db.prepare('UPDATE person SET password = ?, updated_at = ? WHERE id = ?').run(
      hash,
      nowDateTime(),
      personId,
    );
  }

  scope.post('/auth/change-password', { config: { personOnly: true } }, async (request) => {
    const body = readBody(request, changePasswordSchema, 'ChangePasswordSchema');
    const personId = authOf(request).person.id;
    try {
      // The old password goes through the login check, lockout and failure count included.
      await checkAuth(context, reloadPerson(db, personId), body.old_password, null);
    } catch (error) {
      throw changePasswordFailure(error);
    }
    validateNewPassword(settings, body.password, body.password_2);
    await storePassword(personId, body.password);
    request.log.info(`User ${personId} has changed his password`);
    return { success: true };
  });

  // Same answer whether or not the account exists, so that it cannot list accounts.
  scope.post('/auth/reset-password', { config: { auth: 'none' } }, async (request) => {
    const body = readBody(request, sendPasswordResetSchema, 'SendPasswordResetSchema');
    const person = findPersonByEmail(db, body.email);
    if (person?.active) {
      // No mail server: the link Zou would send goes to the server log, at a level it shows.
      const token = issueResetToken(db, person.id);
      request.log.warn(
        `Password reset link for ${body.email}: ${resetLink(request, body.email, token)}`,
      );
    }
    return { success: 'Reset token sent' };
  });

  scope.put('/auth/reset-password', { config: { auth: 'none' } }, async (request) => {
    const body = readBody(request, resetPasswordSchema, 'ResetPasswordSchema');
    // By desktop login too: a desktop-login user told to change a default password gets there.
    const person = findPersonByLogin(db, body.email);
    if (!person || !resetTokenMatches(db, person.id, body.token)) {
      throw authError('Wrong or expired token.');
    }
    validateNewPassword(settings, body.password, body.password2);
    await storePassword(person.id, body.password);
    deleteResetToken(db, person.id);
    request.log.info(`User ${body.email} has reset his password`);
    return { success: true };
  });
}

function changePasswordFailure(error: unknown): unknown {
  if (error instanceof AuthFailure) {
    if (error.reason === 'unactive') return authError('User is unactive.');
    return authError('Old password is wrong.');
  }
  if (error instanceof LockedOutError) {
    return authError('Too many failed login attempts.', { too_many_failed_login_attemps: true });
  }
  return error;
}

/** The Kitsu page Zou's reset mail links to (`build_password_reset_url`). */
function resetLink(request: FastifyRequest, email: string, token: string): string {
  const query = new URLSearchParams({ email, token }).toString();
  return `${request.protocol}://${request.host}/reset-change-password?${query}`;
}
