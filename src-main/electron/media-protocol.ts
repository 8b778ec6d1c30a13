import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { MediaAddress } from '../../src-shared/media';
import type { MediaSource } from '../media/media-service';

const MEDIA_SCHEME = 'shotdesk-media';
const MEDIA_HOST = 'media';

export const ELECTRON_MEDIA_ADDRESS: MediaAddress = {
  prefix: `${MEDIA_SCHEME}://${MEDIA_HOST}`,
  query: '',
};

/** Before the app is ready: a standard, secure scheme that streams (players seek in it). */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/** `shotdesk-media://media/<kind>/<id>`, answered from main's media cache with Range. */
export function handleMediaProtocol(media: MediaSource): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== MEDIA_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404 });
    }
    const answer = await media.answer(url.pathname, request.headers.get('range'));
    const body =
      answer.body && request.method === 'GET'
        ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>)
        : null;
    if (!body) answer.body?.destroy();
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
