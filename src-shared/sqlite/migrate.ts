/**
 * The part of a SQLite connection (better-sqlite3's) that migrations need: declared here so
 * that the server's database and the app's cache share one runner without this layer
 * importing the driver.
 */
export interface MigratableDb {
  exec(sql: string): unknown;
  prepare(sql: string): {
    run(...params: unknown[]): unknown;
    get(...params: unknown[]): unknown;
  };
  transaction(fn: () => void): () => void;
}

export interface Migration<D extends MigratableDb = MigratableDb> {
  /** 1, 2, 3… — never reused, never edited once released. */
  version: number;
  name: string;
  up: (db: D) => void;
}

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number, what = "The data dir's database") {
    super(
      `${what} is at schema version ${found}, newer than this version of Shotdesk (${known}). Upgrade Shotdesk.`,
    );
  }
}

/** Applies every pending migration in order, each in its own transaction. Returns the versions applied. */
export function migrate<D extends MigratableDb>(
  db: D,
  migrations: readonly Migration<D>[],
  what?: string,
): number[] {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = currentVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) throw new DatabaseTooNewError(current, known, what);

  const applied: number[] = [];
  const record = db.prepare(
    `INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%S','now'))`,
  );
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name);
    })();
    applied.push(migration.version);
  }
  return applied;
}

export function currentVersion(db: MigratableDb): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migration').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

function assertOrdered(migrations: readonly Migration<never>[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
