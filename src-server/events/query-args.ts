import type { FastifyRequest } from 'fastify';
import { isUuid } from '../db/ids';
import { badRequest } from '../http/errors';

/**
 * The query string the way Zou's `ArgsMixin.get_args` reads it: the first value of a key, or
 * every value for the "append" arguments.
 */
export class QueryArgs {
  private readonly raw: Record<string, unknown>;

  constructor(request: FastifyRequest) {
    this.raw = (request.query ?? {}) as Record<string, unknown>;
  }

  text(name: string): string | null {
    const value = this.raw[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) return null;
    return first === null ? '' : String(first);
  }

  list(name: string): string[] {
    const value = this.raw[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => String(item ?? ''));
  }

  /** A Python `int()` conversion; failures give get_args' message. */
  int(name: string, fallback: number): number {
    const value = this.text(name);
    if (value === null) return fallback;
    if (!PYTHON_INT.test(value)) throw badRequest(`Wrong value for parameter ${name}.`);
    return Number.parseInt(value.replaceAll('_', ''), 10);
  }
}

const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** A UUID query value, lowercased (Postgres compares uuids without case); null when absent. */
export function idArg(value: string | null, message: string): string | null {
  if (value === null) return null;
  if (!isUuid(value)) throw badRequest(message);
  return value.toLowerCase();
}

const DATE_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T(\d{1,2}):(\d{1,2}):(\d{1,2}))?$/;

type DateParts = [number, number, number, number, number, number];

/**
 * `parse_date_parameter`: `%Y-%m-%dT%H:%M:%S`, else `%Y-%m-%d` (strptime accepts unpadded
 * fields). Returns the stored datetime format; null when absent.
 */
export function dateArg(value: string | null): string | null {
  if (value === null) return null;
  const parts = DATE_PATTERN.exec(value)
    ?.slice(1)
    .map((part) => Number(part ?? 0)) as DateParts | undefined;
  if (!parts || !isRealDateTime(parts)) {
    // Zou's text, including its missing space and its naming "before" for either argument.
    throw badRequest(
      'Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 or 2020-01-05',
    );
  }
  const [year, month, day, hour, minute, second] = parts.map((part, index) =>
    String(part).padStart(index === 0 ? 4 : 2, '0'),
  );
  return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

function isRealDateTime([year, month, day, hour, minute, second]: DateParts): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}
