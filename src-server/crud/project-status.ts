import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { prepareCached } from './sql';

/** `projects_service.get_or_create_status("Open")`: the status new projects start in. */
export function openProjectStatusId(db: Db): string {
  const row = prepareCached(db, "SELECT id FROM project_status WHERE name = 'Open'").get() as
    { id: string } | undefined;
  if (row) return row.id;
  const id = newId();
  const now = nowDateTime();
  prepareCached(
    db,
    `INSERT INTO project_status (id, created_at, updated_at, name, color)
     VALUES (?, ?, ?, 'Open', '#000000')`,
  ).run(id, now, now);
  return id;
}

export function projectStatusName(db: Db, statusId: unknown): string | null {
  const row = prepareCached(db, 'SELECT name FROM project_status WHERE id = ?').get(statusId) as
    { name: string } | undefined;
  return row?.name ?? null;
}
