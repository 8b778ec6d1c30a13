import type { FastifyRequest } from 'fastify';
import { readMultipartForm, type StagedFile } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { pictureStagingPath } from './picture-storage';

/** What the multipart body held in its `file` field (`request.files["file"]`). */
export type FileFieldForm =
  { kind: 'file'; file: StagedFile } | { kind: 'refused'; filename: string } | { kind: 'missing' };

const FILE_FIELD = 'file';

/**
 * Streams the `file` part to the pictures' staging folder, refused past `maxPreviewBytes`.
 * A file name `accept` turns down, and every other file part, is read through without a
 * byte written; a body cut short leaves nothing staged.
 */
export async function readFileField(
  request: FastifyRequest,
  context: ServerContext,
  accept: (filename: string) => boolean = () => true,
): Promise<FileFieldForm> {
  if (!request.isMultipart()) return { kind: 'missing' };
  const form = await readMultipartForm(request, context.dataDir, context.settings.maxPreviewBytes, {
    stagingPath: () => pictureStagingPath(context.dataDir),
    acceptFile: (fieldName, filename) => fieldName === FILE_FIELD && accept(filename),
  });
  const file = form.files.find((staged) => staged.fieldName === FILE_FIELD);
  if (file) return { kind: 'file', file };
  const refused = form.refusedFiles.find((part) => part.fieldName === FILE_FIELD);
  return refused ? { kind: 'refused', filename: refused.filename } : { kind: 'missing' };
}

/** `filename.split(".")`: the last part lowercased, and the rest as Zou keeps it. */
export function splitFileName(filename: string): { extension: string; originalName: string } {
  const parts = filename.split('.');
  const extension = (parts.pop() ?? '').toLowerCase();
  return { extension, originalName: parts.join('.') };
}
