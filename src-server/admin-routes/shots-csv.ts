import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { fromStored } from '../models/serialize';
import { formatFixed2 } from './python-format';
import type { CsvValue } from './python-csv';

export interface ShotsCsvFilter {
  projectId: string;
  shotId?: string;
  /** An episode id, "main" for shots of sequences without episode, "all" for no filter. */
  episodeId?: string;
}

interface ShotRow {
  id: string;
  name: string;
  description: string | null;
  data: string | null;
  nb_frames: number | null;
  episode_name: string | null;
  sequence_name: string;
}

interface TaskRow {
  id: string;
  entity_id: string;
  duration: number | null;
  type_name: string;
  type_priority: number | null;
  status_short_name: string | null;
}

interface DescriptorRow {
  name: string;
  field_name: string;
  data_type: string | null;
}

const HEADERS = [
  'Project',
  'Episode',
  'Sequence',
  'Name',
  'Description',
  'Time Spent',
  'Frames',
  'Frame In',
  'Frame Out',
  'FPS',
];

/**
 * The shots of the filter (alias `e`, sequence `sq`): shots hanging from a sequence, as Zou's
 * inner join keeps them.
 */
function scope(filter: ShotsCsvFilter): { sql: string; params: unknown[] } {
  let sql = `e.project_id = ?
    AND e.entity_type_id IN (SELECT id FROM entity_type WHERE name = 'Shot')`;
  const params: unknown[] = [filter.projectId];
  if (filter.shotId !== undefined) {
    sql += ' AND e.id = ?';
    params.push(filter.shotId);
  }
  if (filter.episodeId === 'main') sql += ' AND sq.parent_id IS NULL';
  else if (filter.episodeId !== undefined && filter.episodeId !== 'all') {
    sql += ' AND sq.parent_id = ?';
    params.push(filter.episodeId);
  }
  return { sql, params };
}

function byText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `ShotsCsvExport`: one row per shot sorted by episode, sequence and name, then the project's
 * Shot metadata columns (by descriptor name) and, per task type used (by priority then name),
 * the task's status short name and its assignees' full names. Five statements in all.
 */
export function shotsTable(db: Db, projectName: string, filter: ShotsCsvFilter): CsvValue[][] {
  const where = scope(filter);
  const shots = prepareCached(
    db,
    `SELECT e.id, e.name, e.description, e.data, e.nb_frames, sq.name AS sequence_name,
       ep.name AS episode_name
     FROM entity e JOIN entity sq ON sq.id = e.parent_id
     LEFT JOIN entity ep ON ep.id = sq.parent_id
     WHERE ${where.sql}`,
  ).all(...where.params) as ShotRow[];
  const tasks = prepareCached(
    db,
    `SELECT t.id, t.entity_id, t.duration, tt.name AS type_name, tt.priority AS type_priority,
       ts.short_name AS status_short_name
     FROM task t JOIN entity e ON e.id = t.entity_id
     JOIN task_type tt ON tt.id = t.task_type_id
     LEFT JOIN task_status ts ON ts.id = t.task_status_id
     JOIN entity sq ON sq.id = e.parent_id
     WHERE ${where.sql} ORDER BY t.rowid`,
  ).all(...where.params) as TaskRow[];
  const assignees = prepareCached(
    db,
    `SELECT l.task_id, p.first_name, p.last_name
     FROM task_person_link l JOIN person p ON p.id = l.person_id
     JOIN task t ON t.id = l.task_id JOIN entity e ON e.id = t.entity_id
     JOIN entity sq ON sq.id = e.parent_id
     WHERE ${where.sql} ORDER BY l.rowid`,
  ).all(...where.params) as { task_id: string; first_name: string; last_name: string }[];
  const descriptors = prepareCached(
    db,
    `SELECT name, field_name, data_type FROM metadata_descriptor
     WHERE project_id = ? AND entity_type = 'Shot'
     ORDER BY position IS NULL, position, name`,
  ).all(filter.projectId) as DescriptorRow[];

  const namesByTask = new Map<string, string[]>();
  for (const link of assignees) {
    const list = namesByTask.get(link.task_id) ?? [];
    list.push(fullName(link.first_name, link.last_name));
    namesByTask.set(link.task_id, list);
  }
  const tasksByShot = new Map<string, TaskRow[]>();
  const typePriority = new Map<string, number>();
  for (const task of tasks) {
    const list = tasksByShot.get(task.entity_id) ?? [];
    list.push(task);
    tasksByShot.set(task.entity_id, list);
    typePriority.set(task.type_name, task.type_priority ?? 0);
  }
  const typeColumns = [...typePriority.entries()]
    .sort(([leftName, left], [rightName, right]) => left - right || byText(leftName, rightName))
    .map(([name]) => name);

  const sorted = [...shots].sort(
    (left, right) =>
      byText(left.episode_name ?? '', right.episode_name ?? '') ||
      byText(left.sequence_name, right.sequence_name) ||
      byText(left.name, right.name),
  );
  const header = [
    ...HEADERS,
    ...descriptors.map((descriptor) => descriptor.name),
    ...typeColumns.flatMap((name) => [name, 'Assignations']),
  ];
  const rows = sorted.map((shot) =>
    shotRow(
      projectName,
      shot,
      tasksByShot.get(shot.id) ?? [],
      namesByTask,
      descriptors,
      typeColumns,
    ),
  );
  return [header, ...rows];
}

function shotRow(
  projectName: string,
  shot: ShotRow,
  tasks: readonly TaskRow[],
  namesByTask: ReadonlyMap<string, string[]>,
  descriptors: readonly DescriptorRow[],
  typeColumns: readonly string[],
): CsvValue[] {
  const data = (fromStored('json', shot.data) ?? {}) as Record<string, CsvValue>;
  const minutes = tasks.reduce((total, task) => total + (task.duration ?? 0), 0);
  const row: CsvValue[] = [
    projectName,
    shot.episode_name,
    shot.sequence_name,
    shot.name,
    shot.description,
    formatFixed2(minutes > 0 ? minutes / 8 / 60 : 0),
    shot.nb_frames,
    data.frame_in ?? '',
    data.frame_out ?? '',
    data.fps ?? '',
  ];
  for (const descriptor of descriptors) {
    const value = field(data, descriptor.field_name);
    if (descriptor.data_type === 'boolean') {
      row.push(String(value ?? '').toLowerCase() === 'true' ? 'true' : 'false');
    } else {
      row.push(value);
    }
  }
  // The last task of a type wins, as Zou's map keyed by task type name does.
  const byType = new Map<string, TaskRow>();
  for (const task of tasks) byType.set(task.type_name, task);
  for (const column of typeColumns) {
    const task = byType.get(column);
    row.push(task ? (task.status_short_name ?? '') : '');
    row.push(task ? (namesByTask.get(task.id) ?? []).join(',') : '');
  }
  return row;
}

/** `data.get(key, "")`: a key stored as null stays null (an empty cell). */
function field(data: Record<string, CsvValue>, key: string): CsvValue {
  return key in data ? data[key] : '';
}

function fullName(first: string | null, last: string | null): string {
  return first && last ? `${first} ${last}` : `${first ?? ''}${last ?? ''}`;
}
