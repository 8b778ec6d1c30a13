import type { ColumnType, ModelDef } from '../models/model-def';
import { badRequest } from '../http/errors';
import type { QueryParams } from './query-params';
import { quoteId, type SqlCondition } from './sql';
import { normalizeUuid, parseBoolean, parseIsoDateTime } from './values';

/** Keys that drive the list itself rather than filter it. */
const RESERVED_KEYS = new Set(['page', 'relations', 'fields']);

/** A queryable attribute that is not a stored column, e.g. Person.full_name. */
export interface VirtualColumn {
  type: ColumnType;
  /** SQL over the row alias `t`. */
  sql: string;
}

export interface FilterSpec {
  model: ModelDef;
  /** Attributes the caller may filter on; null means every attribute. */
  filterable: ReadonlySet<string> | null;
  virtualColumns?: Readonly<Record<string, VirtualColumn>>;
}

const AUDIT_COLUMNS: Record<string, ColumnType> = {
  id: 'uuid',
  created_at: 'datetime',
  updated_at: 'datetime',
};

/**
 * `build_filters` + `apply_filters` (REFERENCE §3) over the row alias `t`: unknown keys are
 * ignored, known but unfilterable ones refused, `name` is a case-insensitive LIKE, collections
 * match any member, `[`-prefixed values are JSON lists, everything else an equality after a
 * cast that validates booleans and UUIDs.
 */
export function buildFilters(spec: FilterSpec, query: QueryParams): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (RESERVED_KEYS.has(key)) continue;
    const relation = spec.model.relations.find((candidate) => candidate.key === key);
    const virtual = spec.virtualColumns?.[key];
    const type = AUDIT_COLUMNS[key] ?? spec.model.columns[key]?.type ?? virtual?.type;
    if (type === undefined && !relation) continue;
    if (spec.filterable && !spec.filterable.has(key)) {
      throw badRequest(`Filtering on ${key} is not allowed.`);
    }
    const column = virtual ? virtual.sql : `t.${quoteId(key)}`;
    if (key === 'name' && type !== undefined) {
      conditions.push({
        sql: `unicode_lower(${column}) LIKE unicode_lower(?) ESCAPE '\\'`,
        params: [value],
      });
    } else if (relation) {
      conditions.push({
        sql: `EXISTS (SELECT 1 FROM ${quoteId(relation.linkTable)} l
          WHERE l.${quoteId(relation.ownColumn)} = t.id
            AND l.${quoteId(relation.otherColumn)} = ?)`,
        params: [castFilterValue('uuid', value)],
      });
    } else if (value.startsWith('[')) {
      const list = parseList(key, value);
      conditions.push({
        sql: `${column} IN (SELECT value FROM json_each(?))`,
        params: [JSON.stringify(list.map((item) => castFilterValue(type as ColumnType, item)))],
      });
    } else {
      conditions.push({
        sql: `${column} = ?`,
        params: [castFilterValue(type as ColumnType, value)],
      });
    }
  }
  return conditions;
}

function parseList(key: string, value: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest(`Malformed list filter for field ${key}.`);
  }
  if (!Array.isArray(parsed)) throw badRequest(`Malformed list filter for field ${key}.`);
  return parsed;
}

/**
 * `cast_value`: the stored form of a filter value. Booleans and UUIDs are validated as Zou
 * does; other malformed values (which crash Postgres casts in Zou) get the same kind of 400.
 */
export function castFilterValue(type: ColumnType, value: unknown): unknown {
  if (value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (type) {
    case 'bool': {
      const bool = parseBoolean(value);
      if (bool === null) throw badRequest(`Invalid boolean value: ${text}`);
      return bool ? 1 : 0;
    }
    case 'uuid': {
      const uuid = normalizeUuid(value);
      if (uuid === null) throw badRequest(`Invalid UUID value: ${text}`);
      return uuid;
    }
    case 'int': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (!/^\s*[+-]?\d+\s*$/.test(text)) throw badRequest(`Invalid integer value: ${text}`);
      return Number.parseInt(text, 10);
    }
    case 'float': {
      const number = typeof value === 'number' ? value : Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) {
        throw badRequest(`Invalid float value: ${text}`);
      }
      return number;
    }
    case 'date': {
      const parsed = parseIsoDateTime(text);
      if (!parsed) throw badRequest(`Invalid date value: ${text}`);
      return parsed.date;
    }
    case 'datetime': {
      const parsed = parseIsoDateTime(text);
      if (!parsed) throw badRequest(`Invalid datetime value: ${text}`);
      return `${parsed.date}T${parsed.time}`;
    }
    case 'json':
      return typeof value === 'string' ? canonicalJson(value) : JSON.stringify(value);
    default:
      return text;
  }
}

function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    throw badRequest(`Invalid JSON value: ${text}`);
  }
}
