import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import type { CsvValue } from './python-csv';

/** `ProjectsCsvExport`: every project with a status, by name: `Name;Status`. */
export function projectsTable(db: Db): CsvValue[][] {
  const rows = prepareCached(
    db,
    `SELECT p.name, s.name AS status FROM project p
     JOIN project_status s ON s.id = p.project_status_id ORDER BY p.name`,
  ).all() as { name: string; status: string }[];
  return [['Name', 'Status'], ...rows.map((row) => [row.name, row.status])];
}
