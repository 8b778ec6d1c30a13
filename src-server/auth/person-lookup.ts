import type { Db } from '../db/database';
import type { PersonRow } from './person-row';

/**
 * `get_person_by_email_desktop_login`: a non-bot by email (stored lowercased, so matched
 * case-insensitively), else a non-bot by desktop login. An empty value never matches: both
 * columns hold blanks for people who have none.
 */
export function findPersonByLogin(db: Db, identifier: string): PersonRow | undefined {
  if (!identifier) return undefined;
  return findPersonByEmail(db, identifier) ?? findPersonByDesktopLogin(db, identifier);
}

export function findPersonByEmail(db: Db, email: string): PersonRow | undefined {
  if (!email) return undefined;
  return db
    .prepare('SELECT * FROM person WHERE lower(email) = lower(?) AND is_bot = 0 LIMIT 1')
    .get(email) as PersonRow | undefined;
}

function findPersonByDesktopLogin(db: Db, desktopLogin: string): PersonRow | undefined {
  return db
    .prepare('SELECT * FROM person WHERE desktop_login = ? AND is_bot = 0 LIMIT 1')
    .get(desktopLogin) as PersonRow | undefined;
}

export function personById(db: Db, id: string): PersonRow | undefined {
  return db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
}

/** Re-reads a row that must exist (the caller's own, mid-request). */
export function reloadPerson(db: Db, id: string): PersonRow {
  const person = personById(db, id);
  if (!person) throw new Error(`Person ${id} vanished`);
  return person;
}
