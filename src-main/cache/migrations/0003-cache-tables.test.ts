import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentVersion, DatabaseTooNewError, migrate } from '../../../src-shared/sqlite/migrate';
import { cacheFilePath, openCacheDb } from '../cache-db';
import { readThreadJson, writeThread } from '../comment-store';
import { readTaskListJson } from '../task-list-store';
import { writeTaskList } from '../task-list-write';
import { cacheMigrations } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-cache-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = { closed: false };
const row = (id: string) => JSON.stringify({ id, updated_at: '2026-11-01T10:00:00' });

describe('migration 3: the cache tables', () => {
  it('creates every table on a fresh file, with large pages', () => {
    const db = openCacheDb(cacheFilePath(dir, 'http://kitsu.example/api', 'person-1'));
    expect(currentVersion(db)).toBe(cacheMigrations.length);
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'outbox_entry',
        'cached_read',
        'task_row',
        'task_list',
        'comment_thread',
        'comment_row',
        'context_entry',
        'sync_meta',
      ]),
    );
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('finds what it kept when the file is opened again, without migrating twice', async () => {
    const path = join(dir, 'cache.sqlite');
    const db = openCacheDb(path);
    await writeTaskList(db, 'todo', [row('t1'), row('t2')], open);
    writeThread(db, 't1', [{ id: 'c1', text: 'Hello' }]);
    db.close();

    const again = openCacheDb(path);
    expect(currentVersion(again)).toBe(cacheMigrations.length);
    expect(again.prepare('SELECT COUNT(*) FROM schema_migration').pluck().get()).toBe(
      cacheMigrations.length,
    );
    expect(readTaskListJson(again, 'todo')).toEqual([row('t1'), row('t2')]);
    expect(readThreadJson(again, 't1')).toEqual([JSON.stringify({ id: 'c1', text: 'Hello' })]);
    again.close();
  });

  it('drops the whole-answer copies of lists and threads that its tables replace', () => {
    const path = join(dir, 'cache.sqlite');
    const db = new Database(path);
    // A file as the version with two migrations left it.
    migrate(db, cacheMigrations.slice(0, 2));
    const keep = db.prepare(`INSERT INTO cached_read (key, body, fetched_at) VALUES (?, '[]', '')`);
    for (const key of ['tasks:todo', 'comments:t1', 'statuses', 'time:day:2031-04-01']) {
      keep.run(key);
    }
    db.close();

    const migrated = openCacheDb(path);
    expect(migrated.prepare('SELECT key FROM cached_read').pluck().all()).toEqual([
      'time:day:2031-04-01',
    ]);
    migrated.close();
  });

  it('refuses a file of a newer Shotdesk, and leaves it as it was', () => {
    const path = join(dir, 'cache.sqlite');
    openCacheDb(path).close();
    const newer = new Database(path);
    newer
      .prepare(`INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'x', '')`)
      .run();
    newer.close();

    expect(() => openCacheDb(path)).toThrow(DatabaseTooNewError);
    expect(() => openCacheDb(path)).toThrow(/offline cache is at schema version 99/);
    const untouched = new Database(path);
    expect(currentVersion(untouched)).toBe(99);
    untouched.close();
  });
});
