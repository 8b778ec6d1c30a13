import type { Db } from '../db/database';
import { forbidden, notFound } from '../http/errors';
import type { Access } from '../permissions/access';
import { prepareCached } from '../crud/sql';

// Who may read whose task lists (REFERENCE §4 and §5), on top of Access: these rules only
// exist for the artist views, so they live beside them.

/** `projects_service.open_projects`: every project whose status reads as open. */
export function openProjectIds(db: Db): string[] {
  const rows = prepareCached(
    db,
    `SELECT p.id FROM project p JOIN project_status s ON s.id = p.project_status_id
     WHERE s.name IN ('Active', 'open', 'Open')`,
  ).all() as { id: string }[];
  return rows.map((row) => row.id);
}

/** `check_person_is_not_bot`: the target must exist (404) and be a person (403). */
export function requireHumanTarget(db: Db, personId: string): void {
  const target = prepareCached(db, 'SELECT is_bot FROM person WHERE id = ?').get(personId) as
    { is_bot: number | null } | undefined;
  if (!target) throw notFound();
  if (target.is_bot) throw forbidden();
}

/**
 * The projects whose tasks `/data/persons/{id}/tasks|done-tasks` may list, or null when the
 * answer is an empty list. A vendor may ask about themselves only; Zou then crashes on a
 * missing service, we answer their tasks (REFERENCE "Our decisions"). Clients see nothing.
 */
export function personTaskProjects(db: Db, access: Access, personId: string): string[] | null {
  requireHumanTarget(db, personId);
  const role = access.globalRole;
  if (personId !== access.personId && role === 'vendor') throw forbidden();
  if (role === 'client') return null;
  return access.isAdmin ? openProjectIds(db) : access.relatedProjectIds();
}

/** `/data/persons/{id}/related-tasks/{task_type_id}`: the same target rules, no project scope. */
export function requireRelatedTasksAccess(db: Db, access: Access, personId: string): void {
  requireHumanTarget(db, personId);
  if (personId !== access.personId && access.globalRole === 'vendor') throw forbidden();
}

export interface ToCheckScope {
  /** null: every open project (admins). */
  projectIds: string[] | null;
  /** null or empty: every department. */
  departmentIds: string[] | null;
}

/**
 * `user_service.get_tasks_to_check`: admins check all open projects, managers their related
 * projects, supervisors their related projects within their departments; others nothing.
 */
export function toCheckScope(access: Access): ToCheckScope | null {
  switch (access.globalRole) {
    case 'admin':
      return { projectIds: null, departmentIds: null };
    case 'manager':
      return { projectIds: access.relatedProjectIds(), departmentIds: null };
    case 'supervisor':
      return { projectIds: access.relatedProjectIds(), departmentIds: access.departments() };
    default:
      return null;
  }
}
