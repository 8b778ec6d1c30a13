import { protocol } from 'electron';
import type { MediaAddress } from '../../src-shared/media';
import type { MediaSource } from '../media/media-service';
import { answerMediaWebRequest } from '../media/media-web-request';

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
  protocol.handle(MEDIA_SCHEME, (request) => answerMediaWebRequest(media, MEDIA_HOST, request));
}
