import { io, type Socket } from 'socket.io-client';

/** Kitsu's event namespace and path (REFERENCE.md §7). */
export const EVENTS_NAMESPACE = '/events';
export const EVENT_STREAM_PATH = '/socket.io';

/**
 * Where a Kitsu API's events are served: a deployment at `https://host/api` serves socket.io
 * at `https://host/socket.io` (gazu connects to the API host's origin with the default path).
 */
export function eventStreamOrigin(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

/**
 * One connection attempt to `/events`, with the access token as a Bearer header in the
 * handshake as gazu sends it. It never reconnects by itself: the live service decides when,
 * and with which token.
 */
export function openEventSocket(apiUrl: string, accessToken: string, timeoutMs: number): Socket {
  return io(`${eventStreamOrigin(apiUrl)}${EVENTS_NAMESPACE}`, {
    path: EVENT_STREAM_PATH,
    extraHeaders: { Authorization: `Bearer ${accessToken}` },
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
}
