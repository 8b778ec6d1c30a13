import { createReadStream, statSync, type Stats } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isNotModified, rangeToSend, type FileValidators } from '../http/conditional-get';

export interface SendFileOptions {
  mimetype: string;
  /** `Content-Disposition` name; `attachment` forces a download, else `inline`. */
  downloadName?: string;
  asAttachment?: boolean;
  lastModified?: string | null;
  maxAgeSeconds?: number;
}

function statOrNull(path: string): Stats | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

function contentDisposition(name: string, asAttachment: boolean): string {
  const kind = asAttachment ? 'attachment' : 'inline';
  const ascii = name.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  if (ascii === name) return `${kind}; filename="${name}"`;
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `Last-Modified` from a stored naive-UTC datetime, when it parses. */
function storedDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Flask's `send_file(conditional=True)`, enough for Kitsu: ETag and Last-Modified with 304s,
 * a single byte range with 206 (If-Range honoured, 416 for what werkzeug cannot serve),
 * caching headers. Returns false when the file is missing.
 */
export function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  options: SendFileOptions,
): boolean {
  const stats = statOrNull(path);
  if (!stats) return false;
  const etag = `"${stats.mtimeMs.toFixed(0)}-${stats.size}"`;
  const lastModified = storedDate(options.lastModified);
  const file: FileValidators = { etag, lastModified, size: stats.size };
  const range = rangeToSend(request.headers, file);
  if (range.kind === 'unsatisfiable') {
    // werkzeug's RequestedRangeNotSatisfiable, as Zou's error handler words it.
    void reply
      .code(416)
      .header('Content-Range', `bytes */${stats.size}`)
      .send({ error: true, message: 'The server cannot provide the requested range.' });
    return true;
  }
  reply.header('Content-Type', options.mimetype);
  reply.header('ETag', etag);
  reply.header('Accept-Ranges', 'bytes');
  reply.header('X-Content-Type-Options', 'nosniff');
  if (lastModified) reply.header('Last-Modified', lastModified.toUTCString());
  if (options.maxAgeSeconds) {
    reply.header('Cache-Control', `private, max-age=${options.maxAgeSeconds}`);
  }
  if (options.downloadName !== undefined) {
    reply.header(
      'Content-Disposition',
      contentDisposition(options.downloadName, !!options.asAttachment),
    );
  }
  if (range.kind === 'partial') {
    const { start, end } = range;
    reply.header('Content-Range', `bytes ${start}-${end}/${stats.size}`);
    reply.header('Content-Length', String(end - start + 1));
    void reply.code(206).send(createReadStream(path, { start, end }));
    return true;
  }
  if (isNotModified(request.headers, file)) {
    void reply.code(304).send();
    return true;
  }
  reply.header('Content-Length', String(stats.size));
  void reply.code(200).send(createReadStream(path));
  return true;
}
