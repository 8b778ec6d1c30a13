import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the server's SQLite file with the pragmas every connection needs.
 * `nativeBinding`: better-sqlite3's compiled addon to load instead of its own, e.g. a copy
 * built for Electron's ABI when the server runs inside Electron.
 */
export function openDatabase(path: string, nativeBinding?: string): Db {
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
