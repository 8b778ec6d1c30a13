import type { TodoTask } from '../../src-shared/todo-task';
import type { CacheDb } from '../cache/cache-db';
import { readTaskListJson, type TaskListName } from '../cache/task-list-store';
import { toTodoTask } from '../tasks/todo-task-row';

/** A list from the cache file, mapped as the renderer shows it; null when not cached whole. */
export function readTodoTasks(db: CacheDb, list: TaskListName): TodoTask[] | null {
  const rows = readTaskListJson(db, list);
  if (rows === null) return null;
  // One parse of the joined texts is faster than one per row.
  const parsed = rows.length === 0 ? [] : (JSON.parse(`[${rows.join(',')}]`) as unknown[]);
  return parsed.map(toTodoTask);
}

/**
 * The lists as last read from the cache file, kept until the sync writes that list again: a
 * push makes the renderer read all three lists, and 5,000 rows need not be parsed again when
 * nothing in them changed.
 */
export class TaskListViews {
  private readonly views = new Map<TaskListName, readonly TodoTask[]>();

  constructor(private readonly db: CacheDb) {}

  read(list: TaskListName): readonly TodoTask[] | null {
    const kept = this.views.get(list);
    if (kept) return kept;
    const tasks = readTodoTasks(this.db, list);
    if (tasks !== null) this.views.set(list, tasks);
    return tasks;
  }

  /** The list was written (or a write of it stopped halfway). */
  forget(list: TaskListName): void {
    this.views.delete(list);
  }
}
