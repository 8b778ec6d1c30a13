import type { CacheDb } from '../cache/cache-db';
import { CacheClosedError, type WriteGuard } from '../cache/chunked-write';
import { writeContext } from '../cache/context-store';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow } from '../tasks/task-comment-row';

/** `/data/user/context` into the cache; answers whether it changed. */
export async function pullContext(
  client: KitsuClient,
  db: CacheDb,
  guard: WriteGuard,
): Promise<boolean> {
  const context = asRow(await client.get<unknown>('/data/user/context'));
  if (guard.closed) throw new CacheClosedError();
  return writeContext(db, context);
}
