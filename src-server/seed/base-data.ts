import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';

// What `zou init-data` (3d domain) puts in an empty database, plus the rows Zou creates lazily
// on first use (Scene/Concept types, the "To review" file status, the organisation) so that
// a fresh data dir already answers like a used Zou instance.

export const PROJECT_STATUS_NAMES = ['Open', 'Closed'] as const;
const PROJECT_STATUS_COLOR = '#000000';

export const ASSET_TYPE_NAMES = ['Character', 'Prop', 'Environment', 'FX'] as const;
export const TEMPORAL_ENTITY_TYPE_NAMES = [
  'Episode',
  'Sequence',
  'Shot',
  'Edit',
  'Scene',
  'Concept',
] as const;

export interface DepartmentDef {
  name: string;
  color: string;
}

export const BASE_DEPARTMENTS: readonly DepartmentDef[] = [
  { name: 'Modeling', color: '#78909C' },
  { name: 'Animation', color: '#009688' },
  { name: 'FX', color: '#26C6DA' },
  { name: 'Compositing', color: '#F06292' },
  { name: 'Concept', color: '#8D6E63' },
  { name: 'Layout', color: '#7CB342' },
];

export type ForEntity = 'Asset' | 'Shot' | 'Sequence' | 'Episode' | 'Edit' | 'Concept' | 'Scene';

export interface TaskTypeDef {
  name: string;
  color: string;
  priority: number;
  forEntity: ForEntity;
  department: string;
}

export const BASE_TASK_TYPES: readonly TaskTypeDef[] = [
  { name: 'Concept', color: '#8D6E63', priority: 1, forEntity: 'Asset', department: 'Concept' },
  { name: 'Modeling', color: '#78909C', priority: 2, forEntity: 'Asset', department: 'Modeling' },
  { name: 'Shading', color: '#64B5F6', priority: 3, forEntity: 'Asset', department: 'Modeling' },
  { name: 'Rigging', color: '#9CCC65', priority: 4, forEntity: 'Asset', department: 'Animation' },
  { name: 'Storyboard', color: '#43A047', priority: 1, forEntity: 'Shot', department: 'Concept' },
  { name: 'Layout', color: '#7CB342', priority: 2, forEntity: 'Shot', department: 'Layout' },
  { name: 'Animation', color: '#009688', priority: 3, forEntity: 'Shot', department: 'Animation' },
  { name: 'Lighting', color: '#F9A825', priority: 4, forEntity: 'Shot', department: 'Compositing' },
  { name: 'FX', color: '#26C6DA', priority: 5, forEntity: 'Shot', department: 'FX' },
  {
    name: 'Rendering',
    color: '#F06292',
    priority: 6,
    forEntity: 'Shot',
    department: 'Compositing',
  },
  {
    name: 'Compositing',
    color: '#ff5252',
    priority: 7,
    forEntity: 'Shot',
    department: 'Compositing',
  },
  { name: 'Edit', color: '#9b298c', priority: 8, forEntity: 'Edit', department: 'Compositing' },
  { name: 'Concept', color: '#8D6E63', priority: 1, forEntity: 'Concept', department: 'Concept' },
];

export interface TaskStatusDef {
  name: string;
  shortName: string;
  color: string;
  isDefault?: boolean;
  isDone?: boolean;
  isRetake?: boolean;
  isFeedbackRequest?: boolean;
  isWip?: boolean;
  forConcept?: boolean;
}

// Every one of Zou's defaults is allowed to artists and clients.
export const BASE_TASK_STATUSES: readonly TaskStatusDef[] = [
  { name: 'Todo', shortName: 'todo', color: '#f5f5f5', isDefault: true },
  { name: 'Work In Progress', shortName: 'wip', color: '#3273dc', isWip: true },
  { name: 'Waiting For Approval', shortName: 'wfa', color: '#ab26ff', isFeedbackRequest: true },
  { name: 'Retake', shortName: 'retake', color: '#ff3860', isRetake: true },
  { name: 'Done', shortName: 'done', color: '#22d160', isDone: true },
  { name: 'Ready To Start', shortName: 'ready', color: '#fbc02d' },
  { name: 'Neutral', shortName: 'neutral', color: '#CCCCCC', isDefault: true, forConcept: true },
  { name: 'Approved', shortName: 'approved', color: '#66BB6A', forConcept: true },
  { name: 'Rejected', shortName: 'rejected', color: '#E81123', forConcept: true },
];

export const DEFAULT_FILE_STATUS = { name: 'To review', color: '#FFFFFF' };
export const DEFAULT_ORGANISATION = { name: 'Kitsu', hoursByDay: 8 };

