import type { FastifyInstance } from 'fastify';
import { organisationRow } from '../auth/organisation';
import { discardStagedFiles } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { isUuid } from '../db/ids';
import { nowDateTime } from '../db/time';
import { badRequest, notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { readFileField, type FileFieldForm } from './file-field-form';
import { BIG_SQUARE, thumbnailOfPictureFile, UnreadablePicture } from './picture-thumbnails';
import { pictureStagingPath, removePicture, storePicture, thumbnailPath } from './picture-storage';
import { sendStoredFile } from './send-stored-file';

interface OrganisationParams {
  organisation_id: string;
}

/**
 * The studio's logo (`OrganisationThumbnailResource`): admins upload any picture, stored as a
 * 400×400 PNG; everyone signed in reads it once the organisation says it has one.
 */
export function registerOrganisationThumbnailRoutes(
  api: FastifyInstance,
  context: ServerContext,
): void {
  const { db, dataDir } = context;

  api.post<{ Params: OrganisationParams }>(
    '/pictures/thumbnails/organisations/:organisation_id',
    async (request, reply) => {
      const organisation = organisationRow(db);
      accessOf(db, request).requireAdmin();
      let form: FileFieldForm | null = null;
      const staged = pictureStagingPath(dataDir, 'png');
      try {
        form = await readFileField(request, context);
        if (form.kind !== 'file') throw badRequest('File not provided.');
        // Zou stores the picture under the id of the URL, then fails to find that organisation.
        const id = request.params.organisation_id.toLowerCase();
        if (!isUuid(id) || id !== organisation.id) throw notFound();
        try {
          await thumbnailOfPictureFile(form.file.path, BIG_SQUARE, staged);
        } catch (error) {
          if (!(error instanceof UnreadablePicture)) throw error;
          throw badRequest(`The uploaded picture could not be read: ${error.message}`);
        }
        storePicture(staged, thumbnailPath(dataDir, 'organisations', id));
        const call = new CrudCall(context, request, modelOf('organisation'));
        call.write(() => {
          prepareCached(
            db,
            'UPDATE organisation SET has_avatar = 1, updated_at = ? WHERE id = ?',
          ).run(nowDateTime(), id);
          call.emit('organisation:update', { organisation_id: id });
          call.emit('organisation:set-thumbnail', { organisation_id: id });
        });
        return reply
          .code(201)
          .send({ thumbnail_path: `pictures/thumbnails/organisations/${id}.png` });
      } finally {
        removePicture(staged);
        if (form?.kind === 'file') discardStagedFiles([form.file]);
      }
    },
  );

  api.get<{ Params: OrganisationParams }>(
    '/pictures/thumbnails/organisations/:organisation_id.png',
    async (request, reply) => {
      const organisation = organisationRow(db);
      if (!organisation.has_avatar) throw notFound();
      const id = request.params.organisation_id;
      return sendStoredFile(request, reply, {
        path: isUuid(id) ? thumbnailPath(dataDir, 'organisations', id) : null,
        mimetype: 'image/png',
        lastModified: String(organisation.updated_at),
      });
    },
  );
}
