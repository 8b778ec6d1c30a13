import type { CacheMigration } from '../cache-db';

/**
 * Comments by id alone: Kitsu's acknowledgement and preview events name a comment but not
 * its task, which live updates look up among the cached threads.
 */
export const commentRowIds: CacheMigration = {
  version: 5,
  name: 'comment row ids',
  up: (db) => {
    db.exec(`CREATE INDEX comment_row_id ON comment_row (id)`);
  },
};
