import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z, ZodType } from 'zod';
import { UnparsedBody } from '../http/body-parsers';
import { validationError } from '../http/errors';
import { parseBody } from '../http/validation';

/**
 * Zou's `validate_request_body`: the JSON body when there is one, else the query string and
 * form fields (`request.values`, query first), so that `POST /auth/login?email=…` works.
 */
export function readBody<T extends ZodType>(
  request: FastifyRequest,
  schema: T,
  schemaName: string,
): z.infer<T> {
  const payload = payloadOf(request);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw validationError([
      { field: '', message: `Input should be a valid dictionary or instance of ${schemaName}` },
    ]);
  }
  return parseBody(schema, payload);
}

/** Zou's `request.values`: query string first, then form fields. */
export function requestValues(request: FastifyRequest): Record<string, unknown> {
  const form = isForm(request) && isRecord(request.body) ? request.body : {};
  const query = isRecord(request.query) ? request.query : {};
  return { ...form, ...query };
}

function payloadOf(request: FastifyRequest): unknown {
  const body = request.body;
  if (isForm(request) || body === undefined || body === null || body instanceof UnparsedBody) {
    return requestValues(request);
  }
  return body;
}

function isForm(request: FastifyRequest): boolean {
  return /^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `get_json(silent=True)`: inside the auth routes a JSON body that does not parse is no error,
 * the request falls back to its query and form values. A plain string parser here wins over
 * the app's stricter regex one.
 */
export function useLenientJson(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, new UnparsedBody(text));
    }
  });
}
