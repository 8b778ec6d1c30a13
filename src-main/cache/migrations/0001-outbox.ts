import type { CacheMigration } from '../cache-db';

/**
 * The outbox: writes made here that the server has not confirmed yet, and receipts of the ones
 * it did. Unlike the cache tables it is never rebuilt: a row here may be the only copy of what
 * the person wrote. Attached files live beside the cache file (`outboxFilesDir`).
 *
 * - `seq` orders the writes; `lane` serialises them (a task's id: its writes replay in order).
 * - `id` is the idempotency key, given when the write is made.
 * - `base_status_id`: the task's status on the server as this write expects to find it.
 * - `maybe_sent_since`: set just before a request leaves, cleared only by a refusal; while set,
 *   the write may have landed without its answer arriving (a crash, a cut), so replay first
 *   looks for it on the server.
 * - `resolution`: what the person chose after a conflict (`post-anyway`, `post-without-status`).
 */
export const outbox: CacheMigration = {
  version: 1,
  name: 'outbox',
  up: (db) => {
    db.exec(`
      CREATE TABLE outbox_entry (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        lane TEXT NOT NULL,
        task_id TEXT,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        base_status_id TEXT,
        state TEXT NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'sending', 'conflict', 'failed')),
        resolution TEXT CHECK (resolution IN ('post-anyway', 'post-without-status')),
        attempts INTEGER NOT NULL DEFAULT 0,
        maybe_sent_since TEXT,
        last_error TEXT,
        reason TEXT,
        server_status TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX outbox_entry_lane ON outbox_entry (lane, seq);
      CREATE INDEX outbox_entry_task ON outbox_entry (task_id, seq);

      CREATE TABLE outbox_receipt (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        task_id TEXT,
        server_id TEXT NOT NULL,
        delivered_at TEXT NOT NULL
      );
      CREATE INDEX outbox_receipt_server ON outbox_receipt (server_id);
    `);
  },
};
