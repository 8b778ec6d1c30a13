import { Readable } from 'node:stream';
import type { MediaSource } from './media-service';

/**
 * A media request as a custom scheme hands it over (a web `Request`: Electron's
 * `protocol.handle`), answered from main's media cache with its Range, status and headers.
 * Only GET and HEAD, only under `host`; a HEAD answers no bytes.
 */
export async function answerMediaWebRequest(
  media: MediaSource,
  host: string,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== host || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response('Not found', { status: 404 });
  }
  const answer = await media.answer(url.pathname, request.headers.get('range'));
  const body =
    answer.body && request.method === 'GET'
      ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>)
      : null;
  if (!body) answer.body?.destroy();
  return new Response(body, { status: answer.status, headers: answer.headers });
}
