import type { CrudCall } from '../crud/crud-call';
import { createNotification } from '../crud/notifications';
import { serializeById } from '../crud/present';
import { prepareCached } from '../crud/sql';
import { nowDateTime } from '../db/time';
import type { Json } from '../models/serialize';
import { taskModel } from './call';

/**
 * `assign_task` + `create_assignation_notification`: the person joins the assignees, the
 * caller becomes the assigner; `task:assign` and `task:update`, and a notification unless
 * they assigned themselves. Returns the task with its assignees.
 */
export function assignTask(call: CrudCall, taskId: string, personId: string): Json {
  const { db } = call;
  prepareCached(
    db,
    'INSERT OR IGNORE INTO task_person_link (task_id, person_id) VALUES (?, ?)',
  ).run(taskId, personId);
  prepareCached(db, 'UPDATE task SET assigner_id = ?, updated_at = ? WHERE id = ?').run(
    call.personId,
    nowDateTime(),
    taskId,
  );
  const task = serializeById(db, taskModel, taskId, true);
  const projectId = (task.project_id as string | null) ?? null;
  call.emit('task:assign', { task_id: taskId, person_id: personId }, projectId);
  call.emit('task:update', { task_id: taskId }, projectId);
  if (personId !== call.personId) {
    createNotification(call, {
      personId,
      authorId: call.personId,
      type: 'assignation',
      taskId,
      projectId,
    });
  }
  return task;
}

/** `add_team_member`: the person joins the team (`project:update` when they were not in it). */
export function addTeamMember(call: CrudCall, projectId: string, personId: string): void {
  const added = prepareCached(
    call.db,
    'INSERT OR IGNORE INTO project_person_link (project_id, person_id) VALUES (?, ?)',
  ).run(projectId, personId);
  if (added.changes > 0) call.emit('project:update', {}, projectId);
}

/**
 * `clear_assignation`: everyone (no person given) or that person leaves the assignees;
 * `task:unassign` for each one removed (for the named person even when not assigned), then
 * `task:update`.
 */
export function clearAssignation(call: CrudCall, taskId: string, personId: string | null): void {
  const { db } = call;
  const task = prepareCached(db, 'SELECT project_id FROM task WHERE id = ?').get(taskId) as {
    project_id: string | null;
  };
  let removed: string[];
  if (personId === null) {
    removed = (
      prepareCached(
        db,
        'SELECT person_id FROM task_person_link WHERE task_id = ? ORDER BY rowid',
      ).all(taskId) as { person_id: string }[]
    ).map((row) => row.person_id);
    prepareCached(db, 'DELETE FROM task_person_link WHERE task_id = ?').run(taskId);
  } else {
    removed = [personId];
    prepareCached(db, 'DELETE FROM task_person_link WHERE task_id = ? AND person_id = ?').run(
      taskId,
      personId.toLowerCase(),
    );
  }
  prepareCached(db, 'UPDATE task SET updated_at = ? WHERE id = ?').run(nowDateTime(), taskId);
  for (const removedId of removed) {
    call.emit('task:unassign', { person_id: removedId, task_id: taskId }, task.project_id);
  }
  call.emit('task:update', { task_id: taskId }, task.project_id);
}
