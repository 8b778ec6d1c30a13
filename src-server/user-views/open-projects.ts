import type { Db } from '../db/database';
import { fromStored, type Json, type Row } from '../models/serialize';
import type { Access } from '../permissions/access';
import { serializeRows } from '../crud/present';
import { inJsonList, prepareCached } from '../crud/sql';
import { requiredModel } from './models';

// `user_service.get_open_projects` with `projects_service.get_projects_with_extra_data`: the
// open projects of the caller's team (all of them for admins), each with its metadata
// descriptors, task type priorities, task status links and, for TV shows, the first episode.

interface DescriptorRow extends Row {
  id: string;
  project_id: string;
  departments: string | null;
}

/** Which descriptors the caller may see: clients the published ones, vendors their departments'. */
type DescriptorAudience =
  { kind: 'all' } | { kind: 'client' } | { kind: 'vendor'; departments: string[] };

export function findOpenProjects(db: Db, access: Access): Json[] {
  const rows = (
    access.isAdmin
      ? prepareCached(
          db,
          `SELECT p.* FROM project p JOIN project_status s ON s.id = p.project_status_id
           WHERE s.name = 'Open'`,
        ).all()
      : prepareCached(
          db,
          `SELECT p.* FROM project p JOIN project_status s ON s.id = p.project_status_id
           JOIN project_person_link l ON l.project_id = p.id
           WHERE s.name = 'Open' AND l.person_id = ?`,
        ).all(access.personId)
  ) as Row[];
  if (rows.length === 0) return [];
  const projectIds = rows.map((row) => String(row.id));
  const descriptors = descriptorsByProject(db, projectIds, audienceOf(access));
  const taskTypePriorities = taskTypePrioritiesByProject(db, projectIds);
  const statusLinks = taskStatusLinksByProject(db, projectIds);
  const firstEpisodes = firstEpisodeByProject(
    db,
    rows.filter((row) => row.production_type === 'tvshow').map((row) => String(row.id)),
  );
  return serializeRows(db, requiredModel('project'), rows, true).map((project) => {
    const id = String(project.id);
    project.descriptors = descriptors.get(id) ?? [];
    project.task_types_priority = taskTypePriorities.get(id) ?? {};
    project.task_statuses_link = statusLinks.get(id) ?? {};
    const firstEpisodeId = firstEpisodes.get(id);
    if (project.production_type === 'tvshow' && firstEpisodeId) {
      project.first_episode_id = firstEpisodeId;
    }
    return project;
  });
}

function audienceOf(access: Access): DescriptorAudience {
  if (access.globalRole === 'client') return { kind: 'client' };
  if (access.globalRole === 'vendor') return { kind: 'vendor', departments: access.departments() };
  return { kind: 'all' };
}

function descriptorsByProject(
  db: Db,
  projectIds: string[],
  audience: DescriptorAudience,
): Map<string, Json[]> {
  const projects = inJsonList('d.project_id', projectIds);
  const rows = prepareCached(
    db,
    `SELECT d.*, (
       SELECT json_group_array(l.department_id) FROM department_metadata_descriptor_link l
       WHERE l.metadata_descriptor_id = d.id
     ) AS departments
     FROM metadata_descriptor d WHERE ${projects.sql}
     ORDER BY d.project_id, d.position, d.name`,
  ).all(...projects.params) as DescriptorRow[];
  const byProject = new Map<string, Json[]>();
  for (const row of rows) {
    const departments = JSON.parse(row.departments ?? '[]') as string[];
    if (!isVisible(row, departments, audience)) continue;
    const list = byProject.get(row.project_id) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      field_name: row.field_name,
      data_type: row.data_type ?? null,
      choices: fromStored('json', row.choices),
      for_client: fromStored('bool', row.for_client) ?? false,
      entity_type: row.entity_type,
      task_type_id: row.task_type_id ?? null,
      position: row.position ?? null,
      departments,
    });
    byProject.set(row.project_id, list);
  }
  return byProject;
}

function isVisible(row: DescriptorRow, departments: string[], audience: DescriptorAudience) {
  if (audience.kind === 'client') return row.for_client === 1;
  if (audience.kind === 'vendor') {
    return departments.length === 0 || departments.some((id) => audience.departments.includes(id));
  }
  return true;
}

function taskTypePrioritiesByProject(
  db: Db,
  projectIds: string[],
): Map<string, Record<string, number | null>> {
  const projects = inJsonList('project_id', projectIds);
  const rows = prepareCached(
    db,
    `SELECT project_id, task_type_id, priority FROM project_task_type_link WHERE ${projects.sql}`,
  ).all(...projects.params) as { project_id: string; task_type_id: string; priority: number }[];
  const byProject = new Map<string, Record<string, number | null>>();
  for (const row of rows) {
    const priorities = byProject.get(row.project_id) ?? {};
    priorities[row.task_type_id] = row.priority ?? null;
    byProject.set(row.project_id, priorities);
  }
  return byProject;
}

function taskStatusLinksByProject(db: Db, projectIds: string[]): Map<string, Json> {
  const projects = inJsonList('project_id', projectIds);
  const rows = prepareCached(
    db,
    `SELECT project_id, task_status_id, priority, roles_for_board
     FROM project_task_status_link WHERE ${projects.sql}`,
  ).all(...projects.params) as {
    project_id: string;
    task_status_id: string;
    priority: number | null;
    roles_for_board: string | null;
  }[];
  const byProject = new Map<string, Json>();
  for (const row of rows) {
    const links = byProject.get(row.project_id) ?? {};
    links[row.task_status_id] = {
      priority: row.priority ?? null,
      roles_for_board: fromStored('json', row.roles_for_board),
    };
    byProject.set(row.project_id, links);
  }
  return byProject;
}

/** The first running episode by name, else the first episode by name. */
function firstEpisodeByProject(db: Db, projectIds: string[]): Map<string, string> {
  if (projectIds.length === 0) return new Map();
  const projects = inJsonList('e.project_id', projectIds);
  const rows = prepareCached(
    db,
    `SELECT e.project_id, e.id FROM entity e
     JOIN entity_type t ON t.id = e.entity_type_id
     WHERE t.name = 'Episode' AND ${projects.sql}
     ORDER BY e.project_id, e.status = 'running' DESC, e.name`,
  ).all(...projects.params) as { project_id: string; id: string }[];
  const byProject = new Map<string, string>();
  for (const row of rows) {
    if (!byProject.has(row.project_id)) byProject.set(row.project_id, row.id);
  }
  return byProject;
}
