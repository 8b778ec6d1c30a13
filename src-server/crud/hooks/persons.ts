import { hashPassword } from '../../auth/passwords';
import { issueBotToken } from '../../auth/tokens';
import {
  badRequest,
  badRequestPlain,
  crudError,
  crudErrorFromSqlite,
  forbidden,
} from '../../http/errors';
import { presentPersonsMinimal, serializePersonsSafe } from '../../auth/person-views';
import type { Json } from '../../models/serialize';
import { clearPersonTraces } from '../cascades/person';
import type { CrudCall } from '../crud-call';
import { loadInstanceRow } from '../get-one';
import { serializeOne } from '../present';
import { boolParam } from '../query-params';
import { readRelationIds } from '../relations';
import { deleteModelRow, fetchRow, type Data } from '../rows';
import { prepareCached } from '../sql';
import { INVALID_FORMAT } from '../values';
import { defineHooks } from './define';
import { normalizeEmail, validateExpirationDate, validatePersonFields } from './person-validation';

/** SQL twin of the hybrid `full_name` over the row alias `t` (Zou: trim(concat_ws(' ', …))). */
const FULL_NAME_SQL = "trim(t.first_name || ' ' || t.last_name)";

/** Columns behind `present_minimal`, plus email: what non-admins may filter persons on. */
const MINIMAL_FILTERS = new Set([
  'id',
  'first_name',
  'last_name',
  'full_name',
  'has_avatar',
  'active',
  'departments',
  'studio_id',
  'role',
  'desktop_login',
  'email',
  'is_bot',
]);

/** What a non-admin may not change on their own person. */
const ADMIN_ONLY_PERSON_KEYS = [
  'role',
  'departments',
  'active',
  'is_bot',
  'archived',
  'login_failed_attemps',
  'last_login_failed',
  'is_generated_from_ldap',
  'ldap_uid',
  'last_presence',
  'studio_id',
];

function emailTaken(call: CrudCall, email: string, exceptId?: string): boolean {
  const row = prepareCached(
    call.db,
    'SELECT id FROM person WHERE lower(email) = lower(?) AND is_bot = 0 AND id IS NOT ? LIMIT 1',
  ).get(email, exceptId ?? null);
  return row !== undefined;
}

function checkEmail(call: CrudCall, data: Data, isBot: boolean, exceptId?: string): void {
  if (!('email' in data) || data.email === null) return;
  data.email = normalizeEmail(data.email);
  if (!isBot && emailTaken(call, String(data.email), exceptId)) {
    throw badRequest('Email already in use.');
  }
}

/** A fresh API token for the person, valid until their (stored) expiration date. */
function issueApiToken(call: CrudCall, personId: string): string {
  const row = fetchRow(call.db, call.model, personId);
  return issueBotToken(call.context, personId, (row?.expiration_date as string | null) ?? null);
}

function safePerson(call: CrudCall, id: string, relations: boolean): Json {
  const row = fetchRow(call.db, call.model, id);
  return serializePersonsSafe(call.db, row ? [row] : [], relations)[0] as Json;
}

/** Persons (REFERENCE §3): everyone reads (non-admins a minimal view), admins manage. */
export const personHooks = defineHooks({
  checkListRead: () => {},
  filterable(call) {
    if (!call.access.isAdmin) return MINIMAL_FILTERS;
    const sensitive = new Set(call.model.sensitiveKeys ?? []);
    return new Set(
      [
        'id',
        'created_at',
        'updated_at',
        'full_name',
        ...Object.keys(call.model.columns),
        ...call.model.relations.map((relation) => relation.key),
      ].filter((key) => !sensitive.has(key)),
    );
  },
  virtualColumns: { full_name: { type: 'string', sql: FULL_NAME_SQL } },
  presentList(call, rows, relations) {
    if (!call.access.isAdmin) return presentPersonsMinimal(call.db, rows, relations);
    const persons = serializePersonsSafe(call.db, rows, relations);
    if (boolParam(call.query, 'with_pass_hash')) {
      // Kitsu-to-Kitsu migrations need the hash; the 2FA secrets stay out.
      rows.forEach((row, index) => {
        (persons[index] as Json).password = row.password ?? null;
      });
    }
    return persons;
  },

  checkRead: () => {},
  presentOne(call, row, relations) {
    return call.access.isManager()
      ? (serializePersonsSafe(call.db, [row], relations)[0] as Json)
      : (presentPersonsMinimal(call.db, [row], relations)[0] as Json);
  },

  async prepareCreateAsync(call, data) {
    if (data.password === undefined || data.password === null) return;
    if (typeof data.password !== 'string') throw crudError(INVALID_FORMAT);
    data.password = await hashPassword(data.password, call.context.settings.bcryptRounds);
  },
  checkCreationIntegrity(call, data) {
    validatePersonFields(data);
    validateExpirationDate(data);
    checkEmail(call, data, data.is_bot === true);
  },
  afterCreate(call, id) {
    const person = safePerson(call, id, true);
    if (person.is_bot) {
      person.access_token = issueApiToken(call, id);
    }
    return person;
  },

  checkUpdate(call, current) {
    if (current.id !== call.personId) call.access.requireAdmin();
  },
  prepareUpdate(call, data, current) {
    if (!call.access.isAdmin) {
      for (const key of ADMIN_ONLY_PERSON_KEYS) delete data[key];
      const identity = call.request.auth?.identityType;
      if (identity !== 'person' && identity !== 'person_api') delete data.expiration_date;
    }
    validatePersonFields(data);
    const stored = fetchRow(call.db, call.model, String(current.id));
    validateExpirationDate(data, (stored?.expiration_date as string | null) ?? null);
    const isBot = 'is_bot' in data ? data.is_bot === true : current.is_bot === true;
    checkEmail(call, data, isBot, String(current.id));
  },
  presentUpdated: (call, id) => safePerson(call, id, false),
  afterUpdate(call, _current, data, updated) {
    const id = String(updated.id);
    updated.departments = readRelationIds(call, 'departments', id);
    const expiration = data.expiration_date;
    const regenerate =
      'expiration_date' in data &&
      (expiration === null ||
        String(expiration).slice(0, 10) >= new Date().toISOString().slice(0, 10));
    if (regenerate) updated.access_token = issueApiToken(call, id);
  },

  remove(call, id) {
    call.write(() => {
      const row = loadInstanceRow(call, id);
      const person = serializeOne(call.db, call.model, row, false);
      if (person.id === call.personId) throw forbidden();
      call.access.requireAdmin();
      if (boolParam(call.query, 'force')) clearPersonTraces(call, String(person.id));
      try {
        deleteModelRow(call.db, call.model, String(person.id));
      } catch (error) {
        if (crudErrorFromSqlite(error)) {
          throw badRequestPlain('Some data are still linked to given person.');
        }
        throw error;
      }
      call.emit('person:delete', { person_id: person.id });
    });
  },
});
