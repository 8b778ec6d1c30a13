import type { CacheDb } from './cache-db';

/** Keys of `sync_meta`. */
export const LAST_SYNCED_AT = 'last_synced_at';

export function readMeta(db: CacheDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: CacheDb, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)').run(key, value);
}
