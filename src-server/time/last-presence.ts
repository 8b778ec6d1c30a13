import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';

/**
 * `persons_service.update_person_last_presence`: the later of the person's last desktop login
 * (its day) and last time spent day. Zou's `update_person` then emits `person:update`, which
 * the caller does once its transaction is committed.
 */
export function refreshLastPresence(db: Db, personId: string): void {
  prepareCached(
    db,
    `UPDATE person SET updated_at = ?, last_presence = (SELECT MAX(day) FROM (
       SELECT substr(MAX(date), 1, 10) AS day FROM desktop_login_log WHERE person_id = ?
       UNION ALL SELECT MAX(date) FROM time_spent WHERE person_id = ?))
     WHERE id = ?`,
  ).run(nowDateTime(), personId, personId, personId);
}
