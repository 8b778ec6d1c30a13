import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database';

/** A WHERE fragment with its bound parameters; values never enter the SQL text. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** Identifiers come from model definitions only; quoting keeps reserved words safe. */
export function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function and(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1', params: [] };
  return {
    sql: conditions.map((condition) => `(${condition.sql})`).join(' AND '),
    params: conditions.flatMap((condition) => condition.params),
  };
}

/** `column IN (ids)` as one bound JSON array, so the statement shape never depends on the count. */
export function inJsonList(expression: string, values: readonly unknown[]): SqlCondition {
  return {
    sql: `${expression} IN (SELECT value FROM json_each(?))`,
    params: [JSON.stringify(values)],
  };
}

const MAX_CACHED_STATEMENTS = 500;
const statementCaches = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepared statements cached per SQL text: a query's shape (which filters, which columns) fixes
 * its text, so each shape is compiled once per connection.
 */
export function prepareCached(db: Db, sql: string): Statement {
  let cache = statementCaches.get(db);
  if (!cache) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const unicodeReady = new WeakSet<Db>();

/**
 * SQLite's lower() and LIKE fold ASCII only; Postgres ILIKE folds every letter. Comparing
 * `unicode_lower()` of both sides restores that for names like "Élodie".
 */
export function ensureUnicodeLower(db: Db): void {
  if (unicodeReady.has(db)) return;
  db.function('unicode_lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  unicodeReady.add(db);
}

/** Runs a statement whose every `?` takes the same value (cascades keyed by one id). */
export function runForId(db: Db, sql: string, id: string): void {
  const count = sql.split('?').length - 1;
  prepareCached(db, sql).run(...Array.from({ length: count }, () => id));
}
