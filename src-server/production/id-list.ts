import type { FastifyRequest } from 'fastify';
import { isUuid } from '../db/ids';
import { UnparsedBody } from '../http/body-parsers';
import { badRequest } from '../http/errors';

/** `validate_id_list`: a JSON array of UUIDs (None or {} allowed when not required). */
export function readIdList(request: FastifyRequest, required: boolean): string[] | null {
  const contentType = String(request.headers['content-type'] ?? '');
  const isJson = /^application\/([\w.+-]+\+)?json/i.test(contentType);
  const payload: unknown = isJson && !(request.body instanceof UnparsedBody) ? request.body : null;
  if (!Array.isArray(payload)) {
    const empty =
      payload === null ||
      payload === undefined ||
      (typeof payload === 'object' && Object.keys(payload).length === 0);
    if (!required && empty) return null;
    throw badRequest('Request body must be a JSON array.');
  }
  return payload.map((item: unknown) => {
    if (!isUuid(item)) throw badRequest('Request body must only contain valid UUIDs.');
    return item.toLowerCase();
  });
}
