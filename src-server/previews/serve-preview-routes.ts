import { statSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { slugify } from '../../src-shared/slugify';
import { organisationRow } from '../auth/organisation';
import { loadTask } from '../comments/lookups';
import { sendFile } from '../comments/send-file';
import type { ServerContext } from '../context';
import { prepareCached } from '../crud/sql';
import { isUuid } from '../db/ids';
import { badRequest, notFound } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { fullEntityNames } from '../production/news';
import { STORED_AS_IS_EXTENSIONS } from './preview-formats';
import { findMovieSource, previewPath, type PreviewVariant } from './preview-storage';

const STORED_AS_IS = new Set<string>(STORED_AS_IS_EXTENSIONS);

interface PreviewRow {
  id: string;
  task_id: string | null;
  revision: number;
  position: number;
  extension: string | null;
  original_name: string | null;
  updated_at: string;
}

const ONE_WEEK = 604800;

/** `<id>.<ext>` of a route's last segment, the id checked. */
function splitFile(file: string): { id: string; extension: string } {
  const dot = file.lastIndexOf('.');
  const id = dot < 0 ? file : file.slice(0, dot);
  if (!isUuid(id)) throw notFound();
  return { id: id.toLowerCase(), extension: dot < 0 ? '' : file.slice(dot + 1).toLowerCase() };
}

/**
 * The preview, once the caller may see it. `BasePreviewFileResource`: task access. The
 * thumbnail routes (`BasePreviewFileThumbnailResource`): project and entity access, except for
 * the main preview of a shared entity, which anyone but a vendor may see.
 */
function loadPreview(
  context: ServerContext,
  request: FastifyRequest,
  id: string,
  check: 'task' | 'thumbnail' = 'task',
): PreviewRow {
  if (!isUuid(id)) throw notFound();
  const preview = prepareCached(
    context.db,
    `SELECT id, task_id, revision, position, extension, original_name, updated_at
     FROM preview_file WHERE id = ?`,
  ).get(id.toLowerCase()) as PreviewRow | undefined;
  if (!preview?.task_id) throw notFound();
  const access = accessOf(context.db, request);
  const task = loadTask(context.db, preview.task_id);
  if (check === 'task') {
    access.requireTaskAccess(task);
    return preview;
  }
  const entity = prepareCached(
    context.db,
    'SELECT preview_file_id, is_shared FROM entity WHERE id = ?',
  ).get(task.entity_id) as { preview_file_id: string | null; is_shared: number } | undefined;
  const sharedMain =
    entity?.preview_file_id === preview.id &&
    entity.is_shared === 1 &&
    !access.isVendor(task.project_id);
  if (!sharedMain) {
    access.requireProjectAccess(task.project_id);
    access.requireEntityAccess(task.entity_id, task.project_id);
  }
  return preview;
}

/** `names_service.get_preview_file_name`: project_entity_tasktype_v<rev>[-<position>].<ext>. */
function downloadName(context: ServerContext, preview: PreviewRow, extension: string): string {
  let name: string;
  const useOriginal = organisationRow(context.db).use_original_file_name === 1;
  if (useOriginal && preview.original_name !== null) {
    name = preview.original_name;
  } else {
    const facts = prepareCached(
      context.db,
      `SELECT p.name AS project, t.entity_id, tt.name AS task_type FROM task t
       JOIN project p ON p.id = t.project_id JOIN task_type tt ON tt.id = t.task_type_id
       WHERE t.id = ?`,
    ).get(preview.task_id) as { project: string; entity_id: string; task_type: string };
    const entity = fullEntityNames(context.db, [facts.entity_id]).get(facts.entity_id)?.name ?? '';
    name = slugify(`${facts.project}_${entity}_${facts.task_type}_v${preview.revision}`, '_');
  }
  if (preview.position > 1) name = `${name}-${preview.position}`;
  return `${name}.${extension}`;
}

/** The first stored form that exists, in the order asked. */
function firstStored(
  context: ServerContext,
  id: string,
  forms: (PreviewVariant | 'source')[],
): string | null {
  for (const form of forms) {
    const path =
      form === 'source'
        ? findMovieSource(context.dataDir, id)
        : previewPath(context.dataDir, form, id, form.startsWith('movie-') ? 'mp4' : 'png');
    if (path && sendable(path)) return path;
  }
  return null;
}

function sendable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string | null,
  preview: PreviewRow,
  mimetype: string,
  download?: string,
): void {
  const sent =
    path !== null &&
    sendFile(request, reply, path, {
      mimetype,
      lastModified: preview.updated_at,
      maxAgeSeconds: ONE_WEEK,
      ...(download !== undefined ? { downloadName: download, asAttachment: true } : {}),
    });
  if (!sent) throw notFound();
}

