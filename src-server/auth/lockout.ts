import type { ServerContext } from '../context';
import type { Db } from '../db/database';

/** Thrown while an account sits in its lockout window. */
export class LockedOutError extends Error {
  constructor() {
    super('Too many failed login attempts');
  }
}

/**
 * `check_login_failed_attemps`: the failure count to go on from, or LockedOutError when
 * `maxLoginFailures` failures happened and the last one is younger than the lockout delay.
 * An elapsed window resets the counter, so one wrong password a minute cannot keep an account
 * shut. Read from the row, never from a copy loaded earlier in the request.
 */
export function checkLockout(context: ServerContext, personId: string): number {
  const { db, settings } = context;
  const row = db
    .prepare('SELECT login_failed_attemps, last_login_failed FROM person WHERE id = ?')
    .get(personId) as { login_failed_attemps: number | null; last_login_failed: string | null };
  const failures = row.login_failed_attemps ?? 0;
  if (failures < settings.maxLoginFailures) return failures;
  if (row.last_login_failed) {
    const lockedUntil = parseStored(row.last_login_failed) + settings.loginLockoutSeconds * 1000;
    if (lockedUntil > Date.now()) throw new LockedOutError();
  }
  resetFailures(db, personId);
  return 0;
}

/** A wrong password or a wrong second factor. */
export function recordFailure(db: Db, personId: string): void {
  // Milliseconds kept (Zou's column keeps microseconds): a lockout of a second or two must
  // not end early because the failure time was truncated.
  db.prepare(
    `UPDATE person SET login_failed_attemps = COALESCE(login_failed_attemps, 0) + 1,
       last_login_failed = ? WHERE id = ?`,
  ).run(new Date().toISOString().slice(0, 23), personId);
}

export function resetFailures(db: Db, personId: string): void {
  db.prepare('UPDATE person SET login_failed_attemps = 0 WHERE id = ?').run(personId);
}

/** Stored datetimes are naive UTC. */
function parseStored(value: string): number {
  const time = Date.parse(value.endsWith('Z') ? value : `${value}Z`);
  return Number.isNaN(time) ? 0 : time;
}
