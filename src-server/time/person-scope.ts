import type { FastifyRequest } from 'fastify';
import { forbidden } from '../http/errors';
import type { Access } from '../permissions/access';
import { queryId, teamProjectIds } from './lookups';

/** Which of a person's time the caller may read: null lists mean "no restriction". */
export interface TimeScope {
  projectIds: string[] | null;
  departmentIds: string[] | null;
}

/**
 * `_get_project_department_ids_for_person_access`: admins and the person themselves read
 * everything; managers and supervisors (global role) only their team projects, supervisors
 * only their departments; anyone else is refused.
 */
export function personTimeScope(access: Access, personId: string): TimeScope {
  if (access.isAdmin || access.personId === personId) {
    return { projectIds: null, departmentIds: null };
  }
  const role = access.globalRole;
  if (role !== 'manager' && role !== 'supervisor') throw forbidden();
  return {
    projectIds: teamProjectIds(access),
    departmentIds: role === 'supervisor' ? access.departments() : null,
  };
}

/**
 * `PersonDurationTimeSpentsResource.get_project_department_arguments`: the `project_id` query
 * narrows the scope, and must lie inside it when the scope is limited.
 */
export function personDurationScope(
  access: Access,
  personId: string,
  request: FastifyRequest,
): TimeScope {
  const scope = personTimeScope(access, personId);
  const asked = queryId(request, 'project_id');
  if (asked === null) return scope;
  if (scope.projectIds !== null && !scope.projectIds.includes(asked)) throw forbidden();
  return { ...scope, projectIds: [asked] };
}
