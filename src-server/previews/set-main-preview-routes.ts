import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readBody } from '../auth/body';
import { loadTask } from '../comments/lookups';
import type { ServerContext } from '../context';
import { prepareCached } from '../crud/sql';
import { badRequest, forbidden, notFound } from '../http/errors';
import type { Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';
import { serializeEntity } from '../production/entity-views';
import { entityKindOf } from '../crud/entity-kind';
import { asInt, Invalid } from '../production/pydantic-values';
import { replacePreviewThumbnails } from './frame-thumbnail';
import { loadPreviewRow, setEntityPreview, writeWithEvents } from './preview-rows';
import { previewPath } from './preview-storage';

/** `frame_number: Optional[int] = Field(None, ge=0)`. */
const setMainSchema = z.object({
  frame_number: z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      try {
        const frame = asInt(value);
        if (frame >= 0) return frame;
        ctx.addIssue({ code: 'custom', message: 'Input should be greater than or equal to 0' });
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
      }
      return z.NEVER;
    }),
});

/** `get_last_preview_file_for_task`: the highest revision, the first made of it. */
function lastPreviewOfTask(context: ServerContext, taskId: string): string | null {
  const id = prepareCached(
    context.db,
    `SELECT id FROM preview_file WHERE task_id = ?
     ORDER BY revision DESC, created_at ASC LIMIT 1`,
  )
    .pluck()
    .get(taskId);
  return typeof id === 'string' ? id : null;
}

/** The entity as `update_entity_preview` answers it. */
function entityAnswer(context: ServerContext, entityId: string) {
  const row = prepareCached(context.db, 'SELECT * FROM entity WHERE id = ?').get(entityId) as
    Row | undefined;
  if (!row) throw notFound();
  // `entity.serialize()`: the generic model's type, whatever the entity's kind.
  return {
    ...serializeEntity(context.db, row, entityKindOf(context.db, row.entity_type_id)),
    type: 'Entity',
  };
}

/**
 * The entity's main preview (REFERENCE §5 "set-main-preview"): a task's last preview, or a
 * given one, whose thumbnails a movie frame may replace first. Clients may not.
 */
export function registerSetMainPreviewRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.put<{ Params: { task_id: string } }>(
    '/actions/tasks/:task_id/set-main-preview',
    async (request) => {
      const access = accessOf(db, request);
      const task = loadTask(db, request.params.task_id);
      access.requireProjectAccess(task.project_id);
      access.requireEntityAccess(task.entity_id, task.project_id);
      if (access.isClient(task.project_id)) throw forbidden();
      const previewId = lastPreviewOfTask(context, task.id);
      if (!previewId) {
        throw badRequest('This task has no preview file to set as the main preview.');
      }
      writeWithEvents(context, access.personId, (emit) =>
        setEntityPreview(db, emit, task.entity_id, previewId, task.project_id),
      );
      return entityAnswer(context, task.entity_id);
    },
  );

  api.put<{ Params: { preview_file_id: string } }>(
    '/actions/preview-files/:preview_file_id/set-main-preview',
    async (request) => {
      const body = readBody(request, setMainSchema, 'SetMainPreviewSchema');
      const access = accessOf(db, request);
      const preview = loadPreviewRow(db, request.params.preview_file_id);
      const task = loadTask(db, preview.task_id);
      access.requireProjectAccess(task.project_id);
      access.requireEntityAccess(task.entity_id, task.project_id);
      if (access.isClient(task.project_id)) throw forbidden();
      if (body.frame_number !== null) {
        const movie = previewPath(context.dataDir, 'movie-previews', preview.id, 'mp4');
        if (preview.extension !== 'mp4' || !existsSync(movie)) {
          throw badRequest("Can't use a given frame on non movie preview");
        }
        await replacePreviewThumbnails(context, preview.id, movie, body.frame_number);
      }
      writeWithEvents(context, access.personId, (emit) =>
        setEntityPreview(db, emit, task.entity_id, preview.id, task.project_id),
      );
      return entityAnswer(context, task.entity_id);
    },
  );
}
