import type { Db } from '../db/database';
import { nowDateTime } from '../db/time';
import type { Json } from '../models/serialize';
import type { Access } from '../permissions/access';
import { deleteModelRow, fetchRow, insertModelRow, updateModelRow, type Data } from '../crud/rows';
import { prepareCached } from '../crud/sql';
import type { CreateFilterGroupBody, UpdateFilterGroupBody } from './filter-schemas';
import {
  denyUnallowedSharing,
  findOwnRow,
  findVisibleRows,
  groupVisibleRows,
  maySharePerProject,
  requireRow,
  serializeFilterRow,
} from './filter-rules';
import { requiredModel } from './models';

// `/data/user/filter-groups` (`user_service.*_filter_group`): folders of saved searches.

const model = () => requiredModel('search_filter_group');

export function listFilterGroups(db: Db, access: Access): Record<string, Record<string, Json[]>> {
  return groupVisibleRows(
    access,
    'search_filter_group',
    findVisibleRows(db, access, 'search_filter_group'),
  );
}

export function createFilterGroup(db: Db, access: Access, body: CreateFilterGroupBody): Json {
  const projectId = body.project_id ?? null;
  const isShared = maySharePerProject(db, access, projectId) ? Boolean(body.is_shared) : false;
  const departmentId =
    body.department_id === null || body.department_id === undefined
      ? null
      : requireRow(db, 'department', body.department_id);
  const id = insertModelRow(db, model(), {
    list_type: body.list_type,
    name: body.name,
    color: body.color ?? '',
    project_id: projectId === null ? null : requireRow(db, 'project', projectId),
    person_id: access.personId,
    entity_type: body.entity_type ?? null,
    is_shared: isShared,
    department_id: departmentId,
  });
  return serializeFilterRow('search_filter_group', fetchRow(db, model(), id) ?? {});
}

export function getFilterGroup(db: Db, access: Access, groupId: string): Json {
  return serializeFilterRow(
    'search_filter_group',
    findOwnRow(db, access, 'search_filter_group', groupId),
  );
}

/**
 * `update_filter_group`: keys sent as null are left alone. When the sharing is part of the
 * body, the group's filters follow the group's resulting value, so none is left unmodifiable.
 */
export function updateFilterGroup(
  db: Db,
  access: Access,
  groupId: string,
  body: UpdateFilterGroupBody,
): Json {
  const current = findOwnRow(db, access, 'search_filter_group', groupId);
  const data: Data & { is_shared?: boolean | null; project_id?: string | null } = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && value !== undefined) data[key] = value;
  }
  denyUnallowedSharing(db, access, data, current);
  if (typeof data.project_id === 'string') {
    data.project_id = requireRow(db, 'project', data.project_id);
  }
  if (typeof data.department_id === 'string') {
    data.department_id = requireRow(db, 'department', data.department_id);
  }
  const id = String(current.id);
  updateModelRow(db, model(), id, data);
  const updated = fetchRow(db, model(), id) ?? {};
  if (data.is_shared !== undefined && data.is_shared !== null) {
    prepareCached(
      db,
      `UPDATE search_filter SET is_shared = ?, updated_at = ? WHERE search_filter_group_id = ?`,
    ).run(updated.is_shared, nowDateTime(), id);
  }
  return serializeFilterRow('search_filter_group', updated);
}

/** `remove_filter_group`: its filters go with it. */
export function removeFilterGroup(db: Db, access: Access, groupId: string): void {
  const current = findOwnRow(db, access, 'search_filter_group', groupId);
  const id = String(current.id);
  prepareCached(db, 'DELETE FROM search_filter WHERE search_filter_group_id = ?').run(id);
  deleteModelRow(db, model(), id);
}
