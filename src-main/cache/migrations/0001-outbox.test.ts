import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentVersion } from '../../../src-shared/sqlite/migrate';
import { OutboxStore } from '../../sync/outbox-store';
import { openCacheDb } from '../cache-db';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-outbox-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (id: string, lane = 'task-1') => ({
  id,
  lane,
  taskId: lane,
  kind: 'comment' as const,
  payload: { text: id },
  baseStatusId: null,
});

describe('migration 1: the outbox', () => {
  it('creates the outbox tables, whose rows outlive closing and reopening the file', () => {
    const path = join(dir, 'cache.sqlite');
    const db = openCacheDb(path);
    expect(currentVersion(db)).toBeGreaterThanOrEqual(1);
    new OutboxStore(db).insert(entry('00000000-0000-4000-8000-000000000001'));
    db.close();

    const again = openCacheDb(path);
    const store = new OutboxStore(again);
    expect(store.all().map((row) => [row.id, row.state, row.payload])).toEqual([
      [
        '00000000-0000-4000-8000-000000000001',
        'pending',
        { text: '00000000-0000-4000-8000-000000000001' },
      ],
    ]);
    again.close();
  });

  it('keeps the order of writes and refuses a state it does not know', () => {
    const db = openCacheDb(join(dir, 'cache.sqlite'));
    const store = new OutboxStore(db);
    for (const n of [3, 1, 2]) store.insert(entry(`00000000-0000-4000-8000-00000000000${n}`));
    expect(store.all().map((row) => row.id.at(-1))).toEqual(['3', '1', '2']);
    expect(store.head('task-1')!.id.at(-1)).toBe('3');
    expect(() => db.prepare("UPDATE outbox_entry SET state = 'lost'").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => store.insert(entry('00000000-0000-4000-8000-000000000003'))).toThrow(/UNIQUE/);
    db.close();
  });
});
