import type { CacheDb } from './cache-db';

/**
 * `/data/user/context` by top-level key (task_status, persons, task_types, projects…): what
 * the composer, mentions and filters need, offline too.
 */
export function readContextEntry(db: CacheDb, key: string): unknown {
  const row = db.prepare('SELECT json FROM context_entry WHERE key = ?').get(key) as
    { json: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.json) as unknown);
}

export function hasContext(db: CacheDb): boolean {
  return db.prepare('SELECT 1 FROM context_entry LIMIT 1').get() !== undefined;
}

/** Keeps the context as the server answered it; answers whether anything changed. */
export function writeContext(db: CacheDb, context: Record<string, unknown>): boolean {
  const stored = new Map(
    (
      db.prepare('SELECT key, json FROM context_entry').all() as { key: string; json: string }[]
    ).map((row) => [row.key, row.json]),
  );
  const upsert = db.prepare('INSERT OR REPLACE INTO context_entry (key, json) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM context_entry WHERE key = ?');
  let changed = false;
  db.transaction(() => {
    for (const [key, value] of Object.entries(context)) {
      const json = JSON.stringify(value ?? null);
      if (stored.get(key) !== json) {
        upsert.run(key, json);
        changed = true;
      }
      stored.delete(key);
    }
    for (const key of stored.keys()) {
      remove.run(key);
      changed = true;
    }
  })();
  return changed;
}
