import type { Db } from '../db/database';
import { fromStored, type Json } from '../models/serialize';
import { inJsonList, prepareCached } from './sql';

interface PreviewRow {
  comment: string;
  id: string;
  task_id: string;
  revision: number;
  extension: string;
  width: number;
  height: number;
  duration: number;
  status: string | null;
  validation_status: string | null;
  original_name: string | null;
  position: number;
  annotations: string | null;
}

/**
 * `_build_preview_map_for_comments`: comment id → its previews as Kitsu embeds them, in one
 * query for any number of comments. Clients never see rejected previews.
 */
export function commentPreviewMap(db: Db, ids: string[], isClient: boolean): Map<string, Json[]> {
  const condition = inJsonList('l.comment', ids);
  const rows = prepareCached(
    db,
    `SELECT l.comment, p.id, p.task_id, p.revision, p.extension, p.width, p.height, p.duration,
       p.status, p.validation_status, p.original_name, p.position, p.annotations
     FROM preview_file p JOIN comment_preview_link l ON l.preview_file = p.id
     WHERE ${condition.sql}
     ORDER BY p.revision, p.position, p.created_at`,
  ).all(...condition.params) as PreviewRow[];
  const map = new Map<string, Json[]>();
  for (const row of rows) {
    const validationStatus = row.validation_status ?? 'neutral';
    if (isClient && validationStatus === 'rejected') continue;
    const preview = {
      id: row.id,
      task_id: row.task_id,
      revision: row.revision,
      extension: row.extension,
      width: row.width,
      height: row.height,
      duration: row.duration,
      status: row.status ?? 'ready',
      validation_status: validationStatus,
      original_name: row.original_name,
      position: row.position,
      annotations: fromStored('json', row.annotations),
    };
    map.set(row.comment, [...(map.get(row.comment) ?? []), preview]);
  }
  return map;
}
