import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  startCrudServer,
  taskStatusId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { Access } from './access';
import type { PersonRow } from '../auth/person-row';

// The permission module itself, on a real database: per-project role overrides, task-action
// access and status rights (REFERENCE §4), then the same rules seen over HTTP.

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

function accessFor(personId: string): Access {
  const person = server.context.db.prepare('SELECT * FROM person WHERE id = ?').get(personId);
  return new Access(server.context.db, person as PersonRow);
}

function setProjectRole(projectId: string, personId: string, role: string | null): void {
  server.context.db
    .prepare('UPDATE project_person_link SET role = ? WHERE project_id = ? AND person_id = ?')
    .run(role, projectId, personId);
}

describe('per-project roles', () => {
  it('apply on their project only, and never grant admin', async () => {
    const artist = addPerson(server, 'user');
    const directed = addProject(server, { team: [artist.id] });
    const other = addProject(server, { team: [artist.id] });
    setProjectRole(directed, artist.id, 'manager');

    const access = accessFor(artist.id);
    expect(access.role(directed)).toBe('manager');
    expect(access.hasManagerProjectAccess(directed)).toBe(true);
    expect(access.role(other)).toBe('user');
    expect(access.hasManagerProjectAccess(other)).toBe(false);
    expect(access.role()).toBe('user');

    setProjectRole(other, artist.id, 'admin');
    const again = accessFor(artist.id);
    expect(again.role(other)).toBe('user');
    expect(again.isAdmin).toBe(false);

    // Over HTTP: the project manager may edit that project and not the other one.
    expect((await artist.put(`/data/projects/${directed}`, { description: 'mine' })).status).toBe(
      200,
    );
    expect((await artist.put(`/data/projects/${other}`, { description: 'not mine' })).status).toBe(
      403,
    );
  });

  it('turn a global manager into a vendor on one project', async () => {
    const manager = addPerson(server, 'manager');
    const vendorProject = addProject(server, { team: [manager.id] });
    setProjectRole(vendorProject, manager.id, 'vendor');
    const entity = addEntity(server, vendorProject);
    const assigned = addEntity(server, vendorProject);
    addTask(server, vendorProject, assigned, { assignees: [manager.id] });

    const access = accessFor(manager.id);
    expect(access.isVendor(vendorProject)).toBe(true);
    expect(() => access.requireEntityAccess(entity, vendorProject)).toThrow();
    expect(() => access.requireEntityAccess(assigned, vendorProject)).not.toThrow();
    expect(
      (await manager.put(`/data/projects/${vendorProject}`, { description: 'x' })).status,
    ).toBe(403);
  });
});

describe('task-action access', () => {
  it('follows check_task_action_access for every kind of caller', () => {
    const assignee = addPerson(server, 'user');
    const bystander = addPerson(server, 'user');
    const client = addPerson(server, 'client');
    const creator = addPerson(server, 'user');
    const outsider = addPerson(server, 'manager');
    const project = addProject(server, {
      team: [assignee.id, bystander.id, client.id, creator.id],
    });
    const entity = addEntity(server, project, 'Character', { created_by: creator.id });
    const taskId = addTask(server, project, entity, { assignees: [assignee.id] });
    const task = server.context.db
      .prepare('SELECT id, project_id, entity_id, task_type_id FROM task WHERE id = ?')
      .get(taskId) as { id: string; project_id: string; entity_id: string; task_type_id: string };

    expect(accessFor(assignee.id).hasTaskActionAccess(task)).toBe(true);
    expect(accessFor(client.id).hasTaskActionAccess(task)).toBe(true);
    expect(accessFor(creator.id).hasTaskActionAccess(task)).toBe(true);
    expect(accessFor(bystander.id).hasTaskActionAccess(task)).toBe(false);
    // A manager outside the team has no access: team membership comes first.
    expect(accessFor(outsider.id).hasTaskActionAccess(task)).toBe(false);
  });

  it('lets supervisors act on the task types of their departments only', () => {
    const db = server.context.db;
    const supervisor = addPerson(server, 'supervisor');
    const unscoped = addPerson(server, 'supervisor');
    const project = addProject(server, { team: [supervisor.id, unscoped.id] });
    const entity = addEntity(server, project);
    const modeling = addTask(server, project, entity, { taskType: ['Modeling', 'Asset'] });
    const facts = (id: string) =>
      db
        .prepare('SELECT id, project_id, entity_id, task_type_id FROM task WHERE id = ?')
        .get(id) as {
        id: string;
        project_id: string;
        entity_id: string;
        task_type_id: string;
      };
    const modelingDepartment = (
      db
        .prepare(
          "SELECT department_id FROM task_type WHERE name = 'Modeling' AND for_entity = 'Asset'",
        )
        .get() as { department_id: string }
    ).department_id;
    const otherDepartment = (
      db.prepare('SELECT id FROM department WHERE id != ? LIMIT 1').get(modelingDepartment) as {
        id: string;
      }
    ).id;
    db.prepare('INSERT INTO department_link (person_id, department_id) VALUES (?, ?)').run(
      supervisor.id,
      otherDepartment,
    );
    expect(accessFor(supervisor.id).hasTaskActionAccess(facts(modeling))).toBe(false);
    db.prepare('INSERT INTO department_link (person_id, department_id) VALUES (?, ?)').run(
      supervisor.id,
      modelingDepartment,
    );
    expect(accessFor(supervisor.id).hasTaskActionAccess(facts(modeling))).toBe(true);
    expect(accessFor(unscoped.id).hasTaskActionAccess(facts(modeling))).toBe(true);
  });
});

describe('status rights', () => {
  it('hold artists to is_artist_allowed and clients to is_client_allowed', () => {
    const db = server.context.db;
    const artist = addPerson(server, 'user');
    const client = addPerson(server, 'client');
    const supervisor = addPerson(server, 'supervisor');
    const project = addProject(server, { team: [artist.id, client.id, supervisor.id] });
    const done = taskStatusId(server, 'done');
    const wip = taskStatusId(server, 'wip');
    db.prepare(
      'UPDATE task_status SET is_artist_allowed = 0, is_client_allowed = 0 WHERE id = ?',
    ).run(done);
    try {
      expect(() => accessFor(artist.id).requireTaskStatusAccess(project, done)).toThrow();
      expect(() => accessFor(client.id).requireTaskStatusAccess(project, done)).toThrow();
      expect(() => accessFor(supervisor.id).requireTaskStatusAccess(project, done)).not.toThrow();
      expect(() => accessFor(artist.id).requireTaskStatusAccess(project, wip)).not.toThrow();
    } finally {
      db.prepare(
        'UPDATE task_status SET is_artist_allowed = 1, is_client_allowed = 1 WHERE id = ?',
      ).run(done);
    }
  });

  it('limit related projects to open ones the caller is in', () => {
    const artist = addPerson(server, 'user');
    const open = addProject(server, { team: [artist.id] });
    addProject(server, { team: [artist.id], closed: true });
    addProject(server);
    expect(accessFor(artist.id).relatedProjectIds()).toEqual([open]);
  });
});
