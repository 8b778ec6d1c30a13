import { modelOf } from '../crud/model-of';
import { serializeRows } from '../crud/present';
import { deleteModelRow } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { isUuid } from '../db/ids';
import { notFound } from '../http/errors';
import type { Json } from '../models/serialize';

export const backgroundFileModel = modelOf('preview_background_file');

export interface BackgroundFileRow {
  id: string;
  name: string;
  extension: string | null;
  original_name: string | null;
  file_size: number | null;
  updated_at: string;
  [column: string]: unknown;
}

export function findBackgroundFile(db: Db, id: string): BackgroundFileRow | undefined {
  return prepareCached(db, 'SELECT * FROM preview_background_file WHERE id = ?').get(id) as
    BackgroundFileRow | undefined;
}

/** `files_service.get_preview_background_file`: a malformed or unknown id is a 404. */
export function loadBackgroundFile(db: Db, id: unknown): BackgroundFileRow {
  if (!isUuid(id)) throw notFound();
  const row = findBackgroundFile(db, id.toLowerCase());
  if (!row) throw notFound();
  return row;
}

export function serializeBackgroundFiles(db: Db, rows: BackgroundFileRow[]): Json[] {
  return serializeRows(db, backgroundFileModel, rows, false);
}

/** `get_project_preview_background_files`: the files the project's settings list. */
export function backgroundFilesOfProject(db: Db, projectId: string): BackgroundFileRow[] {
  return prepareCached(
    db,
    `SELECT f.* FROM project_preview_background_file_link l
     JOIN preview_background_file f ON f.id = l.preview_background_file_id
     WHERE l.project_id = ? ORDER BY l.rowid`,
  ).all(projectId) as BackgroundFileRow[];
}

/**
 * `remove_preview_background_file_by_id` after a refused upload. A file a project still points
 * at stays (Zou's delete would fail on that reference); answers whether the row went.
 */
export function deleteUnreferencedBackgroundFile(db: Db, id: string): boolean {
  const referenced = prepareCached(
    db,
    `SELECT 1 FROM project WHERE default_preview_background_file_id = ?
     UNION ALL SELECT 1 FROM project_preview_background_file_link
       WHERE preview_background_file_id = ?
     UNION ALL SELECT 1 FROM project_template WHERE default_preview_background_file_id = ?
     UNION ALL SELECT 1 FROM project_template_preview_background_file_link
       WHERE preview_background_file_id = ?
     LIMIT 1`,
  ).get(id, id, id, id);
  if (referenced) return false;
  deleteModelRow(db, backgroundFileModel, id);
  return true;
}
