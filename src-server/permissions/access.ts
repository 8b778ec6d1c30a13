import type { Db } from '../db/database';
import type { PersonRow } from '../auth/person-row';
import { forbidden, notFound } from '../http/errors';

export type Role = 'admin' | 'manager' | 'supervisor' | 'user' | 'client' | 'vendor';

interface TaskFacts {
  id: string;
  project_id: string;
  entity_id: string;
  task_type_id: string;
}

/**
 * The one permission module (REFERENCE §4), one instance per request. Zou resolves a
 * per-project role into a request-global slot; here every role question names its project,
 * so no check can read a role resolved for another project.
 */
export class Access {
  private readonly teamCache = new Map<string, string | null | false>();
  private departmentIds: string[] | null = null;

  constructor(
    readonly db: Db,
    readonly person: PersonRow,
  ) {}

  get personId(): string {
    return this.person.id;
  }

  get globalRole(): Role {
    return this.person.role as Role;
  }

  get isAdmin(): boolean {
    return this.globalRole === 'admin';
  }

  /** The caller's departments (department_link). */
  departments(): string[] {
    this.departmentIds ??= (
      this.db
        .prepare('SELECT department_id FROM department_link WHERE person_id = ?')
        .all(this.personId) as { department_id: string }[]
    ).map((row) => row.department_id);
    return this.departmentIds;
  }

  /** False when not in the team; else the explicit per-project role override, or null. */
  private teamLink(projectId: string): string | null | false {
    let cached = this.teamCache.get(projectId);
    if (cached === undefined) {
      const row = this.db
        .prepare('SELECT role FROM project_person_link WHERE project_id = ? AND person_id = ?')
        .get(projectId, this.personId) as { role: string | null } | undefined;
      cached = row ? row.role : false;
      this.teamCache.set(projectId, cached);
    }
    return cached;
  }

  isTeamMember(projectId: string): boolean {
    return this.teamLink(projectId) !== false;
  }

  /**
   * The role that applies on a project: the team link's override, else the global role.
   * Admin is global only; a link holding "admin" is ignored. Without a project (or outside
   * the team) the global role applies.
   */
  role(projectId?: string | null): Role {
    if (this.isAdmin || !projectId) return this.globalRole;
    const link = this.teamLink(projectId);
    if (link && link !== 'admin') return link as Role;
    return this.globalRole;
  }

  isManager(projectId?: string | null): boolean {
    const role = this.role(projectId);
    return role === 'admin' || role === 'manager';
  }

  isAtLeastSupervisor(projectId?: string | null): boolean {
    const role = this.role(projectId);
    return role === 'admin' || role === 'manager' || role === 'supervisor';
  }

  isSupervisor(projectId?: string | null): boolean {
    return this.role(projectId) === 'supervisor';
  }

  isClient(projectId?: string | null): boolean {
    return this.role(projectId) === 'client';
  }

  isVendor(projectId?: string | null): boolean {
    return this.role(projectId) === 'vendor';
  }

  /** Zou's `has_artist_permissions`: only true once a project role "user" is resolved. */
  isArtist(projectId: string): boolean {
    return this.isTeamMember(projectId) && this.role(projectId) === 'user';
  }

  requireAdmin(): void {
    if (!this.isAdmin) throw forbidden();
  }

  /** Global manager check (no project context): admin or manager. */
  requireManager(): void {
    if (!this.isManager()) throw forbidden();
  }

  requireSelfOrAdmin(personId: string): void {
    if (!this.isAdmin && this.personId !== personId) throw forbidden();
  }

  hasProjectAccess(projectId: string): boolean {
    return this.isAdmin || this.isTeamMember(projectId);
  }

  requireProjectAccess(projectId: string): void {
    if (!this.hasProjectAccess(projectId)) throw forbidden();
  }

  hasManagerProjectAccess(projectId: string): boolean {
    return this.isAdmin || (this.isTeamMember(projectId) && this.isManager(projectId));
  }

  requireManagerProjectAccess(projectId: string): void {
    if (!this.hasManagerProjectAccess(projectId)) throw forbidden();
  }

  requireSupervisorProjectAccess(projectId: string): void {
    if (this.isAdmin) return;
    if (this.isTeamMember(projectId) && this.isAtLeastSupervisor(projectId)) return;
    throw forbidden();
  }

  /** `block_access_to_vendor`, for the project the route works on (global role without one). */
  blockVendor(projectId?: string | null): void {
    if (this.isVendor(projectId)) throw forbidden();
  }

  /** Ids of open projects whose team includes the caller ("related projects"). */
  relatedProjectIds(): string[] {
    return (
      this.db
        .prepare(
          `SELECT p.id FROM project p
           JOIN project_status s ON s.id = p.project_status_id
           JOIN project_person_link l ON l.project_id = p.id
           WHERE l.person_id = ? AND s.name = 'Open'`,
        )
        .all(this.personId) as { id: string }[]
    ).map((row) => row.id);
  }

