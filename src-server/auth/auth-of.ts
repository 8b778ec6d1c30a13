import type { FastifyRequest } from 'fastify';
import type { RequestAuth } from '../http/request-auth';

/** The caller on a token-protected route (the `/api` auth hook has run). */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new Error(`${request.url} reached its handler without auth`);
  return request.auth;
}
