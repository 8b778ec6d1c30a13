import type { FastifyInstance } from 'fastify';
import { discardStagedFiles } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { badRequest, notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { requireProject } from '../production/lookup';
import { checkProjectAccess } from '../production/project-access';
import {
  backgroundFileModel,
  backgroundFilesOfProject,
  loadBackgroundFile,
  serializeBackgroundFiles,
} from './background-file-rows';
import {
  BACKGROUND_EXTENSIONS,
  dropRefusedBackgroundFile,
  storeBackgroundUpload,
} from './background-file-upload';
import { readFileField, splitFileName, type FileFieldForm } from './file-field-form';
import { backgroundFilePath, isStorableExtension, thumbnailPath } from './picture-storage';
import { pictureMimetype, sendStoredFile } from './send-stored-file';

interface FileParams {
  preview_background_file_id: string;
}

/**
 * Preview background files (the HDR environments of Kitsu's 3D viewer): a project's list, the
 * upload of a file onto a row made through the CRUD, the file and its thumbnail.
 */
export function registerBackgroundFileRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.get<{ Params: { project_id: string } }>(
    '/data/projects/:project_id/settings/preview-background-files',
    async (request) => {
      checkProjectAccess(accessOf(db, request), db, request.params.project_id);
      const project = requireProject(db, request.params.project_id);
      return serializeBackgroundFiles(db, backgroundFilesOfProject(db, String(project.id)));
    },
  );

  api.post<{ Params: FileParams }>(
    '/pictures/preview-background-files/:preview_background_file_id',
    async (request, reply) => {
      accessOf(db, request).requireAdmin();
      const row = loadBackgroundFile(db, request.params.preview_background_file_id);
      const call = new CrudCall(context, request, backgroundFileModel);
      let form: FileFieldForm | null = null;
      try {
        form = await readFileField(request, context, (filename) =>
          BACKGROUND_EXTENSIONS.has(splitFileName(filename).extension),
        );
        if (form.kind === 'missing') throw badRequest('File not provided.');
        if (form.kind === 'refused') {
          dropRefusedBackgroundFile(call, row);
          const { extension } = splitFileName(form.filename);
          throw badRequest(`Wrong file format, extension: ${extension}`);
        }
        const name = splitFileName(form.file.filename);
        return reply.code(201).send(await storeBackgroundUpload(call, row, form.file, name));
      } finally {
        if (form?.kind === 'file') discardStagedFiles([form.file]);
      }
    },
  );

  api.get<{ Params: FileParams & { extension: string } }>(
    '/pictures/preview-background-files/:preview_background_file_id.:extension',
    async (request, reply) => {
      const row = loadBackgroundFile(db, request.params.preview_background_file_id);
      const extension = request.params.extension.toLowerCase();
      if (row.extension !== extension || !isStorableExtension(extension)) throw notFound();
      return sendStoredFile(request, reply, {
        path: backgroundFilePath(context.dataDir, row.id, extension),
        mimetype: pictureMimetype(extension),
        lastModified: row.updated_at,
        inlineName: `${row.original_name ?? ''}.${extension}`,
      });
    },
  );

  api.get<{ Params: FileParams }>(
    '/pictures/thumbnails/preview-background-files/:preview_background_file_id.png',
    async (request, reply) => {
      const row = loadBackgroundFile(db, request.params.preview_background_file_id);
      return sendStoredFile(request, reply, {
        path: thumbnailPath(context.dataDir, 'preview-background-files', row.id),
        mimetype: 'image/png',
        lastModified: row.updated_at,
      });
    },
  );
}
