import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { MediaAddress } from '../../src-shared/media';
import type { MediaSource } from '../media/media-service';

export const MEDIA_ROUTE_PREFIX = '/media';

/**
 * `<img>` and `<video>` send no header of ours, so media URLs carry a key in their query: a
 * key derived from the launch token (the token itself never appears in a URL), good for media
 * only.
 */
export function mediaKey(token: string): string {
  return createHmac('sha256', token).update('shotdesk-media').digest('base64url');
}

export function mediaAddress(origin: string, token: string): MediaAddress {
  return { prefix: `${origin}${MEDIA_ROUTE_PREFIX}`, query: `?k=${mediaKey(token)}` };
}

/** Serves `/media/<kind>/<id>?k=<key>`; answers false when the path is not a media one. */
export function serveMedia(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
  media: MediaSource,
): boolean {
  const url = new URL(request.url ?? '/', 'http://x');
  if (!url.pathname.startsWith(`${MEDIA_ROUTE_PREFIX}/`)) return false;
  const given = Buffer.from(url.searchParams.get('k') ?? '');
  const expected = Buffer.from(mediaKey(token));
  if (
    (request.method !== 'GET' && request.method !== 'HEAD') ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Unknown page or key.');
    return true;
  }
  void media
    .answer(url.pathname.slice(MEDIA_ROUTE_PREFIX.length), request.headers.range)
    .then(async (answer) => {
      response.writeHead(answer.status, answer.headers);
      if (!answer.body || request.method === 'HEAD') {
        answer.body?.destroy();
        response.end();
        return;
      }
      // A player that seeks closes the connection mid-body: not a failure.
      await pipeline(answer.body, response).catch(() => undefined);
    })
    .catch((error: unknown) => {
      // The media service answers its own failures; this is a bug, and is said so.
      console.error(`Shotdesk: serving ${url.pathname} failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  return true;
}
