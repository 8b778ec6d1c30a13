import type { Db } from '../db/database';
import { fromStored, type Json, type Row } from '../models/serialize';
import type { Access } from '../permissions/access';
import { presentPersonsMinimal, serializePersonsSafe } from '../auth/person-views';
import { TEMPORAL_KINDS } from '../crud/entity-kind';
import { serializeRows } from '../crud/present';
import { prepareCached } from '../crud/sql';
import { listFilterGroups } from './filter-groups';
import { requiredModel } from './models';
import { findOpenProjects } from './open-projects';
import { listFilters } from './search-filters';

/** Zou's `USER_LIMIT` default: no configuration sets it here. */
export const USER_LIMIT = 100;

/** `user_service.get_context`: everything the Kitsu client loads once after login. */
export function buildUserContext(db: Db, access: Access): Json {
  const context: Json = {
    asset_types: assetTypes(db),
    custom_actions: allRows(db, 'custom_action'),
    status_automations: allRows(db, 'status_automation'),
    departments: allRows(db, 'department'),
    studios: allRows(db, 'studio'),
    notification_count: unreadNotificationCount(db, access.personId),
    persons: persons(db, access),
    project_status: allRows(db, 'project_status'),
    project_roles: projectRoles(db, access.personId),
    projects: findOpenProjects(db, access),
    task_types: allRows(db, 'task_type'),
    task_status: allRows(db, 'task_status'),
    search_filters: listFilters(db, access),
    search_filter_groups: listFilterGroups(db, access),
    preview_background_files: allRows(db, 'preview_background_file'),
    plugins: plugins(db),
  };
  if (access.isAdmin) context.user_limit = USER_LIMIT;
  return context;
}

/** `serialize_models(Model.get_all())`: every row, without relations. */
function allRows(db: Db, table: string): Json[] {
  const rows = prepareCached(db, `SELECT * FROM ${table}`).all() as Row[];
  return serializeRows(db, requiredModel(table), rows, false);
}

/** Every entity type that is not temporal, with its workflow, typed "AssetType". */
function assetTypes(db: Db): Json[] {
  const rows = prepareCached(
    db,
    `SELECT * FROM entity_type WHERE name NOT IN (${TEMPORAL_KINDS.map(() => '?').join(', ')})`,
  ).all(...TEMPORAL_KINDS) as Row[];
  return serializeRows(db, requiredModel('entity_type'), rows, true).map((type) => ({
    ...type,
    type: 'AssetType',
  }));
}

function unreadNotificationCount(db: Db, personId: string): number {
  const row = prepareCached(
    db,
    'SELECT COUNT(*) AS n FROM notification WHERE person_id = ? AND read = 0',
  ).get(personId) as { n: number };
  return row.n;
}

/** Guests left out; managers get `serialize_safe`, everybody else `present_minimal`. */
function persons(db: Db, access: Access): Json[] {
  const rows = prepareCached(db, 'SELECT * FROM person WHERE is_guest = 0').all() as Row[];
  return access.isManager()
    ? serializePersonsSafe(db, rows, true)
    : presentPersonsMinimal(db, rows, true);
}

/** `{project_id: role}` for the projects where the caller holds an explicit role. */
function projectRoles(db: Db, personId: string): Record<string, string> {
  const rows = prepareCached(
    db,
    'SELECT project_id, role FROM project_person_link WHERE person_id = ? AND role IS NOT NULL',
  ).all(personId) as { project_id: string; role: string }[];
  return Object.fromEntries(rows.map((row) => [row.project_id, row.role]));
}

/** `Plugin.present()`. */
function plugins(db: Db): Json[] {
  const rows = prepareCached(db, 'SELECT * FROM plugin').all() as Row[];
  return rows.map((row) => ({
    id: row.id,
    plugin_id: row.plugin_id,
    name: row.name,
    description: row.description ?? null,
    version: row.version,
    maintainer_name: row.maintainer_name,
    maintainer_email: row.maintainer_email ?? null,
    frontend_project_enabled: fromStored('bool', row.frontend_project_enabled),
    frontend_studio_enabled: fromStored('bool', row.frontend_studio_enabled),
    icon: row.icon ?? null,
  }));
}
