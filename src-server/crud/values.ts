import type { ColumnDef } from '../models/model-def';
import { badRequest, crudError } from '../http/errors';

/** What Postgres answers when a value does not fit its column (a StatementError in Zou). */
export const INVALID_FORMAT = 'One of the provided values has an invalid format.';

const UUID_LOOSE =
  /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TRUE_WORDS = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'f', 'false', 'off', '0']);

/** A UUID in any form Python's uuid.UUID accepts, as the lowercase hyphenated string; else null. */
export function normalizeUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = UUID_LOOSE.exec(value.trim());
  if (!match) return null;
  return match.slice(1, 6).join('-').toLowerCase();
}

/** Parses an ISO 8601 date or datetime into its parts; null when malformed or impossible. */
export function parseIsoDateTime(value: string): {
  date: string;
  time: string;
} | null {
  const match = ISO_DATETIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  const date = `${year}-${month}-${day}`;
  if (!isRealDate(date)) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  return { date, time: `${hour}:${minute}:${second}` };
}

function isRealDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/** Python's strtobool plus real booleans; null when the value is neither. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/**
 * A request value converted to what the column stores, as Postgres would accept it on an
 * insert or update: numbers into text columns, numeric strings into numbers, ISO strings into
 * dates. Anything else is Zou's sanitized StatementError, a CRUD 400.
 */
export function toStored(column: ColumnDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const stored = convert(column, value);
  if (stored === undefined) throw crudError(INVALID_FORMAT);
  return stored;
}

function convert(column: ColumnDef, value: unknown): unknown {
  switch (column.type) {
    case 'uuid':
      return normalizeUuid(value) ?? undefined;
    case 'string':
    case 'text':
    case 'choice': {
      const text = toText(value);
      if (text === undefined) return undefined;
      if (column.maxLength !== undefined && [...text].length > column.maxLength) return undefined;
      if (column.type === 'choice' && column.choices && !column.choices.includes(text)) {
        return undefined;
      }
      return text;
    }
    case 'int':
      return toInteger(value);
    case 'float':
      return toFloat(value);
    case 'bool': {
      const bool = parseBoolean(typeof value === 'number' ? undefined : value);
      return bool === null ? undefined : bool ? 1 : 0;
    }
    case 'json':
      return JSON.stringify(value);
    case 'date': {
      if (typeof value !== 'string') return undefined;
      return parseIsoDateTime(value)?.date;
    }
    case 'datetime': {
      if (typeof value !== 'string') return undefined;
      const parsed = parseIsoDateTime(value);
      return parsed ? `${parsed.date}T${parsed.time}` : undefined;
    }
  }
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Postgres rounds a numeric assigned to an integer column half away from zero.
    return Math.sign(value) * Math.round(Math.abs(value));
  }
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
    return Number.parseInt(value, 10);
  }
  return undefined;
}

function toFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/**
 * PUT's `_validate_date_fields`: a non-empty string for a date or datetime column must parse
 * as ISO 8601, else a 400 naming the key and the value.
 */
export function validateDateFields(
  columns: Record<string, ColumnDef>,
  data: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(data)) {
    const column = columns[key];
    if (!column || (column.type !== 'date' && column.type !== 'datetime')) continue;
    if (typeof value !== 'string' || value === '') continue;
    if (!parseIsoDateTime(value)) {
      throw badRequest(
        `Invalid date format for '${key}': '${value}'. Expected an ISO 8601 date or datetime.`,
      );
    }
  }
}
