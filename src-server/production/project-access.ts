import type { Db } from '../db/database';
import { forbidden } from '../http/errors';
import type { Access } from '../permissions/access';
import type { EntityRecord } from './lookup';
import { requireProject } from './lookup';

// Zou's permission checks as its production routes chain them, on top of Access. Zou resolves
// team membership through `projects_service.get_project`, so for anyone but an admin an
// unknown project is a 404 before it is a 403.

/**
 * `check_project_access`: admin, or a member of the (existing) project's team. Without a
 * project (a list route called with no `project_id`), only admins pass.
 */
export function checkProjectAccess(access: Access, db: Db, projectId: unknown): string {
  if (access.isAdmin) return String(projectId);
  if (projectId === undefined || projectId === null) throw forbidden();
  const project = requireProject(db, projectId);
  const id = String(project.id);
  access.requireProjectAccess(id);
  return id;
}

/** `check_manager_project_access`: admin, or a manager in the (existing) project's team. */
export function checkManagerProjectAccess(access: Access, db: Db, projectId: unknown): string {
  if (access.isAdmin) return String(projectId);
  const project = requireProject(db, projectId);
  const id = String(project.id);
  access.requireManagerProjectAccess(id);
  return id;
}

/** `check_project_access` + `check_entity_access`: team member, and a vendor holds a task on it. */
export function checkEntityRead(access: Access, db: Db, entity: EntityRecord): void {
  checkProjectAccess(access, db, entity.projectId);
  access.requireEntityAccess(entity.id, entity.projectId);
}

/**
 * Deleting a shot, sequence, edit or concept: its creator when in the team, else a manager of
 * the project. (Zou calls a non-raising team check for the creator, and for sequences swaps the
 * two branches, letting anyone but the creator delete; the intent is kept, not the slip.)
 */
export function checkEntityDeletion(access: Access, entity: EntityRecord): void {
  if (access.isAdmin) return;
  if (entity.createdBy === access.personId && access.isTeamMember(entity.projectId)) return;
  if (!access.hasManagerProjectAccess(entity.projectId)) throw forbidden();
}

/** `scope_criterions_to_vendor`'s departments: the vendor's, or null for anyone else. */
export function vendorDepartments(access: Access, projectId?: string | null): string[] | null {
  return access.isVendor(projectId) ? access.departments() : null;
}
