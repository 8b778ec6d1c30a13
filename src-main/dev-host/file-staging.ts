import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatBytes } from '../../src-shared/file-size';
import { DEV_HOST_FILE_NAME_HEADER } from '../../src-shared/ipc/dev-host-protocol';
import type { ErrorCode } from '../../src-shared/ipc/result';
import { removeAbandonedStaging, stagingRunName } from './abandoned-staging';

export interface FileStagingOptions {
  /** A folder of the app's user data; each launch stages under its own subfolder. */
  root: string;
  maxBytes: number;
  /** Lets main read a staged file (and nothing else the renderer names). */
  grant(path: string): void;
}

export interface FileStaging {
  /** Stores one uploaded file; the caller has checked the Host, the Origin and the token. */
  receive(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Removes what this launch staged. */
  close(): Promise<void>;
}

class TooLarge extends Error {}

/**
 * The dev host's stand-in for Electron's file paths: Chromium gives a page no path for a file
 * the person chose, so the page uploads it here, over loopback, into a private folder; the
 * path of the copy is then granted to main like a path Electron's preload reports.
 */
export function createFileStaging(options: FileStagingOptions): FileStaging {
  const runDir = join(options.root, stagingRunName(process.pid, randomUUID()));
  void removeAbandonedStaging(options.root).catch((error: unknown) =>
    console.warn('Shotdesk could not remove the staging left by an earlier launch:', error),
  );
  const tooLarge = (size: number | null) =>
    `${size === null ? 'The file' : `The file (${formatBytes(size)})`} is larger than ` +
    `${formatBytes(options.maxBytes)}, the most one may attach.`;

  return {
    async receive(request, response) {
      if (request.method !== 'POST') {
        reply(response, 405, { code: 'invalid-input', message: 'Upload files with POST.' });
        return;
      }
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (declared > options.maxBytes) {
        reply(response, 413, { code: 'invalid-input', message: tooLarge(declared) }, true);
        return;
      }
      const name = safeFileName(request.headers[DEV_HOST_FILE_NAME_HEADER]);
      if (name === null) {
        reply(response, 400, { code: 'invalid-input', message: 'The file has no usable name.' });
        return;
      }
      // One folder per file: two files may share a name, and the server keeps the name.
      const folder = join(runDir, randomUUID());
      const path = join(folder, name);
      let received = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done(received > options.maxBytes ? new TooLarge() : null, chunk);
        },
      });
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await pipeline(request, limit, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        if (error instanceof TooLarge) {
          reply(response, 413, { code: 'invalid-input', message: tooLarge(null) }, true);
        } else {
          reply(response, 500, { code: 'server-error', message: 'The upload did not finish.' });
        }
        return;
      }
      options.grant(path);
      reply(response, 200, { path });
    },
    close: () => rm(runDir, { recursive: true, force: true }),
  };
}

type StagingAnswer = { path: string } | { code: ErrorCode; message: string };

function reply(
  response: ServerResponse,
  status: number,
  answer: StagingAnswer,
  closeAfter = false,
): void {
  if (response.headersSent || response.destroyed) return;
  const body = 'path' in answer ? answer : { error: answer };
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...(closeAfter ? { Connection: 'close' } : {}),
  });
  response.end(JSON.stringify(body));
}

/** Characters no file system takes in a name (Windows's set), and control characters. */
const UNSAFE_IN_NAME = '<>:"/\\|?*';
const isUnsafe = (character: string) =>
  character.charCodeAt(0) < 0x20 || character === '\x7f' || UNSAFE_IN_NAME.includes(character);

const MAX_NAME_LENGTH = 200;

/**
 * The file's own name (URI-encoded in its header), made safe as one path segment: no folder
 * part, no characters a file system refuses, no dot names; null when nothing usable is left.
 */
export function safeFileName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    return null;
  }
  const lastSegment = decoded.split(/[/\\]/).pop() ?? '';
  const cleaned = Array.from(lastSegment, (character) => (isUnsafe(character) ? '_' : character))
    .join('')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}
