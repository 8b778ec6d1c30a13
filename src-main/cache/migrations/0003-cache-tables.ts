import type { CacheMigration } from '../cache-db';

/**
 * What the server said, kept to show it again at once and without the server: Kitsu's rows as
 * JSON text, with the few columns needed to find and compare them. Every table here may be
 * rebuilt from the server (the outbox, migration 1, never is).
 *
 * - `task_row`: the rows of the person's task lists (`list`: todo, done, to-check), in the
 *   server's order (`position`).
 * - `task_list`: the lists written whole; a list without its row here is absent (a bootstrap
 *   that did not finish), whatever `task_row` holds for it.
 * - `comment_thread` / `comment_row`: the comments of the tasks whose thread was read, in the
 *   server's order (`position`, newest first); a thread row marks one read whole, even empty,
 *   and `refreshed_at = ''` one to read again (its task moved).
 * - `context_entry`: `/data/user/context` by key (task_status, persons, task_types, projects…).
 * - `sync_meta`: when the last complete sync ended, and such.
 *
 * `cached_read` (migration 2) keeps only what these tables do not hold yet (time log days).
 */
export const cacheTables: CacheMigration = {
  version: 3,
  name: 'cache tables',
  up: (db) => {
    db.exec(`
      CREATE TABLE task_row (
        list TEXT NOT NULL CHECK (list IN ('todo', 'done', 'to-check')),
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        updated_at TEXT,
        last_comment_date TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (list, id)
      );
      CREATE INDEX task_row_id ON task_row (id);

      CREATE TABLE task_list (
        list TEXT PRIMARY KEY CHECK (list IN ('todo', 'done', 'to-check')),
        refreshed_at TEXT NOT NULL
      );

      CREATE TABLE comment_thread (
        task_id TEXT PRIMARY KEY,
        refreshed_at TEXT NOT NULL
      );

      CREATE TABLE comment_row (
        task_id TEXT NOT NULL REFERENCES comment_thread (task_id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (task_id, id)
      );

      CREATE TABLE context_entry (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE TABLE sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      DELETE FROM cached_read
      WHERE key IN ('tasks:todo', 'tasks:done', 'tasks:to-check', 'statuses')
        OR key LIKE 'comments:%';
    `);
  },
};
