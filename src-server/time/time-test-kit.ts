import { signToken } from '../auth/jwt';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  ApiClient,
  insertRow,
  lookupId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import type { Data } from '../crud/rows';
import type { Role } from '../permissions/access';

// Fixtures for the time suites, on top of the CRUD test kit.

export interface Production {
  projectId: string;
  entityId: string;
}

export function addProduction(
  server: CrudTestServer,
  team: string[],
  fields: Data = {},
): Production {
  const projectId = addProject(server, { team, fields });
  return { projectId, entityId: addEntity(server, projectId) };
}

/** A task of the production, of a seeded asset task type (Modeling → department Modeling). */
export function addAssignedTask(
  server: CrudTestServer,
  production: Production,
  assignees: string[],
  taskType = 'Modeling',
): string {
  return addTask(server, production.projectId, production.entityId, {
    assignees,
    taskType: [taskType, 'Asset'],
  });
}

export function departmentId(server: CrudTestServer, name: string): string {
  return lookupId(server, 'SELECT id FROM department WHERE name = ?', name);
}

/** Writes a time spent row directly (no API, no events). */
export function addTimeSpent(
  server: CrudTestServer,
  taskId: string,
  personId: string,
  date: string,
  duration: number,
): string {
  return insertRow(server, 'time_spent', { task_id: taskId, person_id: personId, date, duration });
}

/** A bot person with a valid bot API token (its jti is the person's). */
export function addBot(server: CrudTestServer, role: Role = 'user'): ApiClient {
  const probe = addPerson(server, role, { is_bot: true });
  const { token, claims } = signToken(server.context.jwtSecret, {
    sub: probe.id,
    type: 'access',
    identityType: 'bot',
    ttlSeconds: 3600,
  });
  server.context.db.prepare('UPDATE person SET jti = ? WHERE id = ?').run(claims.jti, probe.id);
  return new ApiClient(server.baseUrl, token, probe.id);
}

export function taskDuration(server: CrudTestServer, taskId: string): number {
  const row = server.context.db.prepare('SELECT duration FROM task WHERE id = ?').get(taskId) as {
    duration: number;
  };
  return row.duration;
}

/** Puts a person in a project's team (the CRUD's insert has no model for the link table). */
export function joinTeam(server: CrudTestServer, projectId: string, personId: string): void {
  server.context.db
    .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
    .run(projectId, personId);
}
