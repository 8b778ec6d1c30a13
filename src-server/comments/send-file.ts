import { createReadStream, statSync, type Stats } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
function httpDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toUTCString();
}

/**
 * Flask's `send_file(conditional=True)`, enough for Kitsu: ETag and Last-Modified with 304s,
 * a single byte range with 206, caching headers. Returns false when the file is missing.
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
  reply.header('Content-Type', options.mimetype);
  reply.header('ETag', etag);
  reply.header('Accept-Ranges', 'bytes');
  reply.header('X-Content-Type-Options', 'nosniff');
  const lastModified = httpDate(options.lastModified);
  if (lastModified) reply.header('Last-Modified', lastModified);
  if (options.maxAgeSeconds) {
    reply.header('Cache-Control', `private, max-age=${options.maxAgeSeconds}`);
  }
  if (options.downloadName !== undefined) {
    reply.header(
      'Content-Disposition',
      contentDisposition(options.downloadName, !!options.asAttachment),
    );
  }
  if (request.headers['if-none-match'] === etag) {
    void reply.code(304).send();
    return true;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (range && (range[1] || range[2]) && stats.size > 0) {
    let start = range[1] ? Number(range[1]) : stats.size - Number(range[2]);
    let end = range[1] && range[2] ? Number(range[2]) : stats.size - 1;
    start = Math.max(0, start);
    end = Math.min(end, stats.size - 1);
    if (start > end) {
      reply.header('Content-Range', `bytes */${stats.size}`);
      void reply.code(416).send();
      return true;
    }
    reply.header('Content-Range', `bytes ${start}-${end}/${stats.size}`);
    reply.header('Content-Length', String(end - start + 1));
    void reply.code(206).send(createReadStream(path, { start, end }));
    return true;
  }
  reply.header('Content-Length', String(stats.size));
  void reply.code(200).send(createReadStream(path));
  return true;
}
