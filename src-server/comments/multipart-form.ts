import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { badRequestPlain, KitsuError } from '../http/errors';
import { removeQuietly, stagingPath } from './attachment-store';

/** An uploaded file part, written to the staging folder. */
export interface StagedFile {
  fieldName: string;
  filename: string;
  mimetype: string;
  path: string;
  size: number;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: StagedFile[];
  /** File parts that `acceptFile` turned down: read through, never written. */
  refusedFiles: { fieldName: string; filename: string }[];
}

export interface MultipartOptions {
  /** A fresh path to stage a file part at (default: the attachments' staging folder). */
  stagingPath?: () => string;
  /** Whether to keep a file part, decided from its name before any byte is written. */
  acceptFile?: (fieldName: string, filename: string) => boolean;
}

/** Werkzeug's RequestEntityTooLarge, as Zou's error handler words it. */
export function tooLarge(): KitsuError {
  return new KitsuError(413, {
    error: true,
    message: 'The data value transmitted exceeds the capacity limit.',
  });
}

/** busboy's words for a body that is not the multipart it claims to be (or was cut short). */
const MALFORMED_MULTIPART =
  /multipart|boundary|unexpected end of form|malformed part header|premature close/i;

function isMalformedBody(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof KitsuError) return false;
  const code = 'code' in error ? String(error.code) : '';
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || MALFORMED_MULTIPART.test(error.message);
}

function isFileTooLarge(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'code' in error
    ? error.code === 'FST_REQ_FILE_TOO_LARGE'
    : false;
}

/**
 * Reads a multipart body as werkzeug exposes it: the first value of each field, and the first
 * file of each field name (`request.files.values()`), each file streamed to disk and refused
 * past `maxFileBytes`. On any failure the files written so far are removed.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  dataDir: string,
  maxFileBytes: number,
  options: MultipartOptions = {},
): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  const files: StagedFile[] = [];
  const refusedFiles: MultipartForm['refusedFiles'] = [];
  const fileFields = new Set<string>();
  try {
    for await (const part of request.parts({ limits: { fileSize: maxFileBytes } })) {
      if (part.type === 'field') {
        if (!(part.fieldname in fields)) fields[part.fieldname] = String(part.value);
        continue;
      }
      if (fileFields.has(part.fieldname)) {
        part.file.resume();
        continue;
      }
      fileFields.add(part.fieldname);
      if (options.acceptFile && !options.acceptFile(part.fieldname, part.filename)) {
        refusedFiles.push({ fieldName: part.fieldname, filename: part.filename });
        part.file.resume();
        continue;
      }
      const path = options.stagingPath ? options.stagingPath() : stagingPath(dataDir);
      const staged: StagedFile = {
        fieldName: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        path,
        size: 0,
      };
      files.push(staged);
      const output = createWriteStream(path);
      try {
        await pipeline(part.file, output);
      } catch (error) {
        // A failed pipeline rejects before the file is closed, or even opened: removing it
        // now would let the stream create it again afterwards.
        await closed(output);
        throw error;
      }
      if (part.file.truncated) throw tooLarge();
      staged.size = statSync(path).size;
    }
  } catch (error) {
    for (const file of files) removeQuietly(file.path);
    if (isFileTooLarge(error)) throw tooLarge();
    // Werkzeug answers a form it cannot parse with its plain 400, not a server error.
    if (isMalformedBody(error)) {
      throw badRequestPlain(
        'The browser (or proxy) sent a request that this server could not understand.',
      );
    }
    throw error;
  }
  return { fields, files, refusedFiles };
}

function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

export function discardStagedFiles(files: readonly StagedFile[]): void {
  for (const file of files) removeQuietly(file.path);
}
