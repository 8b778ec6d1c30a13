import type { CacheDb } from '../cache/cache-db';
import { CacheClosedError, type WriteGuard } from '../cache/chunked-write';
import { dropThread, writeThread } from '../cache/comment-store';
import { isAppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';

/**
 * Reads a task's thread from the server into the cache; answers whether it changed. A thread
 * the person may no longer read (404, 403) leaves the cache, and the error goes on.
 */
export async function pullThread(
  client: KitsuClient,
  db: CacheDb,
  taskId: string,
  guard: WriteGuard,
): Promise<boolean> {
  let rows: unknown;
  try {
    rows = await client.get<unknown>(`/data/tasks/${encodeURIComponent(taskId)}/comments`);
  } catch (error) {
    if (guard.closed) throw new CacheClosedError();
    if (isAppError(error) && (error.code === 'not-found' || error.code === 'forbidden')) {
      dropThread(db, taskId);
    }
    throw error;
  }
  if (guard.closed) throw new CacheClosedError();
  return writeThread(db, taskId, Array.isArray(rows) ? rows : []);
}
