import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../http/errors';
import { Access } from './access';
import type { Db } from '../db/database';

const accessByRequest = new WeakMap<FastifyRequest, Access>();

/** The caller's Access for an authenticated route (one per request). */
export function accessOf(db: Db, request: FastifyRequest): Access {
  let access = accessByRequest.get(request);
  if (!access) {
    if (!request.auth) throw unauthorized();
    access = new Access(db, request.auth.person);
    accessByRequest.set(request, access);
  }
  return access;
}
