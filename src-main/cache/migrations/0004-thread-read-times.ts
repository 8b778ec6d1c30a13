import type { CacheMigration } from '../cache-db';

/**
 * When the person last read each cached thread. Replies and acknowledgements change a comment
 * without moving its task, so a catch-up after a gap cannot see them in the lists; it re-reads
 * the threads the person read lately instead (`recentlyReadThreadIds`).
 */
export const threadReadTimes: CacheMigration = {
  version: 4,
  name: 'thread read times',
  up: (db) => {
    db.exec(`ALTER TABLE comment_thread ADD COLUMN read_at TEXT`);
  },
};
