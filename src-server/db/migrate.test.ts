import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { currentVersion, DatabaseTooNewError, migrate, type Migration } from './migrate';
import { migrations } from './migrations';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-migrate-'));
  db = openDatabase(join(dir, 'test.sqlite'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function tableNames(): string[] {
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

const createA: Migration = {
  version: 1,
  name: 'create-a',
  up: (d) => d.exec('CREATE TABLE a (x INTEGER)'),
};
const createB: Migration = {
  version: 2,
  name: 'create-b',
  up: (d) => d.exec('CREATE TABLE b (y INTEGER)'),
};

describe('migrate', () => {
  it('applies the real migrations on an empty file, then nothing on a second run', () => {
    expect(migrate(db, migrations)).toEqual(migrations.map((migration) => migration.version));
    expect(currentVersion(db)).toBe(migrations.length);
    expect(tableNames()).toEqual(expect.arrayContaining(['person', 'task', 'revoked_token']));
    expect(migrate(db, migrations)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('applies only the pending migrations, recording each', () => {
    expect(migrate(db, [createA])).toEqual([1]);
    expect(migrate(db, [createA, createB])).toEqual([2]);
    const rows = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'create-a' },
      { version: 2, name: 'create-b' },
    ]);
    expect(tableNames()).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it('refuses a database newer than the server', () => {
    migrate(db, [createA, createB]);
    expect(() => migrate(db, [createA])).toThrow(DatabaseTooNewError);
    expect(currentVersion(db)).toBe(2);
  });

  it('rolls a failing migration back entirely', () => {
    const failing: Migration = {
      version: 2,
      name: 'half-done',
      up: (d) => {
        d.exec('CREATE TABLE c (z INTEGER)');
        d.exec('INSERT INTO c VALUES (1)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [createA, failing])).toThrow('boom');
    expect(tableNames()).toContain('a');
    expect(tableNames()).not.toContain('c');
    expect(currentVersion(db)).toBe(1);
    expect(migrate(db, [createA, createB])).toEqual([2]);
  });

  it('rejects a list whose versions are not 1, 2, 3…', () => {
    expect(() => migrate(db, [createB])).toThrow(/expected 1/);
    expect(tableNames()).not.toContain('b');
  });
});
