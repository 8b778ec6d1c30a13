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

interface EntityFacts {
  id: string;
  project_id: string;
  entity_type_id: string;
  created_by: string | null;
}

interface CommentFacts {
  object_id: string;
  person_id: string;
  task_status_id?: string | null;
  for_client?: boolean | null;
  pinned?: boolean | null;
  checklist?: unknown;
}

/** Columns a supervisor may change on a task of their departments. */
const SUPERVISOR_TASK_COLUMNS = new Set([
  'priority',
  'start_date',
  'due_date',
  'estimation',
  'difficulty',
  'data',
]);

/** Entity types that are not asset types. */
const TEMPORAL_TYPE_NAMES = new Set(['Shot', 'Sequence', 'Episode', 'Scene', 'Edit', 'Concept']);

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/** True when two checklists have the same items and differ at most in their `checked` flags. */
function onlyCheckedFlagsDiffer(current: unknown, next: unknown): boolean {
  const before = Array.isArray(current) ? current : [];
  if (!Array.isArray(next) || next.length !== before.length) return false;
  return before.every((item, index) => {
    const other: unknown = next[index];
    if (!item || typeof item !== 'object' || !other || typeof other !== 'object') {
      return sameJson(item, other);
    }
    const keys = new Set([...Object.keys(item), ...Object.keys(other)]);
    keys.delete('checked');
    return [...keys].every((key) =>
      sameJson((item as Record<string, unknown>)[key], (other as Record<string, unknown>)[key]),
    );
  });
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

  /** `check_working_on_task`: the caller is an assignee of the task. */
  requireWorkingOnTask(taskId: string): void {
    if (!this.isAssignedToTask(taskId)) throw forbidden();
  }

  /** `check_working_on_entity`: the caller is assigned to a task of the entity. */
  requireWorkingOnEntity(entityId: string): void {
    if (!this.isAssignedToEntity(entityId)) throw forbidden();
  }

  /**
   * `check_supervisor_task_access`: admin, or manager in the team; a supervisor in the team
   * may change only planning columns, on tasks of their departments (any without department).
   */
  requireSupervisorTaskAccess(task: TaskFacts, changedKeys: readonly string[]): void {
    if (this.hasManagerProjectAccess(task.project_id)) return;
    const supervisor = this.isTeamMember(task.project_id) && this.isSupervisor(task.project_id);
    const planningOnly = changedKeys.every((key) => SUPERVISOR_TASK_COLUMNS.has(key));
    if (supervisor && planningOnly && this.supervisesTaskType(task.task_type_id)) return;
    throw forbidden();
  }

  /** `check_supervisor_project_task_type_access`: manager, or supervisor of the task type. */
  requireSupervisorTaskTypeAccess(projectId: string, taskTypeId: string): void {
    if (this.hasManagerProjectAccess(projectId)) return;
    if (
      this.isTeamMember(projectId) &&
      this.isSupervisor(projectId) &&
      this.supervisesTaskType(taskTypeId)
    ) {
      return;
    }
    throw forbidden();
  }

  /**
   * `check_metadata_department_access` (PUT an entity): admin, or in the team as manager or as
   * the entity's creator; a supervisor in the team may change only `data` fields whose
   * metadata descriptor lists one of their departments (anything when they have none).
   */
  requireMetadataDepartmentAccess(entity: EntityFacts, data: Record<string, unknown>): void {
    if (this.isAdmin) return;
    const belongs = this.isTeamMember(entity.project_id);
    if (belongs && (this.isManager(entity.project_id) || entity.created_by === this.personId)) {
      return;
    }
    if (!belongs || !this.isSupervisor(entity.project_id)) throw forbidden();
    if (Object.keys(data).some((key) => key !== 'data')) throw forbidden();
    const departments = this.departments();
    if (departments.length === 0) return;
    const fields = data.data && typeof data.data === 'object' ? Object.keys(data.data) : [];
    const kind = this.metadataKindOf(entity.entity_type_id);
    if (!kind || fields.length === 0) throw forbidden();
    const descriptors = this.db
      .prepare(
        `SELECT d.field_name, l.department_id FROM metadata_descriptor d
         LEFT JOIN department_metadata_descriptor_link l ON l.metadata_descriptor_id = d.id
         WHERE d.project_id = ? AND d.entity_type = ?`,
      )
      .all(entity.project_id, kind) as { field_name: string; department_id: string | null }[];
    const allowed = fields.every((field) =>
      descriptors.some(
        (row) =>
          row.field_name === field &&
          row.department_id !== null &&
          departments.includes(row.department_id),
      ),
    );
    if (!allowed) throw forbidden();
  }

  /** The descriptor `entity_type` a supervisor's metadata edit is checked against. */
  private metadataKindOf(entityTypeId: string): 'Shot' | 'Asset' | 'Edit' | null {
    const row = this.db.prepare('SELECT name FROM entity_type WHERE id = ?').get(entityTypeId) as
      { name: string } | undefined;
    if (!row) return null;
    if (row.name === 'Shot' || row.name === 'Edit') return row.name;
    return TEMPORAL_TYPE_NAMES.has(row.name) ? null : 'Asset';
  }

  /**
   * `check_comment_access` (read one comment): admin; else project and entity access, then
   * supervisors and managers read everything, clients only client-authored or for_client
   * comments (their own or for_client ones on isolated projects), others anything not written
   * by a client.
   */
  requireCommentAccess(comment: CommentFacts): void {
    if (this.isAdmin) return;
    const task = loadTaskFacts(this.db, comment.object_id);
    this.requireProjectAccess(task.project_id);
    this.requireEntityAccess(task.entity_id, task.project_id);
    if (this.isAtLeastSupervisor(task.project_id)) return;
    const authorIsClient = this.roleOf(comment.person_id, task.project_id) === 'client';
    if (this.isClient(task.project_id)) {
      const project = this.db
        .prepare('SELECT is_clients_isolated FROM project WHERE id = ?')
        .get(task.project_id) as { is_clients_isolated: number | null } | undefined;
      if (
        project?.is_clients_isolated &&
        comment.person_id !== this.personId &&
        !comment.for_client
      ) {
        throw forbidden();
      }
      if (authorIsClient || comment.for_client) return;
      throw forbidden();
    }
    if (authorIsClient) throw forbidden();
  }

  /**
   * PUT a comment: admin, or a team member; managers change anything; others change only
   * their own comments, except pinning (supervisors of the task's department) and ticking
   * checklist items (assignees and those supervisors). Only managers toggle for_client; a
   * status change needs task action access and the status's role rights.
   */
  requireCommentUpdateAccess(comment: CommentFacts, data: Record<string, unknown>): void {
    if (this.isAdmin) return;
    const task = loadTaskFacts(this.db, comment.object_id);
    if (!this.isTeamMember(task.project_id)) throw forbidden();
    if (this.isManager(task.project_id)) return;
    if ('for_client' in data && data.for_client !== (comment.for_client ?? false)) {
      throw forbidden();
    }
    const isAuthor = comment.person_id === this.personId;
    const supervisorHere =
      this.isSupervisor(task.project_id) && this.supervisesTaskType(task.task_type_id);
    const assigned = this.isAssignedToTask(task.id);
    if ('pinned' in data && data.pinned !== comment.pinned && !supervisorHere) throw forbidden();
    if ('checklist' in data && !isAuthor && !sameJson(data.checklist, comment.checklist)) {
      const onlyTicks = onlyCheckedFlagsDiffer(comment.checklist, data.checklist);
      if (!onlyTicks || !(assigned || supervisorHere)) throw forbidden();
    }
    if (!isAuthor && Object.keys(data).some((key) => key !== 'pinned' && key !== 'checklist')) {
      throw forbidden();
    }
    if ('person_id' in data && data.person_id !== this.personId) throw forbidden();
    if ('object_id' in data && data.object_id !== comment.object_id) throw forbidden();
    if ('task_status_id' in data) {
      const next = String(data.task_status_id).toLowerCase();
      if (next !== String(comment.task_status_id).toLowerCase()) {
        this.requireTaskActionAccess(task);
      }
      this.requireTaskStatusAccess(task.project_id, String(data.task_status_id));
    }
  }

  /** `check_playlist_update_access`: manager on the project, or the supervisor who made it. */
  requirePlaylistUpdateAccess(playlist: { project_id: string; created_by: string | null }): void {
    if (this.hasManagerProjectAccess(playlist.project_id)) return;
    const creator = playlist.created_by === null || playlist.created_by === this.personId;
    if (
      this.isTeamMember(playlist.project_id) &&
      this.isSupervisor(playlist.project_id) &&
      creator
    ) {
      return;
    }
    throw forbidden();
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
