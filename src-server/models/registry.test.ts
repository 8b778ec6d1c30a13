import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import type { ColumnDef, ColumnType } from './model-def';
import { modelBySlug, modelByTable, models } from './registry';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const SQL_TYPES: Record<ColumnType, string> = {
  uuid: 'TEXT',
  string: 'TEXT',
  text: 'TEXT',
  int: 'INTEGER',
  float: 'REAL',
  bool: 'INTEGER',
  json: 'TEXT',
  date: 'TEXT',
  datetime: 'TEXT',
  choice: 'TEXT',
};

// Defaults the API applies on create that Zou's table itself does not declare.
const API_ONLY_DEFAULTS = new Set(['task.name']);

function sqlLiteral(column: ColumnDef): string | null {
  const value = column.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value}'`;
  return `'${JSON.stringify(value)}'`;
}

let dir: string;
let db: Db;

function columnsOf(table: string): ColumnInfo[] {
  return db.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-registry-'));
  db = openDatabase(join(dir, 'test.sqlite'));
  migrate(db, migrations);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('model registry', () => {
  it('has unique slugs, tables and type names', () => {
    for (const key of ['slug', 'table', 'typeName'] as const) {
      const values = models.map((model) => model[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  it('derives event names from table names', () => {
    for (const model of models) expect(model.eventName).toBe(model.table.replace(/_/g, '-'));
  });

  it('finds models by slug and by table', () => {
    expect(modelBySlug('task-status')?.table).toBe('task_status');
    expect(modelBySlug('events')?.typeName).toBe('ApiEvent');
    expect(modelByTable('entity')?.slug).toBe('entities');
    expect(modelBySlug('nope')).toBeUndefined();
  });

  describe.each(models.map((model) => [model.slug, model] as const))('%s', (_slug, model) => {
    it('matches its table column for column', () => {
      const columns = columnsOf(model.table);
      expect(columns.length, `table ${model.table} exists`).toBeGreaterThan(0);
      expect(columns.map((column) => column.name).sort()).toEqual(
        ['id', 'created_at', 'updated_at', ...Object.keys(model.columns)].sort(),
      );
      const byName = new Map(columns.map((column) => [column.name, column]));
      for (const [name, def] of Object.entries(model.columns)) {
        const info = byName.get(name)!;
        expect(info.type, `${model.table}.${name} type`).toBe(SQL_TYPES[def.type]);
        expect(info.notnull === 1, `${model.table}.${name} not null`).toBe(def.notNull === true);
        const expected = API_ONLY_DEFAULTS.has(`${model.table}.${name}`) ? null : sqlLiteral(def);
        expect(info.dflt_value, `${model.table}.${name} default`).toBe(expected);
        if (def.type === 'choice') expect(def.choices?.length).toBeGreaterThan(0);
      }
    });

    it('has the link tables of its relations', () => {
      for (const relation of model.relations) {
        const names = columnsOf(relation.linkTable).map((column) => column.name);
        expect(names, relation.linkTable).toContain(relation.ownColumn);
        expect(names, relation.linkTable).toContain(relation.otherColumn);
        expect(columnsOf(relation.otherTable).length, relation.otherTable).toBeGreaterThan(0);
      }
    });

    it('only declares unique sets and sensitive keys over its own columns', () => {
      for (const set of model.unique ?? []) {
        for (const name of set) expect(model.columns).toHaveProperty(name);
      }
      for (const name of model.sensitiveKeys ?? []) {
        if (name !== 'fido_devices') expect(model.columns).toHaveProperty(name);
      }
    });
  });
});
