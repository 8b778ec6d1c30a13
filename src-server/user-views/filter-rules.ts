import type { Db } from '../db/database';
import { notFound } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import type { Access } from '../permissions/access';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import { requiredModel } from './models';

// What search filters and their groups share (`user_service`): ownership, sharing rights,
// the lookups of the ids a body names, and the list grouping.

export type FilterTable = 'search_filter' | 'search_filter_group';

/** An id from a body, looked up the `get_instance` way: unreadable or missing is a 404. */
export function requireRow(db: Db, table: 'project' | 'department', value: string): string {
  const id = normalizeUuid(value);
  if (id === null || !prepareCached(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id)) {
    throw notFound();
  }
  return id;
}

/** `_get_own_or_as_admin`: the caller's own row, any row for an admin; else 404. */
export function findOwnRow(db: Db, access: Access, table: FilterTable, id: string): Row {
  const own = prepareCached(db, `SELECT * FROM ${table} WHERE id = ? AND person_id = ?`).get(
    id,
    access.personId,
  ) as Row | undefined;
  if (own) return own;
  const any = access.isAdmin
    ? (prepareCached(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined)
    : undefined;
  if (!any) throw notFound();
  return any;
}

export function findGroup(db: Db, value: string): Row {
  const id = normalizeUuid(value);
  const group = id
    ? (prepareCached(db, 'SELECT * FROM search_filter_group WHERE id = ?').get(id) as
        Row | undefined)
    : undefined;
  if (!group) throw notFound();
  return group;
}

/**
 * Sharing is a right of the project's managers; a filter without a project is never shared.
 * The project must exist (Zou's team check loads it).
 */
export function maySharePerProject(db: Db, access: Access, projectId: string | null): boolean {
  if (projectId === null) return false;
  return access.hasManagerProjectAccess(requireRow(db, 'project', projectId));
}

/**
 * `_deny_sharing_without_manager_access`: a change of `is_shared` the caller may not make is
 * turned off. Zou judges it on the project named in the body, not the stored one.
 */
export function denyUnallowedSharing(
  db: Db,
  access: Access,
  data: { is_shared?: boolean | null; project_id?: string | null },
  current: Row,
): void {
  if (data.is_shared === undefined || data.is_shared === null) return;
  if (Boolean(current.is_shared) === data.is_shared) return;
  if (!maySharePerProject(db, access, data.project_id ?? null)) data.is_shared = false;
}

export function serializeFilterRow(table: FilterTable, row: Row): Json {
  return serializeRow(requiredModel(table), row);
}

/**
 * `get_user_filters` / `get_user_filter_groups`: `{list_type: {project_id or "all": [...]}}`
 * of the caller's rows and of shared ones, in open projects or without a project, limited to
 * the caller's departments unless they are a manager. Groups open their list type before the
 * department check, so a list type may hold an empty object.
 */
export function groupVisibleRows(
  access: Access,
  table: FilterTable,
  rows: Row[],
): Record<string, Record<string, Json[]>> {
  const isManager = access.isManager();
  const departments = access.departments();
  const result: Record<string, Record<string, Json[]>> = {};
  for (const row of rows) {
    const listType = String(row.list_type);
    if (table === 'search_filter_group') result[listType] ??= {};
    const department = row.department_id as string | null;
    if (department !== null && !isManager && !departments.includes(department)) continue;
    const byProject = (result[listType] ??= {});
    const projectKey = (row.project_id as string | null) ?? 'all';
    (byProject[projectKey] ??= []).push(serializeFilterRow(table, row));
  }
  return result;
}

/** The rows `groupVisibleRows` starts from; groups newest first as Zou orders them. */
export function findVisibleRows(db: Db, access: Access, table: FilterTable): Row[] {
  const order = table === 'search_filter_group' ? 'ORDER BY f.created_at DESC' : '';
  return prepareCached(
    db,
    `SELECT f.* FROM ${table} f LEFT JOIN project p ON p.id = f.project_id
     WHERE (f.person_id = ? OR f.is_shared = 1)
       AND (f.project_id IS NULL
         OR p.project_status_id IN (SELECT id FROM project_status WHERE name = 'Open'))
     ${order}`,
  ).all(access.personId) as Row[];
}
