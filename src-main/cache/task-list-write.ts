import { formatKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { CacheDb } from './cache-db';
import { nextChunk, WRITE_CHUNK_ROWS, type WriteGuard } from './chunked-write';
import { isListCached, type TaskListName } from './task-list-store';

export interface TaskListWrite {
  /** Whether any row was added, changed or removed. */
  changed: boolean;
  /** The tasks whose row was added, changed or removed; null when the list was written whole. */
  changedTaskIds: string[] | null;
  /** Tasks new to the list or whose `updated_at` or `last_comment_date` moved. */
  touchedTaskIds: string[];
}

// SQLite reads the indexed columns out of each row's JSON itself: main never parses a row
// only to write it back as text.
const ROW_COLUMNS = `json_extract(@json, '$.id'), @position, json_extract(@json, '$.updated_at'),
  json_extract(@json, '$.last_comment_date'), @json`;

/**
 * Writes a list as the server answered it (the JSON texts of its rows), in transactions of a
 * few hundred rows with a turn of the event loop between them. A list not cached yet is
 * inserted as is and marked whole at the end; a cached one is compared row by row with what
 * the server said (staged in a temp table) and only the differences are written.
 */
export async function writeTaskList(
  db: CacheDb,
  list: TaskListName,
  rows: readonly string[],
  guard: WriteGuard,
): Promise<TaskListWrite> {
  return isListCached(db, list)
    ? mergeTaskList(db, list, rows, guard)
    : ingestTaskList(db, list, rows, guard);
}

async function ingestTaskList(
  db: CacheDb,
  list: TaskListName,
  rows: readonly string[],
  guard: WriteGuard,
): Promise<TaskListWrite> {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO task_row (list, id, position, updated_at, last_comment_date, json)
     VALUES (@list, ${ROW_COLUMNS})`,
  );
  // Rows of a bootstrap that did not finish are not trusted: the list starts over.
  db.prepare('DELETE FROM task_row WHERE list = ?').run(list);
  for (let start = 0; start < rows.length; start += WRITE_CHUNK_ROWS) {
    if (start > 0) await nextChunk(guard);
    db.transaction(() => {
      const end = Math.min(rows.length, start + WRITE_CHUNK_ROWS);
      for (let position = start; position < end; position += 1) {
        insert.run({ list, position, json: rows[position] });
      }
    })();
  }
  markWhole(db, list);
  // Threads read before (an earlier session's) may be older than these rows.
  const touchedTaskIds = db
    .prepare(
      `SELECT id FROM task_row WHERE list = ? AND id IN (SELECT task_id FROM comment_thread)`,
    )
    .pluck()
    .all(list) as string[];
  return { changed: true, changedTaskIds: null, touchedTaskIds };
}

async function mergeTaskList(
  db: CacheDb,
  list: TaskListName,
  rows: readonly string[],
  guard: WriteGuard,
): Promise<TaskListWrite> {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS staged_task (
    id TEXT NOT NULL PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT, last_comment_date TEXT,
    json TEXT NOT NULL)`);
  db.exec('DELETE FROM staged_task');
  const stage = db.prepare(
    `INSERT OR REPLACE INTO staged_task (id, position, updated_at, last_comment_date, json)
     VALUES (${ROW_COLUMNS})`,
  );
  for (let start = 0; start < rows.length; start += WRITE_CHUNK_ROWS) {
    if (start > 0) await nextChunk(guard);
    db.transaction(() => {
      const end = Math.min(rows.length, start + WRITE_CHUNK_ROWS);
      for (let position = start; position < end; position += 1) {
        stage.run({ position, json: rows[position] });
      }
    })();
  }
  await nextChunk(guard);
  const ids = (sql: string) => db.prepare(sql).pluck().all(list) as string[];
  const changedIds = ids(`SELECT s.id FROM staged_task s
    LEFT JOIN task_row t ON t.list = ? AND t.id = s.id
    WHERE t.json IS NULL OR t.json <> s.json`);
  const touchedTaskIds = ids(`SELECT s.id FROM staged_task s
    LEFT JOIN task_row t ON t.list = ? AND t.id = s.id
    WHERE t.id IS NULL OR s.updated_at IS NOT t.updated_at
      OR s.last_comment_date IS NOT t.last_comment_date`);
  const removedIds = ids(`SELECT id FROM task_row t WHERE list = ?
    AND NOT EXISTS (SELECT 1 FROM staged_task s WHERE s.id = t.id)`);

  const copy = db.prepare(
    `INSERT OR REPLACE INTO task_row (list, id, position, updated_at, last_comment_date, json)
     SELECT @list, id, position, updated_at, last_comment_date, json FROM staged_task
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM task_row WHERE list = ? AND id = ?');
  for (let start = 0; start < changedIds.length; start += WRITE_CHUNK_ROWS) {
    if (start > 0) await nextChunk(guard);
    db.transaction(() => {
      for (const id of changedIds.slice(start, start + WRITE_CHUNK_ROWS)) copy.run({ list, id });
    })();
  }
  db.transaction(() => {
    for (const id of removedIds) remove.run(list, id);
    // Rows the server now lists elsewhere (one came or went before them) move, unchanged.
    db.prepare(
      `UPDATE task_row SET position = s.position FROM staged_task s
       WHERE task_row.list = ? AND s.id = task_row.id AND s.position <> task_row.position`,
    ).run(list);
    markWhole(db, list);
  })();
  db.exec('DELETE FROM staged_task');
  return {
    changed: changedIds.length > 0 || removedIds.length > 0,
    changedTaskIds: [...changedIds, ...removedIds],
    touchedTaskIds,
  };
}

function markWhole(db: CacheDb, list: TaskListName): void {
  db.prepare('INSERT OR REPLACE INTO task_list (list, refreshed_at) VALUES (?, ?)').run(
    list,
    formatKitsuDateTime(new Date()),
  );
}
