import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { formatDate, formatDateTime } from '../db/time';
import { ASSET_TYPE_NAMES } from './base-data';
import type { BaseIds } from './base-lookup';
import { DEMO_PROJECT } from './demo-catalog';
import { addDays, startOfUtcDay } from './demo-history';
import { demoFileTree } from './file-trees';

// The order the demo's statuses appear in on boards and in the status pickers.
const PROJECT_STATUS_ORDER = [
  'todo',
  'ready',
  'wip',
  'wfa',
  'retake',
  'done',
  'neutral',
  'approved',
  'rejected',
];

export interface ProjectDates {
  /** When the production was set up; every demo row is created after it. */
  createdAt: Date;
  startDate: Date;
  endDate: Date;
}

export function projectDates(now: Date): ProjectDates {
  const today = startOfUtcDay(now);
  return {
    createdAt: addDays(today, -95),
    startDate: addDays(today, -90),
    endDate: addDays(today, 120),
  };
}

export function createDemoProject(db: Db, base: BaseIds, dates: ProjectDates): string {
  const id = newId();
  const createdAt = formatDateTime(dates.createdAt);
  db.prepare(
    `INSERT INTO project (id, created_at, updated_at, name, code, description, file_tree, data,
       fps, ratio, resolution, production_type, production_style, start_date, end_date,
       project_status_id, homepage, max_retakes)
     VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, 'assets', 0)`,
  ).run(
    id,
    createdAt,
    createdAt,
    DEMO_PROJECT.name,
    DEMO_PROJECT.code,
    DEMO_PROJECT.description,
    JSON.stringify(demoFileTree()),
    DEMO_PROJECT.fps,
    DEMO_PROJECT.ratio,
    DEMO_PROJECT.resolution,
    DEMO_PROJECT.productionType,
    DEMO_PROJECT.productionStyle,
    formatDate(dates.startDate),
    formatDate(dates.endDate),
    base.projectStatus('Open'),
  );
  const linkAssetType = db.prepare(
    'INSERT INTO project_asset_type_link (project_id, asset_type_id) VALUES (?, ?)',
  );
  for (const name of ASSET_TYPE_NAMES) linkAssetType.run(id, base.entityType(name));

  const linkStatus = db.prepare(
    `INSERT INTO project_task_status_link (created_at, updated_at, project_id, task_status_id,
       priority) VALUES (?, ?, ?, ?, ?)`,
  );
  PROJECT_STATUS_ORDER.forEach((shortName, index) => {
    linkStatus.run(createdAt, createdAt, id, base.taskStatus(shortName).id, index + 1);
  });
  return id;
}

/** Appends task types to the project's list, after the ones it already has. */
export function linkProjectTaskTypes(
  db: Db,
  projectId: string,
  taskTypeIds: readonly string[],
  createdAt: string,
): void {
  const row = db
    .prepare(
      'SELECT COALESCE(MAX(priority), 0) AS n FROM project_task_type_link WHERE project_id = ?',
    )
    .get(projectId) as { n: number };
  const link = db.prepare(
    `INSERT OR IGNORE INTO project_task_type_link (created_at, updated_at, project_id,
       task_type_id, priority) VALUES (?, ?, ?, ?, ?)`,
  );
  taskTypeIds.forEach((taskTypeId, index) => {
    link.run(createdAt, createdAt, projectId, taskTypeId, row.n + index + 1);
  });
}

export function addToTeam(db: Db, projectId: string, personIds: Iterable<string>): void {
  const link = db.prepare(
    'INSERT OR IGNORE INTO project_person_link (project_id, person_id) VALUES (?, ?)',
  );
  for (const personId of personIds) link.run(projectId, personId);
}