interface FileParams {
  file: string;
}
interface IdParams {
  preview_file_id: string;
}

const MOVIE_FORMS = {
  originals: ['movie-previews', 'movie-lowdef', 'source'],
  low: ['movie-lowdef', 'movie-previews', 'source'],
  source: ['source'],
} as const;

const PICTURE_FORMS = {
  thumbnails: 'thumbnails',
  'thumbnails-square': 'thumbnails-square',
  previews: 'previews',
} as const;

/** Serving previews (REFERENCE §5): movies, pictures and their downloads, with Range and ETag. */
export function registerServePreviewRoutes(api: FastifyInstance, context: ServerContext): void {
  for (const [prefix, forms] of Object.entries(MOVIE_FORMS)) {
    api.get<{ Params: FileParams }>(`/movies/${prefix}/preview-files/:file`, async (req, reply) => {
      const { id, extension } = splitFile(req.params.file);
      if (extension !== 'mp4') throw notFound();
      const preview = loadPreview(context, req, id);
      send(req, reply, firstStored(context, id, [...forms]), preview, 'video/mp4');
      return reply;
    });
  }

  api.get<{ Params: IdParams }>(
    '/movies/originals/preview-files/:preview_file_id/download',
    async (req, reply) => {
      const preview = loadPreview(context, req, req.params.preview_file_id);
      const path = firstStored(context, preview.id, [...MOVIE_FORMS.originals]);
      send(req, reply, path, preview, 'video/mp4', downloadName(context, preview, 'mp4'));
      return reply;
    },
  );

  api.get<{ Params: FileParams }>('/movies/tiles/preview-files/:file', async (req, reply) => {
    const { id, extension } = splitFile(req.params.file);
    if (extension !== 'png') throw notFound();
    const preview = loadPreview(context, req, id);
    send(req, reply, firstStored(context, id, ['tiles']), preview, 'image/png');
    return reply;
  });

  for (const [prefix, form] of Object.entries(PICTURE_FORMS)) {
    api.get<{ Params: FileParams }>(
      `/pictures/${prefix}/preview-files/:file`,
      async (req, reply) => {
        const { id, extension } = splitFile(req.params.file);
        if (extension !== 'png') throw notFound();
        const check = prefix === 'previews' ? 'task' : 'thumbnail';
        const preview = loadPreview(context, req, id, check);
        send(req, reply, firstStored(context, id, [form]), preview, 'image/png');
        return reply;
      },
    );
  }

  // The original: the PNG of a still, or a stored-as-is file under its own extension.
  api.get<{ Params: FileParams }>('/pictures/originals/preview-files/:file', async (req, reply) => {
    const { id, extension } = splitFile(req.params.file);
    const preview = loadPreview(context, req, id, extension === 'png' ? 'thumbnail' : 'task');
    if (extension !== 'png' && !STORED_AS_IS.has(extension)) {
      throw badRequest(`Extension not allowed: ${extension}`);
    }
    send(req, reply, originalPath(context, id, extension), preview, pictureType(extension));
    return reply;
  });

  api.get<{ Params: IdParams }>(
    '/pictures/originals/preview-files/:preview_file_id/download',
    async (req, reply) => {
      const preview = loadPreview(context, req, req.params.preview_file_id);
      const extension = (preview.extension ?? 'png').toLowerCase();
      // A movie's "original" is its normalized movie, as Zou sends it.
      const path =
        extension === 'mp4'
          ? firstStored(context, preview.id, [...MOVIE_FORMS.originals])
          : originalPath(context, preview.id, extension);
      const type = extension === 'mp4' ? 'video/mp4' : pictureType(extension);
      send(req, reply, path, preview, type, downloadName(context, preview, extension));
      return reply;
    },
  );
}

function originalPath(context: ServerContext, id: string, extension: string): string | null {
  if (!/^[a-z0-9]{1,8}$/.test(extension)) return null;
  if (extension === 'png') return firstStored(context, id, ['original']);
  const path = previewPath(context.dataDir, 'files', id, extension);
  return sendable(path) ? path : null;
}

/** Zou's types for originals: PNG, PDF, Radiance HDR, anything else as bytes. */
function pictureType(extension: string): string {
  if (extension === 'png') return 'image/png';
  if (extension === 'pdf') return 'application/pdf';
  if (extension === 'hdr') return 'image/vnd.radiance';
  return 'application/octet-stream';
}
