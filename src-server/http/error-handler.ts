import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { crudErrorFromSqlite, KitsuError, NOT_FOUND_MESSAGE } from './errors';
import { zodToKitsu } from './validation';

const BAD_REQUEST_DESCRIPTION =
  'The browser (or proxy) sent a request that this server could not understand.';

/** Every failure leaves with one of Zou's bodies; nothing unexpected leaks as a stack. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ error: true, message: NOT_FOUND_MESSAGE });
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof KitsuError) return reply.code(error.status).send(error.body);
    if (error instanceof ZodError) {
      const kitsu = zodToKitsu(error);
      return reply.code(kitsu.status).send(kitsu.body);
    }
    const sqlite = crudErrorFromSqlite(error);
    if (sqlite) return reply.code(sqlite.status).send(sqlite.body);

    const code = 'code' in error ? error.code : undefined;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({
        error: true,
        message: 'The data value transmitted exceeds the capacity limit.',
      });
    }
    const status = 'statusCode' in error ? error.statusCode : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, bad content length, unsupported media type…).
      return reply.code(status === 415 ? 400 : status).send({
        error: true,
        message: BAD_REQUEST_DESCRIPTION,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    if (process.env.SHOTDESK_SERVER_DEBUG) {
      console.error(error);
    }
    return reply.code(500).send({ error: true, message: 'Internal server error.' });
  });
}
