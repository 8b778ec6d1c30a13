import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UnparsedBody } from '../http/body-parsers';
import { validationError } from '../http/errors';
import { parseBody } from '../http/validation';
import type { ServerContext } from '../context';
import { readMultipartForm, type StagedFile } from './multipart-form';

const STRING_ERROR = { error: 'Input should be a valid string' };
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** Pydantic's lax boolean: booleans, 0/1, and the usual words in any case. */
const laxBoolean = z.unknown().transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  ctx.addIssue({ code: 'custom', message: 'Input should be a valid boolean' });
  return z.NEVER;
});

/** CommentCreateSchema's list fields: JSON-encoded strings (multipart) decoded, null as []. */
function jsonList<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return [];
      if (typeof value !== 'string') return value;
      if (value === '') return [];
      try {
        return JSON.parse(value) as unknown;
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `Value error, ${(error as Error).message}` });
        return z.NEVER;
      }
    })
    .pipe(z.array(item, { error: 'Input should be a valid list' }))
    .default([]);
}

/** Zou's `CommentCreateSchema`. */
export const commentCreateSchema = z.object({
  task_status_id: z.string(STRING_ERROR),
  comment: z.string(STRING_ERROR).default(''),
  person_id: z.string(STRING_ERROR).default(''),
  created_at: z.string(STRING_ERROR).default(''),
  checklist: jsonList(z.unknown()),
  links: jsonList(z.string(STRING_ERROR)),
  for_client: laxBoolean.optional().transform((value) => value ?? false),
});

export type CommentCreateBody = z.infer<typeof commentCreateSchema>;

/** Zou's `CommentReplySchema`: `text` may be absent or null. */
export const commentReplySchema = z.object({
  text: z.string(STRING_ERROR).nullable().default(''),
});

/** What a JSON or multipart request carried: the fields to validate and the uploaded files. */
export interface RequestForm {
  values: unknown;
  files: StagedFile[];
}

/** A parsed query string or form as werkzeug's `to_dict()`: the first value of each key. */
function firstValues(source: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!source || typeof source !== 'object') return values;
  for (const [key, value] of Object.entries(source)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

function queryValues(request: FastifyRequest): Record<string, string> {
  return firstValues(request.query);
}

/**
 * `validate_request_body`'s input: the JSON body, else the query string and form fields
 * (`request.values`, the query string winning). Multipart files are staged on disk; the caller
 * owns them from here (move them or discard them).
 */
export async function readRequestForm(
  request: FastifyRequest,
  context: ServerContext,
): Promise<RequestForm> {
  if (request.isMultipart()) {
    const form = await readMultipartForm(
      request,
      context.dataDir,
      context.settings.maxAttachmentBytes,
    );
    return { values: { ...form.fields, ...queryValues(request) }, files: form.files };
  }
  const body = request.body;
  if (body !== undefined && body !== null && !(body instanceof UnparsedBody)) {
    const isForm = /^application\/x-www-form-urlencoded/i.test(
      request.headers['content-type'] ?? '',
    );
    if (!isForm) return { values: body, files: [] };
    return { values: { ...firstValues(body), ...queryValues(request) }, files: [] };
  }
  return { values: queryValues(request), files: [] };
}

/** `validate_request_body`: a payload that is not an object fails as a whole. */
export function validateBody<T extends z.ZodType>(
  schema: T,
  values: unknown,
  schemaName: string,
): z.infer<T> {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw validationError([
      { field: '', message: `Input should be a valid dictionary or instance of ${schemaName}` },
    ]);
  }
  return parseBody(schema, values);
}