/** Get-or-creates Zou's reference data; safe to run on every start. */
export function seedBaseData(db: Db): void {
  db.transaction(() => {
    const now = nowDateTime();
    seedProjectStatuses(db, now);
    seedEntityTypes(db, now);
    const departmentIds = seedDepartments(db, now);
    seedTaskTypes(db, now, departmentIds);
    seedTaskStatuses(db, now);
    seedFileStatus(db, now);
    seedOrganisation(db, now);
  })();
}

function seedProjectStatuses(db: Db, now: string): void {
  const find = db.prepare('SELECT id FROM project_status WHERE name = ?');
  const insert = db.prepare(
    'INSERT INTO project_status (id, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)',
  );
  for (const name of PROJECT_STATUS_NAMES) {
    if (!find.get(name)) insert.run(newId(), now, now, name, PROJECT_STATUS_COLOR);
  }
}

function seedEntityTypes(db: Db, now: string): void {
  const find = db.prepare('SELECT id FROM entity_type WHERE name = ?');
  const insert = db.prepare(
    'INSERT INTO entity_type (id, created_at, updated_at, name, archived) VALUES (?, ?, ?, ?, 0)',
  );
  for (const name of [...ASSET_TYPE_NAMES, ...TEMPORAL_ENTITY_TYPE_NAMES]) {
    if (!find.get(name)) insert.run(newId(), now, now, name);
  }
}

function seedDepartments(db: Db, now: string): Map<string, string> {
  const find = db.prepare('SELECT id FROM department WHERE name = ?');
  const insert = db.prepare(
    'INSERT INTO department (id, created_at, updated_at, name, color, archived) VALUES (?, ?, ?, ?, ?, 0)',
  );
  const ids = new Map<string, string>();
  for (const department of BASE_DEPARTMENTS) {
    const row = find.get(department.name) as { id: string } | undefined;
    const id = row?.id ?? newId();
    if (!row) insert.run(id, now, now, department.name, department.color);
    ids.set(department.name, id);
  }
  return ids;
}

function seedTaskTypes(db: Db, now: string, departmentIds: Map<string, string>): void {
  // Zou matches on (name, for_entity) only, whatever the department.
  const find = db.prepare('SELECT id FROM task_type WHERE name = ? AND for_entity = ?');
  const insert = db.prepare(
    `INSERT INTO task_type (id, created_at, updated_at, name, short_name, color, priority,
       for_entity, allow_timelog, archived, department_id)
     VALUES (?, ?, ?, ?, '', ?, ?, ?, 1, 0, ?)`,
  );
  for (const type of BASE_TASK_TYPES) {
    if (find.get(type.name, type.forEntity)) continue;
    const departmentId = departmentIds.get(type.department) ?? null;
    insert.run(
      newId(),
      now,
      now,
      type.name,
      type.color,
      type.priority,
      type.forEntity,
      departmentId,
    );
  }
}

function seedTaskStatuses(db: Db, now: string): void {
  // short_name is unique here, so it is the lookup key; Zou also tries the name first.
  const findByShortName = db.prepare('SELECT id FROM task_status WHERE short_name = ?');
  const findByName = db.prepare('SELECT id FROM task_status WHERE name = ? AND for_concept = ?');
  const insert = db.prepare(
    `INSERT INTO task_status (id, created_at, updated_at, name, archived, short_name, color,
       priority, is_done, is_artist_allowed, is_client_allowed, is_retake, is_feedback_request,
       is_default, is_wip, for_concept)
     VALUES (?, ?, ?, ?, 0, ?, ?, 1, ?, 1, 1, ?, ?, ?, ?, ?)`,
  );
  for (const status of BASE_TASK_STATUSES) {
    const forConcept = flag(status.forConcept);
    if (findByShortName.get(status.shortName) || findByName.get(status.name, forConcept)) continue;
    insert.run(
      newId(),
      now,
      now,
      status.name,
      status.shortName,
      status.color,
      flag(status.isDone),
      flag(status.isRetake),
      flag(status.isFeedbackRequest),
      flag(status.isDefault),
      flag(status.isWip),
      forConcept,
    );
  }
}

function seedFileStatus(db: Db, now: string): void {
  if (db.prepare('SELECT id FROM file_status WHERE name = ?').get(DEFAULT_FILE_STATUS.name)) return;
  db.prepare(
    'INSERT INTO file_status (id, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?)',
  ).run(newId(), now, now, DEFAULT_FILE_STATUS.name, DEFAULT_FILE_STATUS.color);
}

function seedOrganisation(db: Db, now: string): void {
  // Zou keeps a single organisation row, whatever it was renamed to.
  if (db.prepare('SELECT id FROM organisation LIMIT 1').get()) return;
  db.prepare(
    'INSERT INTO organisation (id, created_at, updated_at, name, hours_by_day) VALUES (?, ?, ?, ?, ?)',
  ).run(newId(), now, now, DEFAULT_ORGANISATION.name, DEFAULT_ORGANISATION.hoursByDay);
}

function flag(value: boolean | undefined): 0 | 1 {
  return value ? 1 : 0;
}
