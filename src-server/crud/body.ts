import type { FastifyRequest } from 'fastify';
import { badRequest } from '../http/errors';
import type { Data } from './rows';

export const DATA_EMPTY_MESSAGE =
  'Data are empty. Please verify that you sent JSON data and that you set the right headers.';

/** The JSON object a CRUD write needs; anything else is Zou's "Data are empty" 400. */
export function requireJsonObject(request: FastifyRequest): Data {
  const contentType = String(request.headers['content-type'] ?? '');
  const body: unknown = request.body;
  const isJson = /^application\/([\w.+-]+\+)?json/i.test(contentType);
  if (!isJson || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(DATA_EMPTY_MESSAGE);
  }
  return { ...(body as Data) };
}
