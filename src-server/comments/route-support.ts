import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { StoredFiles } from './attachments';
import { readRequestForm, type RequestForm } from './comment-body';
import { discardStagedFiles } from './multipart-form';

export interface TaskParams {
  task_id: string;
}

export interface TaskCommentParams extends TaskParams {
  comment_id: string;
}

/** A comment write: one transaction, its events published once committed. */
export function commentCall(context: ServerContext, request: FastifyRequest): CrudCall {
  return new CrudCall(context, request, modelOf('comment'));
}

/**
 * Runs a handler over the request's form (JSON or multipart): staged uploads not moved into the
 * store are always removed, and stored ones are taken back out when the handler fails.
 */
export async function withRequestForm<T>(
  request: FastifyRequest,
  context: ServerContext,
  handle: (form: RequestForm, stored: StoredFiles) => T,
): Promise<T> {
  const form = await readRequestForm(request, context);
  const stored = new StoredFiles();
  try {
    return handle(form, stored);
  } catch (error) {
    stored.discard();
    throw error;
  } finally {
    discardStagedFiles(form.files);
  }
}

const DATETIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})$/;

/**
 * A manager's `created_at`: `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS`; anything else is
 * ignored (the comment is dated now), as Zou does.
 */
export function parseCommentDate(value: string): string | null {
  const match = DATETIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  const date = new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0),
  );
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return valid ? date.toISOString().slice(0, 19) : null;
}
