/**
 * Previews reach the renderer as URLs main serves from its media cache (never Kitsu's, which
 * need the token): `shotdesk-media://media/<kind>/<id>` in Electron, the dev host's
 * `/media/<kind>/<id>?k=<key>` in a browser. Both answer HTTP Range for seeking.
 */

/** What of a preview file: Kitsu's variants (REFERENCE §5 "Serving previews"). */
export const MEDIA_KINDS = [
  'thumbnail',
  'picture',
  // A still at its full size, where `picture` is Kitsu's reduced one.
  'picture-original',
  'movie',
  'movie-low',
  'tile',
  'file',
] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Where main serves media for this renderer; null until it knows (the dev host starting). */
export interface MediaAddress {
  /** `shotdesk-media://media` or `http://127.0.0.1:PORT/media`. */
  prefix: string;
  /** Appended to every URL: `?k=…` on the dev host, empty in Electron. */
  query: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mediaUrl(address: MediaAddress, kind: MediaKind, previewFileId: string): string {
  if (!UUID.test(previewFileId)) throw new Error(`Not a preview file id: ${previewFileId}`);
  return `${address.prefix}/${kind}/${previewFileId.toLowerCase()}${address.query}`;
}

/** The kind and id of a media path (`/<kind>/<id>`), or null when it is not one. */
export function parseMediaPath(path: string): { kind: MediaKind; previewFileId: string } | null {
  const match = /^\/([a-z-]+)\/([0-9a-fA-F-]{36})$/.exec(path);
  if (!match) return null;
  const kind = MEDIA_KINDS.find((candidate) => candidate === match[1]);
  if (!kind || !UUID.test(match[2]!)) return null;
  return { kind, previewFileId: match[2]!.toLowerCase() };
}