  openProjectIds(): string[] {
    return (
      this.db
        .prepare(
          `SELECT p.id FROM project p JOIN project_status s ON s.id = p.project_status_id
           WHERE s.name = 'Open'`,
        )
        .all() as { id: string }[]
    ).map((row) => row.id);
  }

  isAssignedToEntity(entityId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM task t JOIN task_person_link a ON a.task_id = t.id
           WHERE t.entity_id = ? AND a.person_id = ? LIMIT 1`,
        )
        .get(entityId, this.personId) !== undefined
    );
  }

  isAssignedToTask(taskId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM task_person_link WHERE task_id = ? AND person_id = ?')
        .get(taskId, this.personId) !== undefined
    );
  }

  /** `check_entity_access`: a vendor needs an assigned task on the entity. */
  requireEntityAccess(entityId: string, projectId?: string | null): void {
    if (this.isVendor(projectId) && !this.isAssignedToEntity(entityId)) throw forbidden();
  }

  /** `check_task_access`: read a task. */
  requireTaskAccess(task: TaskFacts): void {
    this.requireProjectAccess(task.project_id);
    this.requireEntityAccess(task.entity_id, task.project_id);
  }

  /** `check_task_action_access`: comment, upload previews, change status. */
  hasTaskActionAccess(task: TaskFacts): boolean {
    if (this.isAdmin) return true;
    if (!this.isTeamMember(task.project_id)) return false;
    if (this.isManager(task.project_id) || this.isClient(task.project_id)) return true;
    if (this.isAssignedToTask(task.id)) return true;
    if (this.isSupervisor(task.project_id) && this.supervisesTaskType(task.task_type_id)) {
      return true;
    }
    const entity = this.db
      .prepare('SELECT created_by FROM entity WHERE id = ?')
      .get(task.entity_id) as { created_by: string | null } | undefined;
    return entity?.created_by === this.personId;
  }

  requireTaskActionAccess(task: TaskFacts): void {
    if (!this.hasTaskActionAccess(task)) throw forbidden();
  }

  /** A supervisor with no department supervises everything; else the task type's department. */
  supervisesTaskType(taskTypeId: string): boolean {
    const departments = this.departments();
    if (departments.length === 0) return true;
    const taskType = this.db
      .prepare('SELECT department_id FROM task_type WHERE id = ?')
      .get(taskTypeId) as { department_id: string | null } | undefined;
    return !!taskType?.department_id && departments.includes(taskType.department_id);
  }

  /** `check_task_status_access`: artists need is_artist_allowed, clients is_client_allowed. */
  requireTaskStatusAccess(projectId: string, taskStatusId: string): void {
    const artist = this.isArtist(projectId);
    const client = this.isTeamMember(projectId) && this.isClient(projectId);
    if (!artist && !client) return;
    const status = this.db
      .prepare('SELECT is_artist_allowed, is_client_allowed FROM task_status WHERE id = ?')
      .get(taskStatusId) as { is_artist_allowed: number; is_client_allowed: number } | undefined;
    if (!status) throw notFound();
    if (artist && !status.is_artist_allowed) throw forbidden();
    if (client && !status.is_client_allowed) throw forbidden();
  }

  /** The effective role another person holds on a project (`get_project_role`). */
  roleOf(personId: string, projectId: string): Role | null {
    const row = this.db
      .prepare(
        `SELECT p.role AS global_role, l.role AS project_role FROM person p
         LEFT JOIN project_person_link l ON l.person_id = p.id AND l.project_id = ?
         WHERE p.id = ?`,
      )
      .get(projectId, personId) as { global_role: Role; project_role: Role | null } | undefined;
    if (!row) return null;
    return row.project_role ?? row.global_role;
  }

  /** `check_time_spent_access`: target assigned, and caller is them, an admin or a manager. */
  requireTimeSpentAccess(task: TaskFacts, personId: string): void {
    const assigned =
      this.db
        .prepare('SELECT 1 FROM task_person_link WHERE task_id = ? AND person_id = ?')
        .get(task.id, personId) !== undefined;
    const allowed =
      assigned &&
      (personId === this.personId ||
        this.isAdmin ||
        (this.isTeamMember(task.project_id) && this.isManager(task.project_id)));
    if (!allowed) throw forbidden();
  }
}

/** Loads the facts permission checks need about a task, or 404. */
export function loadTaskFacts(db: Db, taskId: string): TaskFacts {
  const task = db
    .prepare('SELECT id, project_id, entity_id, task_type_id FROM task WHERE id = ?')
    .get(taskId) as TaskFacts | undefined;
  if (!task) throw notFound();
  return task;
}
