import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { normalizeUuid } from '../crud/values';
import { forbidden, KitsuError } from '../http/errors';
import type { Access } from '../permissions/access';

// Assignment permissions Access does not have (permissions_service), written on top of it.

export interface AssignableTask {
  id: string;
  project_id: string;
  task_type_id: string;
  department_id: string | null;
}

/** The task with its type's department, or undefined when malformed or missing. */
export function findAssignableTask(db: Db, taskId: unknown): AssignableTask | undefined {
  const id = normalizeUuid(taskId);
  if (id === null) return undefined;
  return prepareCached(
    db,
    `SELECT t.id, t.project_id, t.task_type_id, tt.department_id FROM task t
     JOIN task_type tt ON tt.id = t.task_type_id WHERE t.id = ?`,
  ).get(id) as AssignableTask | undefined;
}

/**
 * `check_task_department_access`: admin; else in the team as manager, as a supervisor without
 * departments or of the task's department sharing a department with the assignee, or anyone
 * assigning themselves a task of their own department.
 */
export function canAssign(access: Access, task: AssignableTask, personId: string): boolean {
  if (access.isAdmin) return true;
  if (!access.isTeamMember(task.project_id)) return false;
  if (access.isManager(task.project_id)) return true;
  const mine = access.departments();
  const ofMyDepartment = task.department_id !== null && mine.includes(task.department_id);
  if (access.isSupervisor(task.project_id)) {
    if (mine.length === 0) return true;
    if (ofMyDepartment && departmentsOf(access.db, personId).some((id) => mine.includes(id))) {
      return true;
    }
  }
  return ofMyDepartment && personId === access.personId;
}

/**
 * `check_task_department_access_for_unassign`: admin; else in the team as manager, as a
 * supervisor without departments or of the task's department, or an assignee unassigning
 * themselves.
 */
export function canUnassign(
  access: Access,
  task: AssignableTask,
  personId: string | null,
): boolean {
  if (access.isAdmin) return true;
  if (!access.isTeamMember(task.project_id)) return false;
  if (access.isManager(task.project_id)) return true;
  if (access.isSupervisor(task.project_id)) {
    const mine = access.departments();
    if (mine.length === 0) return true;
    if (task.department_id !== null && mine.includes(task.department_id)) return true;
  }
  return personId === access.personId && access.isAssignedToTask(task.id);
}

function departmentsOf(db: Db, personId: string): string[] {
  const rows = prepareCached(
    db,
    'SELECT department_id FROM department_link WHERE person_id = ?',
  ).all(personId) as { department_id: string }[];
  return rows.map((row) => row.department_id);
}

/** The assignee as stored; a missing one is Zou's bare `{"error": …}` 400. */
export function requireAssignee(db: Db, personId: unknown): { id: string; is_bot: number } {
  const id = normalizeUuid(personId);
  const person =
    id === null
      ? undefined
      : (prepareCached(db, 'SELECT id, is_bot FROM person WHERE id = ?').get(id) as
          { id: string; is_bot: number } | undefined);
  if (!person) throw new KitsuError(400, { error: "Assignee doesn't exist in database." });
  return person;
}

/** `check_person_is_not_bot`: bots only where the project welcomes them. */
export function botMayWorkOn(db: Db, person: { is_bot: number }, projectId: string): boolean {
  if (!person.is_bot) return true;
  const project = prepareCached(
    db,
    'SELECT is_bot_collaboration_enabled FROM project WHERE id = ?',
  ).get(projectId) as { is_bot_collaboration_enabled: number | null } | undefined;
  return !!project?.is_bot_collaboration_enabled;
}

export function requireBotMayWorkOn(db: Db, person: { is_bot: number }, projectId: string): void {
  if (!botMayWorkOn(db, person, projectId)) throw forbidden();
}
