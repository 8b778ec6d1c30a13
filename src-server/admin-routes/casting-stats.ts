import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';

interface CastAsset {
  canceled: number | null;
  is_shared: number | null;
  project_id: string;
  ready_for: string | null;
}

/**
 * `refresh_shot_casting_stats`: each task of the shot counts the cast assets ready for it (a
 * shared asset of another project always is; otherwise its `ready_for` step must not come
 * before the task's step in the project's shot pipeline). Clients hear it unrecorded.
 */
export function refreshShotCastingStats(call: CrudCall, shotId: string, projectId: string): void {
  const { db } = call;
  const priorities = new Map(
    (
      prepareCached(
        db,
        `SELECT l.task_type_id, l.priority FROM project_task_type_link l
         JOIN task_type tt ON tt.id = l.task_type_id
         WHERE l.project_id = ? AND tt.for_entity = 'Shot'`,
      ).all(projectId) as { task_type_id: string; priority: number | null }[]
    ).map((row) => [row.task_type_id, row.priority]),
  );
  const casting = prepareCached(
    db,
    `SELECT a.canceled, a.is_shared, a.project_id, a.ready_for FROM entity_link l
     JOIN entity a ON a.id = l.entity_out_id WHERE l.entity_in_id = ?`,
  ).all(shotId) as CastAsset[];
  const tasks = prepareCached(
    db,
    'SELECT id, project_id, task_type_id FROM task WHERE entity_id = ? ORDER BY rowid',
  ).all(shotId) as { id: string; project_id: string | null; task_type_id: string }[];
  const update = prepareCached(
    db,
    'UPDATE task SET nb_assets_ready = ?, updated_at = ? WHERE id = ?',
  );
  const now = nowDateTime();
  for (const task of tasks) {
    const ready = casting.filter((asset) => {
      if (asset.canceled) return false;
      if (asset.is_shared && asset.project_id !== task.project_id) return true;
      if (asset.ready_for === null) return false;
      // Python's `x or -1` / `x or 0`: a missing or zero priority falls back.
      const readyPriority = priorities.get(asset.ready_for) || -1;
      const taskPriority = priorities.get(task.task_type_id) || 0;
      return taskPriority <= readyPriority;
    }).length;
    update.run(ready, now, task.id);
    call.emit(
      'task:update-casting-stats',
      { task_id: task.id, nb_assets_ready: ready },
      projectId,
      { persist: false },
    );
  }
}
