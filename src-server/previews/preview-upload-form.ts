import type { FastifyRequest } from 'fastify';
import { readMultipartForm, type StagedFile } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { previewFamilyOf, splitUploadName } from './preview-formats';
import { previewStagingPath } from './preview-storage';

/** What the multipart body held in its `file` field. */
export type PreviewUploadForm =
  | { kind: 'file'; file: StagedFile }
  | { kind: 'unknown-format'; extension: string }
  | { kind: 'missing' };

const UPLOAD_FIELD = 'file';

function isAcceptedFormat(filename: string): boolean {
  return previewFamilyOf(splitUploadName(filename).extension) !== null;
}

/**
 * `request.files["file"]`, streamed to the previews' staging folder (same disk as the store)
 * and refused past `maxPreviewBytes`. A format Zou refuses, and every other file part, is read
 * through without a byte written; an interrupted upload leaves no staged file behind.
 */
export async function readPreviewUploadForm(
  request: FastifyRequest,
  context: ServerContext,
): Promise<PreviewUploadForm> {
  if (!request.isMultipart()) return { kind: 'missing' };
  const form = await readMultipartForm(request, context.dataDir, context.settings.maxPreviewBytes, {
    stagingPath: () => previewStagingPath(context.dataDir),
    acceptFile: (fieldName, filename) => fieldName === UPLOAD_FIELD && isAcceptedFormat(filename),
  });
  const file = form.files.find((staged) => staged.fieldName === UPLOAD_FIELD);
  if (file) return { kind: 'file', file };
  const refused = form.refusedFiles.find((part) => part.fieldName === UPLOAD_FIELD);
  if (refused)
    return { kind: 'unknown-format', extension: splitUploadName(refused.filename).extension };
  return { kind: 'missing' };
}
