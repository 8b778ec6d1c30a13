import type { FastifyInstance } from 'fastify';
import { disableAllTwoFactor } from '../auth/two-factor';
import type { PersonRow } from '../auth/person-row';
import { personById } from '../auth/person-lookup';
import type { ServerContext } from '../context';
import { normalizeUuid } from '../crud/values';
import type { Db } from '../db/database';
import { badRequestPlain, forbidden, notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';

interface PersonParams {
  person_id: string;
}

/** `check_person_is_not_bot`: the person must exist (404) and not be a bot (403). */
function requireHumanPerson(db: Db, rawId: string): PersonRow {
  const id = normalizeUuid(rawId);
  const person = id === null ? undefined : personById(db, id);
  if (!person) throw notFound();
  if (person.is_bot) throw forbidden();
  return person;
}

/** Admin actions on an account (`blueprints/persons`): invitation and 2FA reset. */
export function registerPersonActionRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  // Zou mails a "set your password" link; this server sends no mail, so the invitation is only
  // logged and the success answer kept for the clients.
  api.get<{ Params: PersonParams }>('/actions/persons/:person_id/invite', async (request) => {
    const person = requireHumanPerson(db, request.params.person_id);
    accessOf(db, request).requireAdmin();
    request.log.warn(
      { personId: person.id, email: person.email },
      'invitation email not sent: this server sends no email',
    );
    return { success: true, message: 'Email sent' };
  });

  api.delete<{ Params: PersonParams }>(
    '/actions/persons/:person_id/disable-two-factor-authentication',
    async (request, reply) => {
      const person = requireHumanPerson(db, request.params.person_id);
      const access = accessOf(db, request);
      access.requireAdmin();
      if (person.role === 'admin' && person.id !== access.personId) {
        throw badRequestPlain("An admin can't disable 2FA for other admins.");
      }
      if (!disableAllTwoFactor(db, person.id)) {
        return reply
          .code(400)
          .send({ error: true, message: 'Two factor authentication not enabled for this user.' });
      }
      request.log.warn(
        { personId: person.id, by: access.personId },
        'two factor authentication disabled by an admin',
      );
      return { success: true };
    },
  );
}
