import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { StreamedBody } from '../kitsu/kitsu-client';

/**
 * A `multipart/form-data` body of one file field, streamed from disk (never held in memory),
 * its length known ahead, telling `onBytes` how many of the file's bytes went so far.
 */
export function multipartFileBody(
  field: string,
  fileName: string,
  path: string,
  size: number,
  onBytes: (sent: number) => void,
): () => StreamedBody {
  return () => {
    const boundary = `----shotdesk${randomBytes(16).toString('hex')}`;
    // Quotes and line breaks cannot be escaped in a multipart header: they become `_`.
    const safeName = fileName.replace(/["\r\n\\]/g, '_');
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    async function* parts(): AsyncGenerator<Buffer> {
      yield head;
      let sent = 0;
      onBytes(0);
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
        onBytes(sent);
      }
      if (sent !== size) throw new Error(`${fileName} changed size while it was sent`);
      yield tail;
    }
    return {
      stream: Readable.toWeb(Readable.from(parts())) as ReadableStream<Uint8Array>,
      contentType: `multipart/form-data; boundary=${boundary}`,
      length: head.length + size + tail.length,
    };
  };
}
