import type { Migration as SharedMigration } from '../../src-shared/sqlite/migrate';
import type { Db } from './database';

export { currentVersion, DatabaseTooNewError, migrate } from '../../src-shared/sqlite/migrate';

/** A migration of the server's database. */
export type Migration = SharedMigration<Db>;
