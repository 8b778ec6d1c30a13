import type { FastifyRequest } from 'fastify';
import { UnparsedBody } from '../http/body-parsers';
import { validationError, type FieldError } from '../http/errors';
import { asInt, asString, Invalid } from '../production/pydantic-values';

// Zou's `validate_request_body` for the pydantic schemas of this module: the JSON body, else
// the query and form values; each field checked in schema order with pydantic's messages.

export interface BodyField {
  parse: (value: unknown) => unknown;
  /** `Field(...)`: an absent key is "Field required" (null goes to `parse`). */
  required?: boolean;
  /** Used when the key is absent. */
  default?: unknown;
}

export interface ParsedBody {
  values: Record<string, unknown>;
  /** Keys the request actually carried (pydantic's `model_fields_set`). */
  given: Set<string>;
}

export function readBodyFields(
  request: FastifyRequest,
  schemaName: string,
  fields: Record<string, BodyField>,
): ParsedBody {
  const payload = payloadOf(request);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw validationError([
      { field: '', message: `Input should be a valid dictionary or instance of ${schemaName}` },
    ]);
  }
  const input = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in input) || input[name] === undefined) {
      if (field.required) errors.push({ field: name, message: 'Field required' });
      else values[name] = field.default ?? null;
      continue;
    }
    given.add(name);
    const value = input[name];
    if (value === null && !field.required) {
      values[name] = null;
      continue;
    }
    try {
      values[name] = field.parse(value);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      errors.push({ field: name, message: error.message });
    }
  }
  if (errors.length > 0) throw validationError(errors);
  return { values, given };
}

export function stringField(minLength = 0): (value: unknown) => string {
  return (value) => {
    const text = asString(value);
    if (text.length < minLength) {
      throw new Invalid(
        `String should have at least ${minLength} character${minLength === 1 ? '' : 's'}`,
      );
    }
    return text;
  };
}

export const intField = (value: unknown): number => asInt(value);

/** pydantic's lax float. */
export function floatField(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new Invalid('Input should be a finite number');
  }
  if (typeof value === 'string') {
    const number = Number(value.trim());
    if (value.trim() !== '' && !Number.isNaN(number)) return number;
    throw new Invalid('Input should be a valid number, unable to parse string as a number');
  }
  throw new Invalid('Input should be a valid number');
}

export function dictField(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Invalid('Input should be a valid dictionary');
  }
  return value as Record<string, unknown>;
}

/** `get_json(silent=True)`, else Flask's `request.values` (query first, then form fields). */
function payloadOf(request: FastifyRequest): unknown {
  const contentType = String(request.headers['content-type'] ?? '');
  const body: unknown = request.body;
  const isJson = /^application\/([\w.+-]+\+)?json/i.test(contentType);
  if (isJson && body !== undefined && body !== null && !(body instanceof UnparsedBody)) {
    return body;
  }
  const form = !isJson && isRecord(body) ? body : {};
  const query = isRecord(request.query) ? firstValues(request.query) : {};
  return { ...firstValues(form), ...query };
}

function firstValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
