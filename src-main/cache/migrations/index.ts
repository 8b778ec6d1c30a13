import type { CacheMigration } from '../cache-db';
import { outbox } from './0001-outbox';
import { cachedReads } from './0002-cached-reads';
import { cacheTables } from './0003-cache-tables';
import { threadReadTimes } from './0004-thread-read-times';
import { commentRowIds } from './0005-comment-row-ids';

/**
 * Append-only: never edit or reorder a released migration. Cache tables may be dropped and
 * rebuilt by a later migration; the outbox never.
 */
export const cacheMigrations: readonly CacheMigration[] = [
  outbox,
  cachedReads,
  cacheTables,
  threadReadTimes,
  commentRowIds,
];
