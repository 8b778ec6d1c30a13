import type { CacheDb } from './cache-db';

export const TASK_LIST_NAMES = ['todo', 'done', 'to-check'] as const;
export type TaskListName = (typeof TASK_LIST_NAMES)[number];

export function isListCached(db: CacheDb, list: TaskListName): boolean {
  return db.prepare('SELECT 1 FROM task_list WHERE list = ?').get(list) !== undefined;
}

/** The lists written whole. */
export function cachedLists(db: CacheDb): TaskListName[] {
  return db.prepare('SELECT list FROM task_list').pluck().all() as TaskListName[];
}

/** A list's rows as Kitsu's JSON texts, in the server's order; null when never written whole. */
export function readTaskListJson(db: CacheDb, list: TaskListName): string[] | null {
  if (!isListCached(db, list)) return null;
  return db
    .prepare('SELECT json FROM task_row WHERE list = ? ORDER BY position')
    .pluck()
    .all(list) as string[];
}

/** A task's row from whichever list holds it (an open one first), as Kitsu's JSON text. */
export function readTaskJson(db: CacheDb, taskId: string): string | null {
  const json = db
    .prepare(
      `SELECT json FROM task_row WHERE id = ?
       ORDER BY CASE list WHEN 'todo' THEN 0 WHEN 'to-check' THEN 1 ELSE 2 END LIMIT 1`,
    )
    .pluck()
    .get(taskId) as string | undefined;
  return json ?? null;
}

/** The open tasks most recently changed, newest first: whose threads a bootstrap reads. */
export function recentOpenTaskIds(db: CacheDb, limit: number): string[] {
  return db
    .prepare(
      `SELECT id FROM task_row WHERE list = 'todo'
       ORDER BY COALESCE(last_comment_date, updated_at) DESC, updated_at DESC LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
}
