import type { FastifyRequest } from 'fastify';
import { badRequest } from '../http/errors';

/** The query string as Flask's `request.args` reads it: the first value of each key. */
export type QueryParams = Record<string, string>;

export function readQuery(request: FastifyRequest): QueryParams {
  const raw = (request.query ?? {}) as Record<string, unknown>;
  const result: QueryParams = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    result[key] = first === undefined || first === null ? '' : String(first);
  }
  return result;
}

/** `get_bool_parameter`: only "true" (any case) is true. */
export function boolParam(query: QueryParams, name: string, fallback = 'false'): boolean {
  return (query[name] ?? fallback).toLowerCase() === 'true';
}

const PYTHON_INT = /^\s*[+-]?\d+\s*$/;

/** `get_integer_parameter`: Python's int() rules, else 400 "<name> must be an integer." */
export function intParam(query: QueryParams, name: string, fallback: number): number {
  const value = query[name];
  if (value === undefined) return fallback;
  if (!PYTHON_INT.test(value)) throw badRequest(`${name} must be an integer.`);
  return Number.parseInt(value, 10);
}

export function hasQuery(query: QueryParams): boolean {
  return Object.keys(query).length > 0;
}
