/**
 * Kitsu's error bodies (REFERENCE §0). Routes throw these; the error handler in app.ts
 * writes `status` and `body` unchanged, so every failure has Zou's exact shape.
 */
export class KitsuError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export const NOT_FOUND_MESSAGE =
  '404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
export const FORBIDDEN_MESSAGE =
  "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.";
export const UNAUTHORIZED_MESSAGE =
  "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.";

/** `WrongParameterException`: 400 with `data` (null when none). */
export function badRequest(message: string, data: unknown = null): KitsuError {
  return new KitsuError(400, { error: true, message, data });
}

/** A plain werkzeug-style 400 without `data`. */
export function badRequestPlain(message: string): KitsuError {
  return new KitsuError(400, { error: true, message });
}

export function notFound(): KitsuError {
  return new KitsuError(404, { error: true, message: NOT_FOUND_MESSAGE });
}

export function forbidden(): KitsuError {
  return new KitsuError(403, { error: true, message: FORBIDDEN_MESSAGE });
}

export function unauthorized(): KitsuError {
  return new KitsuError(401, { error: true, message: UNAUTHORIZED_MESSAGE });
}

export interface FieldError {
  field: string;
  message: string;
}

/** Pydantic body validation failure. */
export function validationError(errors: FieldError[]): KitsuError {
  return new KitsuError(400, { error: true, message: 'Validation error.', data: { errors } });
}

/** CRUD database errors carry only `message` — no `error` key (blueprints/crud/base.py). */
export function crudError(message: string): KitsuError {
  return new KitsuError(400, { message });
}

export function malformedId(): KitsuError {
  return badRequest('Malformed ID.');
}

export function wrongIdFormat(): KitsuError {
  return new KitsuError(400, {
    error: true,
    message: 'One of the ID sent in parameter is not properly formatted.',
  });
}

/** JWT library errors: `{msg}` bodies. */
export function jwtError(status: 401 | 422, msg: string): KitsuError {
  return new KitsuError(status, { msg });
}

export function signatureExpired(): KitsuError {
  return new KitsuError(401, { error: true, message: 'Signature has expired' });
}

/** Maps a SQLite constraint failure to the sanitized CRUD message Zou gives. */
export function crudErrorFromSqlite(error: unknown): KitsuError | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = String((error as { code: unknown }).code);
  if (!code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return crudError('A record with the same unique values already exists.');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return crudError('The change conflicts with records referencing this one.');
  }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return crudError('A required field is missing.');
  return crudError('The data conflicts with database integrity rules.');
}
