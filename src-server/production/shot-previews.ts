import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { fromStored, type Json, type Row } from '../models/serialize';

/**
 * `playlists_service.get_preview_files_for_entity`: the entity's previews keyed by task type,
 * task types by priority (desc, no priority first as PostgreSQL sorts it) then name, revisions
 * newest first; the extra files of a revision nest under its first one in `previews`.
 */
export function previewFilesOfEntity(db: Db, entityId: string): Record<string, Json[]> {
  const rows = prepareCached(
    db,
    `SELECT pf.*, t.task_type_id AS __task_type_id FROM task t
     JOIN preview_file pf ON pf.task_id = t.id
     JOIN task_type tt ON tt.id = t.task_type_id
     WHERE t.entity_id = ?
     ORDER BY tt.priority IS NULL DESC, tt.priority DESC, tt.name, pf.revision DESC,
       pf.created_at`,
  ).all(entityId) as Row[];
  const byTask = new Map<string, Json[]>();
  for (const row of rows) {
    const taskId = String(row.task_id);
    let previews = byTask.get(taskId);
    if (!previews) byTask.set(taskId, (previews = []));
    previews.push(previewEntry(row));
  }
  const result: Record<string, Json[]> = {};
  for (const previews of byTask.values()) {
    const taskTypeId = String(previews[0]?.task_type_id);
    result[taskTypeId] = nestRevisions(previews).map(
      ({ position: _p, task_type_id: _t, ...rest }) => rest,
    );
  }
  return result;
}

function previewEntry(row: Row): Json {
  const data = (fromStored('json', row.data) as Record<string, unknown> | null) ?? {};
  return {
    id: row.id,
    revision: row.revision,
    position: row.position,
    original_name: row.original_name,
    extension: row.extension,
    width: row.width,
    height: row.height,
    duration: Number(row.duration ?? 0),
    status: row.status,
    annotations: fromStored('json', row.annotations),
    created_at: row.created_at,
    task_id: row.task_id,
    task_type_id: row.__task_type_id,
    original_width: data.original_width ?? null,
    original_height: data.original_height ?? null,
    original_duration: data.original_duration ?? null,
    original_file_size: data.original_file_size ?? null,
  };
}

/** `mix_preview_file_revisions`: the first file of each revision carries the others. */
function nestRevisions(previews: Json[]): Json[] {
  const firsts = new Map<unknown, Json>();
  const result: Json[] = [];
  for (const preview of previews) {
    const first = firsts.get(preview.revision);
    if (first) {
      (first.previews as Json[]).push(preview);
    } else {
      preview.previews = [];
      firsts.set(preview.revision, preview);
      result.push(preview);
    }
  }
  return result;
}
