import type { Db } from '../db/database';
import { badRequest } from '../http/errors';
import type { Json } from '../models/serialize';
import type { Access } from '../permissions/access';
import { deleteModelRow, fetchRow, insertModelRow, updateModelRow, type Data } from '../crud/rows';
import type { CreateFilterBody, UpdateFilterBody } from './filter-schemas';
import {
  denyUnallowedSharing,
  findGroup,
  findOwnRow,
  findVisibleRows,
  groupVisibleRows,
  maySharePerProject,
  requireRow,
  serializeFilterRow,
} from './filter-rules';
import { requiredModel } from './models';

// `/data/user/filters` (`user_service.*_filter`): a person's saved searches.

const SHARING_MISMATCH =
  'A search filter should have the same value for is_shared than its search filter group.';

const model = () => requiredModel('search_filter');

export function listFilters(db: Db, access: Access): Record<string, Record<string, Json[]>> {
  return groupVisibleRows(access, 'search_filter', findVisibleRows(db, access, 'search_filter'));
}

export function createFilter(db: Db, access: Access, body: CreateFilterBody): Json {
  const projectId = body.project_id ?? null;
  const isShared = maySharePerProject(db, access, projectId) ? Boolean(body.is_shared) : false;
  const groupId = body.search_filter_group_id ?? null;
  const group = groupId === null ? null : findGroup(db, groupId);
  if (group && isShared !== Boolean(group.is_shared)) throw badRequest(SHARING_MISMATCH);
  const departmentId =
    body.department_id === null || body.department_id === undefined
      ? null
      : requireRow(db, 'department', body.department_id);
  const id = insertModelRow(db, model(), {
    list_type: body.list_type,
    name: body.name,
    search_query: body.query,
    project_id: projectId === null ? null : requireRow(db, 'project', projectId),
    person_id: access.personId,
    entity_type: body.entity_type ?? null,
    is_shared: isShared,
    search_filter_group_id: group ? group.id : null,
    department_id: departmentId,
  });
  return serializeFilterRow('search_filter', fetchRow(db, model(), id) ?? {});
}

/**
 * `update_filter`: keys sent as null are left alone, except the group, which null removes.
 * The filter must keep the sharing of its group.
 */
export function updateFilter(
  db: Db,
  access: Access,
  filterId: string,
  body: UpdateFilterBody,
): Json {
  const current = findOwnRow(db, access, 'search_filter', filterId);
  const data: Data & { is_shared?: boolean | null; project_id?: string | null } = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && value !== undefined) data[key] = value;
  }
  if (body.search_filter_group_id === null) data.search_filter_group_id = null;
  if (typeof data.department_id === 'string') {
    data.department_id = requireRow(db, 'department', data.department_id);
  }
  denyUnallowedSharing(db, access, data, current);
  const groupId =
    'search_filter_group_id' in data ? data.search_filter_group_id : current.search_filter_group_id;
  if (groupId !== null && groupId !== undefined) {
    const group = findGroup(db, String(groupId));
    data.search_filter_group_id = group.id;
    const isShared = data.is_shared ?? Boolean(current.is_shared);
    if (isShared !== Boolean(group.is_shared)) throw badRequest(SHARING_MISMATCH);
  }
  if (typeof data.project_id === 'string') {
    data.project_id = requireRow(db, 'project', data.project_id);
  }
  const id = String(current.id);
  updateModelRow(db, model(), id, data);
  return serializeFilterRow('search_filter', fetchRow(db, model(), id) ?? {});
}

export function removeFilter(db: Db, access: Access, filterId: string): void {
  const current = findOwnRow(db, access, 'search_filter', filterId);
  deleteModelRow(db, model(), String(current.id));
}
