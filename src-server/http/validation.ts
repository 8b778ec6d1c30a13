import type { z, ZodError, ZodType } from 'zod';
import { type KitsuError, validationError } from './errors';
import { UnparsedBody } from './body-parsers';

/** Pydantic-style 400: `{"message": "Validation error.", "data": {"errors": [{field, message}]}}`. */
export function zodToKitsu(error: ZodError): KitsuError {
  return validationError(
    error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '__root__',
      message:
        issue.code === 'invalid_type' && issue.input === undefined
          ? 'Field required'
          : issue.message,
    })),
  );
}

/** Validates a request body (JSON or form) against a schema; non-objects fail as a whole. */
export function parseBody<T extends ZodType>(schema: T, body: unknown): z.infer<T> {
  const value = body instanceof UnparsedBody || body === undefined || body === null ? {} : body;
  // reportInput: zod 4 leaves `input` out of issues otherwise, and "Field required" needs it.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw zodToKitsu(result.error);
  return result.data;
}
