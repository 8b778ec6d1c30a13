import { badRequest, crudErrorFromSqlite, KitsuError } from '../http/errors';

/**
 * Write failures of the import routes in Zou's WrongParameter shape (it re-raises integrity
 * errors so): constraint violations and malformed values keep the CRUD's sanitized message.
 */
export function asImportError(error: unknown): unknown {
  const sqlite = crudErrorFromSqlite(error);
  const kitsu = sqlite ?? (error instanceof KitsuError ? error : null);
  if (kitsu && kitsu.status === 400 && !('error' in kitsu.body)) {
    return badRequest(String(kitsu.body.message));
  }
  return error;
}
