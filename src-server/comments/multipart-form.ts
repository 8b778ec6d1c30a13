import { createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { KitsuError } from '../http/errors';
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
}

/** Werkzeug's RequestEntityTooLarge, as Zou's error handler words it. */
export function tooLarge(): KitsuError {
  return new KitsuError(413, {
    error: true,
    message: 'The data value transmitted exceeds the capacity limit.',
  });
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
): Promise<MultipartForm> {
  const fields: Record<string, string> = {};
  const files: StagedFile[] = [];
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
      const path = stagingPath(dataDir);
      const staged: StagedFile = {
        fieldName: part.fieldname,
        filename: part.filename,
        mimetype: part.mimetype,
        path,
        size: 0,
      };
      files.push(staged);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw tooLarge();
      staged.size = statSync(path).size;
    }
  } catch (error) {
    for (const file of files) removeQuietly(file.path);
    if (isFileTooLarge(error)) throw tooLarge();
    throw error;
  }
  return { fields, files };
}

export function discardStagedFiles(files: readonly StagedFile[]): void {
  for (const file of files) removeQuietly(file.path);
}
