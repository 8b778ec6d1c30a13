import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendFile } from '../comments/send-file';
import { notFound } from '../http/errors';

/** Zou's `CLIENT_CACHE_MAX_AGE`: a week, kept by the browser only (`private`). */
const ONE_WEEK = 604800;

export interface StoredFile {
  path: string | null;
  mimetype: string;
  /** The row's `updated_at`, sent as `Last-Modified`. */
  lastModified: string;
  /** An inline `Content-Disposition` file name. */
  inlineName?: string;
}

/** `send_storage_file`: the stored file with Range and ETag, or a 404 when it is missing. */
export function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
): FastifyReply {
  const sent =
    file.path !== null &&
    sendFile(request, reply, file.path, {
      mimetype: file.mimetype,
      lastModified: file.lastModified,
      maxAgeSeconds: ONE_WEEK,
      ...(file.inlineName !== undefined ? { downloadName: file.inlineName } : {}),
    });
  if (!sent) throw notFound();
  return reply;
}

/** `send_picture_file`'s types: PNG, Radiance HDR, anything else as bytes. */
export function pictureMimetype(extension: string): string {
  if (extension === 'png') return 'image/png';
  if (extension === 'hdr') return 'image/vnd.radiance';
  return 'application/octet-stream';
}
