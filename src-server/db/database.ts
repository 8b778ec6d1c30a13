import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens (creating if needed) the server's SQLite file with the pragmas every connection needs. */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
