import type { FastifyInstance, FastifyRequest } from 'fastify';
import { discardStagedFiles } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { removePreviewFile } from '../crud/cascades/preview-file';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { reuploadRefused, type AcceptedUpload } from './accepted-upload';
import type { MovieJobs } from './movie-jobs';
import { storeMovieUpload } from './movie-upload';
import { storePictureUpload } from './picture-upload';
import { previewFamilyOf, splitUploadName } from './preview-formats';
import { loadPreviewRow, loadPreviewTask } from './preview-rows';
import { readPreviewUploadForm, type PreviewUploadForm } from './preview-upload-form';
import { storeFileAsIs } from './stored-as-is-upload';

/** `get_bool_parameter`: the query value, lowercased, equals "true". */
function queryFlag(request: FastifyRequest, name: string, fallback: boolean): boolean {
  const raw = (request.query as Record<string, unknown> | undefined)?.[name];
  const value: unknown = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.toLowerCase() === 'true' : fallback;
}

/** `process_uploaded_file`: by the extension's family (the form let known ones through only). */
async function storeUpload(request: FastifyRequest, upload: AcceptedUpload, jobs: MovieJobs) {
  switch (previewFamilyOf(upload.name.extension)) {
    case 'picture':
      return storePictureUpload(upload);
    case 'movie': {
      const normalize = queryFlag(request, 'normalize', true);
      return storeMovieUpload(upload, jobs, {
        normalize,
        waitForProcessing: !normalize || queryFlag(request, 'no_job', false),
      });
    }
    default:
      return storeFileAsIs(upload);
  }
}

/**
 * `POST /pictures/preview-files/{id}` (REFERENCE §5): the file of a preview row made by
 * add-preview. Checked before a byte is read: the row exists, has no file yet (nor one on its
 * way), and the caller may act on its task. Stills are ready at once, movies go to the job
 * queue, the other listed formats are kept as they are, anything else deletes the row.
 */
export function registerUploadPreviewRoute(
  api: FastifyInstance,
  context: ServerContext,
  jobs: MovieJobs,
): void {
  const { db } = context;
  // Rows whose upload is streaming now: a second upload to one of them is a re-upload.
  const uploading = new Set<string>();

  api.post<{ Params: { preview_file_id: string } }>(
    '/pictures/preview-files/:preview_file_id',
    async (request, reply) => {
      const access = accessOf(db, request);
      const preview = loadPreviewRow(db, request.params.preview_file_id);
      if (preview.original_name || uploading.has(preview.id)) throw reuploadRefused();
      const task = loadPreviewTask(db, preview.task_id);
      access.requireTaskActionAccess(task);

      uploading.add(preview.id);
      let form: PreviewUploadForm | null = null;
      try {
        form = await readPreviewUploadForm(request, context);
        if (form.kind === 'missing') throw badRequest('File not provided.');
        if (form.kind === 'unknown-format') {
          db.transaction(() => removePreviewFile(db, preview.id))();
          throw badRequest(`Wrong file format, extension: ${form.extension}`);
        }
        const name = splitUploadName(form.file.filename);
        const upload: AcceptedUpload = {
          context,
          userId: access.personId,
          preview,
          task,
          file: form.file,
          name,
        };
        return reply.code(201).send(await storeUpload(request, upload, jobs));
      } finally {
        uploading.delete(preview.id);
        if (form?.kind === 'file') discardStagedFiles([form.file]);
      }
    },
  );
}
