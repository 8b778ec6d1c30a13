import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies: an empty body parses to `undefined` (routes then answer Kitsu's "Data are
 * empty" or validation errors instead of Fastify's). Other unknown content types are read
 * as text so that routes can refuse them with Kitsu's 400 rather than a 415.
 */
export function installBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json/i,
    { parseAs: 'string' },
    (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      parseJson(request, text, done);
    },
  );
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    done(null, new UnparsedBody(typeof body === 'string' ? body : body.toString('utf8')));
  });
}

/** A body in a content type no route understands. */
export class UnparsedBody {
  constructor(readonly text: string) {}
}
