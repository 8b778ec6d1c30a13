import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import { findPersonByEmail } from './person-lookup';
import { randomString } from './recovery-codes';

/** Zou keeps reset tokens 2 hours in its key-value store. */
const RESET_TOKEN_TTL_MS = 2 * 3600 * 1000;
const RESET_TOKEN_LENGTH = 64;

interface StoredResetToken {
  hash: string;
  expires_at: number;
}

// One pending token per person in server_setting, stored hashed: the database file never
// holds a usable token.
function settingKey(personId: string): string {
  return `reset-token:${personId}`;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new 64-character A-Z0-9 token for the person, replacing any pending one. */
export function issueResetToken(db: Db, personId: string, now = Date.now()): string {
  const token = randomString(RESET_TOKEN_LENGTH);
  const stored: StoredResetToken = { hash: digest(token), expires_at: now + RESET_TOKEN_TTL_MS };
  db.prepare(
    `INSERT INTO server_setting (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(settingKey(personId), JSON.stringify(stored));
  return token;
}

/**
 * A reset token for the active, non-bot person with this email, or null when there is none
 * (what `POST /auth/reset-password` would have mailed). For tests and an admin UI.
 */
export function createResetToken(
  context: ServerContext,
  email: string,
): { personId: string; token: string } | null {
  const person = findPersonByEmail(context.db, email);
  if (!person || !person.active) return null;
  return { personId: person.id, token: issueResetToken(context.db, person.id) };
}

/** True when `token` is the person's pending, unexpired token. Expired entries are dropped. */
export function resetTokenMatches(db: Db, personId: string, token: string): boolean {
  const row = db
    .prepare('SELECT value FROM server_setting WHERE key = ?')
    .get(settingKey(personId)) as { value: string } | undefined;
  if (!row) return false;
  let stored: StoredResetToken;
  try {
    stored = JSON.parse(row.value) as StoredResetToken;
  } catch {
    return false;
  }
  if (!(stored.expires_at > Date.now())) {
    deleteResetToken(db, personId);
    return false;
  }
  const expected = Buffer.from(stored.hash, 'hex');
  const given = Buffer.from(digest(token), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function deleteResetToken(db: Db, personId: string): void {
  db.prepare('DELETE FROM server_setting WHERE key = ?').run(settingKey(personId));
}
