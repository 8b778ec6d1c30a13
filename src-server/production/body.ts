import type { FastifyRequest } from 'fastify';
import { UnparsedBody } from '../http/body-parsers';
import { validationError, type FieldError } from '../http/errors';
import { asBool, asInt, asString, asUuid, Invalid } from './pydantic-values';

// Zou's `validate_request_body` with its pydantic schemas: the JSON body, else the query and
// form values; every field checked in schema order with pydantic's own messages.

export type FieldType = 'string' | 'uuid' | 'dict' | 'int' | 'bool' | 'string-list' | 'uuid-list';

export interface FieldRule {
  type: FieldType;
  /** `Field(...)`: absent is "Field required"; a required field is never Optional. */
  required?: boolean;
  /** Strings: at least that many characters; lists: at least that many items. */
  minLength?: number;
  /** Used when the key is absent. */
  default?: unknown;
}

export type Schema = Record<string, FieldRule>;

/** Validates the request body against `schema`; 400 "Validation error." with field errors. */
export function validateBody(
  request: FastifyRequest,
  schemaName: string,
  schema: Schema,
): Record<string, unknown> {
  const payload = payloadOf(request);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw validationError([
      { field: '', message: `Input should be a valid dictionary or instance of ${schemaName}` },
    ]);
  }
  const input = payload as Record<string, unknown>;
  const errors: FieldError[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(schema)) {
    if (!(name in input) || input[name] === undefined) {
      if (rule.required) errors.push({ field: name, message: 'Field required' });
      else result[name] = rule.default ?? null;
      continue;
    }
    const value = input[name];
    if (value === null && !rule.required) {
      result[name] = null;
      continue;
    }
    result[name] = convert(name, value, rule, errors);
  }
  if (errors.length > 0) throw validationError(errors);
  return result;
}

function convert(name: string, value: unknown, rule: FieldRule, errors: FieldError[]): unknown {
  try {
    switch (rule.type) {
      case 'string':
        return checkLength(asString(value), rule, 'string');
      case 'uuid':
        return asUuid(value);
      case 'dict':
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          throw new Invalid('Input should be a valid dictionary');
        }
        return value;
      case 'int':
        return asInt(value);
      case 'bool':
        return asBool(value);
      case 'string-list':
      case 'uuid-list': {
        if (!Array.isArray(value)) throw new Invalid('Input should be a valid list');
        const items: unknown[] = [];
        value.forEach((item, index) => {
          try {
            items.push(rule.type === 'uuid-list' ? asUuid(item) : asString(item));
          } catch (error) {
            if (!(error instanceof Invalid)) throw error;
            errors.push({ field: `${name}.${index}`, message: error.message });
          }
        });
        return checkLength(items, rule, 'list');
      }
    }
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    errors.push({ field: name, message: error.message });
    return undefined;
  }
}

function checkLength<T extends string | unknown[]>(value: T, rule: FieldRule, kind: string): T {
  const min = rule.minLength ?? 0;
  if (value.length >= min) return value;
  if (kind === 'string') {
    throw new Invalid(`String should have at least ${min} character${min === 1 ? '' : 's'}`);
  }
  throw new Invalid(
    `List should have at least ${min} item${min === 1 ? '' : 's'} after validation, not ${value.length}`,
  );
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
