import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCacheDb, type CacheDb } from './cache-db';
import { CacheClosedError } from './chunked-write';
import { isListCached, readTaskJson, readTaskListJson } from './task-list-store';
import { writeTaskList } from './task-list-write';

let dir: string;
let db: CacheDb;
const open = { closed: false };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-task-list-'));
  db = openCacheDb(join(dir, 'cache.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  id: string;
  updated_at: string;
  last_comment_date: string | null;
  task_status_name?: string;
}
const row = (id: string, extra: Partial<Row> = {}): string =>
  JSON.stringify({ id, updated_at: '2026-11-01T10:00:00', last_comment_date: null, ...extra });

describe('writing a task list into the cache', () => {
  it('ingests a list in several transactions, whole only once the last one is written', async () => {
    const rows = Array.from({ length: 1_234 }, (_, index) => row(`t${index}`));
    const counts: number[] = [];
    // Between two chunks, the event loop runs: the list is not whole yet.
    const watcher = setInterval(() => {
      if (!isListCached(db, 'todo')) {
        counts.push(db.prepare('SELECT COUNT(*) FROM task_row').pluck().get() as number);
      }
    }, 0);
    const write = await writeTaskList(db, 'todo', rows, open);
    clearInterval(watcher);
    expect(write).toEqual({ changed: true, changedTaskIds: null, touchedTaskIds: [] });
    expect(readTaskListJson(db, 'todo')).toEqual(rows);
    expect(
      new Set(counts.filter((count) => count > 0 && count < rows.length)).size,
    ).toBeGreaterThan(0);
  });

  it('compares a refresh row by row: changes, arrivals, departures, moves', async () => {
    await writeTaskList(db, 'todo', [row('a'), row('b'), row('c'), row('d')], open);
    const same = await writeTaskList(db, 'todo', [row('a'), row('b'), row('c'), row('d')], open);
    expect(same).toEqual({ changed: false, changedTaskIds: [], touchedTaskIds: [] });

    const next = [
      row('e'),
      row('a'),
      // Renamed status: the row changed, the task did not move.
      row('b', { task_status_name: 'Retake' }),
      row('c', { updated_at: '2026-11-02T09:00:00', last_comment_date: '2026-11-02T09:00:00' }),
    ];
    const write = await writeTaskList(db, 'todo', next, open);
    expect(write.changed).toBe(true);
    expect(write.changedTaskIds!.sort()).toEqual(['b', 'c', 'd', 'e']);
    expect(write.touchedTaskIds.sort()).toEqual(['c', 'e']);
    expect(readTaskListJson(db, 'todo')).toEqual(next);
    expect(readTaskJson(db, 'd')).toBeNull();
  });

  it('keeps each list apart; a task in two lists is found in the open one first', async () => {
    await writeTaskList(db, 'done', [row('x', { task_status_name: 'Done' })], open);
    await writeTaskList(db, 'todo', [row('x', { task_status_name: 'WIP' })], open);
    expect(JSON.parse(readTaskJson(db, 'x')!).task_status_name).toBe('WIP');
    await writeTaskList(db, 'todo', [], open);
    expect(readTaskListJson(db, 'todo')).toEqual([]);
    expect(JSON.parse(readTaskJson(db, 'x')!).task_status_name).toBe('Done');
  });

  it('refuses a row that is not JSON or has no id, and keeps what was there', async () => {
    await writeTaskList(db, 'todo', [row('a')], open);
    await expect(writeTaskList(db, 'todo', [row('b'), '{"id": "c",'], open)).rejects.toThrow(
      /JSON/,
    );
    await expect(writeTaskList(db, 'todo', ['{"name": "no id"}'], open)).rejects.toThrow(
      /NOT NULL/,
    );
    expect(readTaskListJson(db, 'todo')).toEqual([row('a')]);
  });

  it('stops between chunks when the cache closed meanwhile', async () => {
    const guard = { closed: false };
    const rows = Array.from({ length: 1_500 }, (_, index) => row(`t${index}`));
    const writing = writeTaskList(db, 'todo', rows, guard);
    guard.closed = true;
    await expect(writing).rejects.toThrow(CacheClosedError);
    expect(isListCached(db, 'todo')).toBe(false);
  });
});
