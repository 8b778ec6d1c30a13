import type { CacheMigration } from '../cache-db';

/**
 * The last answer of each read main made (the todo list, a task's comments…), as main handed
 * it to the renderer, so that the same screen still shows while the server is unreachable.
 * A cache table: a later migration may drop it for finer tables.
 */
export const cachedReads: CacheMigration = {
  version: 2,
  name: 'cached reads',
  up: (db) => {
    db.exec(`CREATE TABLE cached_read (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    )`);
  },
};
