import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type Migration } from '../../src-shared/sqlite/migrate';
import { cacheMigrations } from './migrations';

export type CacheDb = Database.Database;
export type CacheMigration = Migration<CacheDb>;

/** One cache file per (server, person): switching either never mixes their data. */
export function cacheFilePath(userDataDir: string, apiUrl: string, personId: string): string {
  const server = createHash('sha256').update(apiUrl).digest('hex').slice(0, 16);
  return join(userDataDir, 'cache', `${server}-${personId}.sqlite`);
}

/**
 * Opens (creating and migrating) a cache file. `nativeBinding`: better-sqlite3's addon built
 * for Electron when main runs from the source tree (see src-main/electron/index.ts).
 */
export function openCacheDb(path: string, nativeBinding?: string): CacheDb {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    // Rows are ~1.5 KB of JSON: large pages keep each in one page. Only a new file takes it.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The staging tables of a refresh (temp tables) never touch the disk.
    db.pragma('temp_store = MEMORY');
    migrate(db, cacheMigrations, 'The offline cache');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
