import type { FastifyReply } from 'fastify';

/** Answers JSON text built elsewhere as is, with the header Fastify gives serialized bodies. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
