import type { ServerContext } from '../context';
import { entityKindOf } from '../crud/entity-kind';
import { modelOf } from '../crud/model-of';
import { serializeById } from '../crud/present';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { isUuid } from '../db/ids';
import { nowDateTime } from '../db/time';
import { notFound } from '../http/errors';
import type { Json } from '../models/serialize';

/** The preview_file columns the upload pipeline reads. */
export interface PreviewRow {
  id: string;
  task_id: string;
  revision: number;
  position: number;
  extension: string | null;
  original_name: string | null;
  status: string;
  data: string | null;
  person_id: string | null;
}

/** The task a preview belongs to, with what its project says about previews. */
export interface PreviewTask {
  id: string;
  project_id: string;
  entity_id: string;
  task_type_id: string;
  fps: string | null;
  resolution: string | null;
  is_set_preview_automated: number | null;
  entity_data: string | null;
}

export type Emit = (name: string, data: Record<string, unknown>, projectId: string | null) => void;

export function findPreviewRow(db: Db, id: string): PreviewRow | undefined {
  return prepareCached(db, 'SELECT * FROM preview_file WHERE id = ?').get(id) as
    PreviewRow | undefined;
}

/** `files_service.get_preview_file`: an unknown or malformed id is a 404. */
export function loadPreviewRow(db: Db, id: unknown): PreviewRow {
  if (!isUuid(id)) throw notFound();
  const row = findPreviewRow(db, id.toLowerCase());
  if (!row) throw notFound();
  return row;
}

export function loadPreviewTask(db: Db, taskId: string): PreviewTask {
  const task = prepareCached(
    db,
    `SELECT t.id, t.project_id, t.entity_id, t.task_type_id, p.fps, p.resolution,
       p.is_set_preview_automated, e.data AS entity_data
     FROM task t JOIN project p ON p.id = t.project_id LEFT JOIN entity e ON e.id = t.entity_id
     WHERE t.id = ?`,
  ).get(taskId) as PreviewTask | undefined;
  if (!task) throw notFound();
  return task;
}

export function serializePreview(db: Db, id: string, relations = false): Json {
  return serializeById(db, modelOf('preview_file'), id, relations);
}

export function previewData(row: PreviewRow): Record<string, unknown> {
  if (!row.data) return {};
  const data: unknown = JSON.parse(row.data);
  return data && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

type ColumnValue = string | number | null;

/**
 * `update_preview_file`'s write (callers raise `preview-file:update` unless Zou's is silent).
 * Answers false when the row is gone (deleted while it was being processed).
 */
export function updatePreviewRow(db: Db, id: string, values: Record<string, ColumnValue>): boolean {
  const columns = Object.keys(values);
  const assignments = [...columns.map((column) => `${column} = ?`), 'updated_at = ?'];
  const result = prepareCached(
    db,
    `UPDATE preview_file SET ${assignments.join(', ')} WHERE id = ?`,
  ).run(...columns.map((column) => values[column] ?? null), nowDateTime(), id);
  return result.changes > 0;
}

export function emitPreviewUpdated(emit: Emit, task: Pick<PreviewTask, 'project_id'>, id: string) {
  emit('preview-file:update', { preview_file_id: id }, task.project_id);
}

/**
 * `tasks_service.update_preview_file_info`: a first-position preview becomes the task's last
 * preview, and the entity's thumbnail when the project automates it.
 */
export function applyPreviewToTask(
  db: Db,
  emit: Emit,
  task: PreviewTask,
  preview: Pick<PreviewRow, 'id' | 'position'>,
): void {
  if (preview.position !== 1) return;
  const now = nowDateTime();
  prepareCached(db, 'UPDATE task SET last_preview_file_id = ?, updated_at = ? WHERE id = ?').run(
    preview.id,
    now,
    task.id,
  );
  if (!task.is_set_preview_automated) return;
  setEntityPreview(db, emit, task.entity_id, preview.id, task.project_id);
}

/**
 * `entities_service.update_entity_preview`: the preview illustrates the entity; events
 * `preview-file:set-main` and `<kind>:update`.
 */
export function setEntityPreview(
  db: Db,
  emit: Emit,
  entityId: string,
  previewId: string,
  projectId: string | null,
): void {
  prepareCached(db, 'UPDATE entity SET preview_file_id = ?, updated_at = ? WHERE id = ?').run(
    previewId,
    nowDateTime(),
    entityId,
  );
  emit('preview-file:set-main', { entity_id: entityId, preview_file_id: previewId }, projectId);
  const entityType = prepareCached(db, 'SELECT entity_type_id FROM entity WHERE id = ?')
    .pluck()
    .get(entityId);
  const kind = entityKindOf(db, entityType).toLowerCase();
  emit(`${kind}:update`, { [`${kind}_id`]: entityId }, projectId);
}

/** The comment showing a preview (`get_comment_by_preview_file_id`), if any. */
export function commentIdOfPreview(db: Db, previewId: string): string | null {
  const id = prepareCached(
    db,
    'SELECT comment FROM comment_preview_link WHERE preview_file = ? LIMIT 1',
  )
    .pluck()
    .get(previewId);
  return typeof id === 'string' ? id : null;
}

/**
 * `emit_app_preview_event`: once a file arrived, the comment showing the preview is updated
 * and `preview-file:add-file` tells clients what kind of file it is.
 */
export function emitFileAdded(db: Db, emit: Emit, task: PreviewTask, previewId: string): void {
  const commentId = commentIdOfPreview(db, previewId);
  const preview = findPreviewRow(db, previewId);
  if (!commentId || !preview) return;
  emit('comment:update', { comment_id: commentId }, task.project_id);
  emit(
    'preview-file:add-file',
    {
      comment_id: commentId,
      task_id: preview.task_id,
      preview_file_id: preview.id,
      revision: preview.revision,
      extension: preview.extension,
      status: preview.status,
    },
    task.project_id,
  );
}

interface PendingEvent {
  name: string;
  data: Record<string, unknown>;
  projectId: string | null;
}

/**
 * Runs `work` in one transaction, then publishes the events it raised (never those of a
 * rolled-back write). `userId` is the caller, or null for the background jobs.
 */
export function writeWithEvents<T>(
  context: ServerContext,
  userId: string | null,
  work: (emit: Emit) => T,
): T {
  const pending: PendingEvent[] = [];
  const emit: Emit = (name, data, projectId) => pending.push({ name, data, projectId });
  const result = context.db.transaction(() => work(emit))();
  for (const event of pending) context.events.emit({ ...event, userId });
  return result;
}
