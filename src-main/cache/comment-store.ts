import { formatKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { CacheDb } from './cache-db';

/** A task's comments as Kitsu's JSON texts, newest first; null when its thread was never read. */
export function readThreadJson(db: CacheDb, taskId: string): string[] | null {
  if (!hasThread(db, taskId)) return null;
  return db
    .prepare('SELECT json FROM comment_row WHERE task_id = ? ORDER BY position')
    .pluck()
    .all(taskId) as string[];
}

export function hasThread(db: CacheDb, taskId: string): boolean {
  return db.prepare('SELECT 1 FROM comment_thread WHERE task_id = ?').get(taskId) !== undefined;
}

/** Of these tasks, those whose thread is cached. */
export function cachedThreadIds(db: CacheDb, taskIds: readonly string[]): string[] {
  if (taskIds.length === 0) return [];
  return db
    .prepare('SELECT task_id FROM comment_thread WHERE task_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(taskIds)) as string[];
}

/**
 * Keeps a thread as the server answered it (newest first), in one transaction; answers whether
 * it differs from what the cache held.
 */
export function writeThread(db: CacheDb, taskId: string, rows: readonly unknown[]): boolean {
  const texts = rows.map((row) => JSON.stringify(row));
  const stored = readThreadJson(db, taskId);
  const same =
    stored !== null &&
    stored.length === texts.length &&
    stored.every((json, index) => json === texts[index]);
  if (same) {
    db.prepare('UPDATE comment_thread SET refreshed_at = ? WHERE task_id = ?').run(
      formatKitsuDateTime(new Date()),
      taskId,
    );
    return false;
  }
  const insert = db.prepare(
    `INSERT OR REPLACE INTO comment_row (task_id, id, position, created_at, json)
     VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO comment_thread (task_id, refreshed_at) VALUES (?, ?)').run(
      taskId,
      formatKitsuDateTime(new Date()),
    );
    db.prepare('DELETE FROM comment_row WHERE task_id = ?').run(taskId);
    texts.forEach((json, position) => {
      const row = rows[position] as { id?: unknown; created_at?: unknown } | null;
      const id = typeof row?.id === 'string' ? row.id : `#${position}`;
      const createdAt = typeof row?.created_at === 'string' ? row.created_at : null;
      insert.run(taskId, id, position, createdAt, json);
    });
  })();
  return true;
}

/**
 * Puts a comment the server just accepted on top of the task's cached thread (when there is
 * one: else the thread is read whole when someone opens it). Meant for the outbox's delivery
 * transaction.
 */
export function putNewComment(db: CacheDb, taskId: string, row: unknown): void {
  if (!hasThread(db, taskId)) return;
  const comment = row as { id?: unknown; created_at?: unknown } | null;
  if (typeof comment?.id !== 'string') return;
  const top = db
    .prepare('SELECT MIN(position) FROM comment_row WHERE task_id = ?')
    .pluck()
    .get(taskId) as number | null;
  db.prepare(
    `INSERT OR REPLACE INTO comment_row (task_id, id, position, created_at, json)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(
    taskId,
    comment.id,
    (top ?? 0) - 1,
    typeof comment.created_at === 'string' ? comment.created_at : null,
    JSON.stringify(row),
  );
}

/**
 * The cached threads with a preview the server was still converting when they were read: a
 * `preview-file:update` without a task id is about one of them.
 */
export function threadsWithProcessingPreviews(db: CacheDb): string[] {
  return db
    .prepare(`SELECT DISTINCT task_id FROM comment_row WHERE json LIKE '%"status":"processing"%'`)
    .pluck()
    .all() as string[];
}

/** Notes that the person read the thread now (see `recentlyReadThreadIds`). */
export function markThreadRead(db: CacheDb, taskId: string): void {
  db.prepare('UPDATE comment_thread SET read_at = ? WHERE task_id = ?').run(
    new Date().toISOString(),
    taskId,
  );
}

/** The cached threads the person read since `sinceIso`, the most recent first, at most `limit`. */
export function recentlyReadThreadIds(db: CacheDb, sinceIso: string, limit: number): string[] {
  return db
    .prepare(`SELECT task_id FROM comment_thread WHERE read_at >= ? ORDER BY read_at DESC LIMIT ?`)
    .pluck()
    .all(sinceIso, limit) as string[];
}

/**
 * Changes one cached comment of a thread as the server just did (a reply added, the
 * acknowledgements), so that the thread shows it before its next refresh. Nothing happens when
 * the thread or the comment is not cached.
 */
export function patchCachedComment(
  db: CacheDb,
  taskId: string,
  commentId: string,
  patch: (row: Record<string, unknown>) => Record<string, unknown>,
): void {
  const json = db
    .prepare('SELECT json FROM comment_row WHERE task_id = ? AND id = ?')
    .pluck()
    .get(taskId, commentId) as string | undefined;
  if (json === undefined) return;
  const row = JSON.parse(json) as unknown;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return;
  db.prepare('UPDATE comment_row SET json = ? WHERE task_id = ? AND id = ?').run(
    JSON.stringify(patch(row as Record<string, unknown>)),
    taskId,
    commentId,
  );
}

/** `putNewComment`, unless the thread holds that comment already. */
export function putNewCommentUnlessCached(db: CacheDb, taskId: string, row: unknown): void {
  const id = (row as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') return;
  const cached = db
    .prepare('SELECT 1 FROM comment_row WHERE task_id = ? AND id = ?')
    .get(taskId, id);
  if (cached === undefined) putNewComment(db, taskId, row);
}

/**
 * Marks threads to be read again: their task moved, and the cache has not seen the news yet.
 * A complete sync reads them (`staleThreadIds`); reading one whole clears the mark.
 */
export function markThreadsStale(db: CacheDb, taskIds: readonly string[]): void {
  if (taskIds.length === 0) return;
  db.prepare(
    `UPDATE comment_thread SET refreshed_at = '' WHERE task_id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(taskIds));
}

export function staleThreadIds(db: CacheDb): string[] {
  return db
    .prepare(`SELECT task_id FROM comment_thread WHERE refreshed_at = ''`)
    .pluck()
    .all() as string[];
}

/** Forgets a thread the person may no longer read (deleted task, lost access). */
export function dropThread(db: CacheDb, taskId: string): void {
  db.prepare('DELETE FROM comment_thread WHERE task_id = ?').run(taskId);
}

/** The task of a comment in a cached thread; null when no cached thread holds it. */
export function taskOfCachedComment(db: CacheDb, commentId: string): string | null {
  const taskId = db
    .prepare('SELECT task_id FROM comment_row WHERE id = ? LIMIT 1')
    .pluck()
    .get(commentId) as string | undefined;
  return taskId ?? null;
}
