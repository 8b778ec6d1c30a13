import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  eventsNamed,
  lookupId,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function departmentId(name: string): string {
  return lookupId(server, 'SELECT id FROM department WHERE name = ?', name);
}

function inTeam(projectId: string, personId: string): boolean {
  return (
    server.context.db
      .prepare('SELECT 1 FROM project_person_link WHERE project_id = ? AND person_id = ?')
      .get(projectId, personId) !== undefined
  );
}

function assignees(taskId: string): string[] {
  return (
    server.context.db
      .prepare('SELECT person_id FROM task_person_link WHERE task_id = ?')
      .all(taskId) as { person_id: string }[]
  ).map((row) => row.person_id);
}

function setup(): { manager: ApiClient; artist: ApiClient; projectId: string; taskId: string } {
  const manager = addPerson(server, 'manager');
  const artist = addPerson(server, 'user');
  const projectId = addProject(server, { team: [manager.id] });
  const taskId = addTask(server, projectId, addEntity(server, projectId));
  return { manager, artist, projectId, taskId };
}

describe('PUT /actions/tasks/{id}/assign', () => {
  it('assigns, adds the assignee to the team, notifies and announces', async () => {
    const { manager, artist, projectId, taskId } = setup();
    expect(inTeam(projectId, artist.id)).toBe(false);
    const response = await manager.put(`/actions/tasks/${taskId}/assign`, {
      person_id: artist.id,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: taskId,
      type: 'Task',
      assignees: [artist.id],
      assigner_id: manager.id,
    });
    expect(inTeam(projectId, artist.id)).toBe(true);
    expect(eventsNamed(server, 'task:assign').at(-1)?.data).toEqual({
      task_id: taskId,
      person_id: artist.id,
      project_id: projectId,
    });
    expect(eventsNamed(server, 'task:update').at(-1)?.data).toEqual({
      task_id: taskId,
      project_id: projectId,
    });
    expect(eventsNamed(server, 'project:update').at(-1)?.data).toEqual({ project_id: projectId });
    const notification = server.context.db
      .prepare("SELECT * FROM notification WHERE person_id = ? AND type = 'assignation'")
      .get(artist.id) as { author_id: string; task_id: string } | undefined;
    expect(notification).toMatchObject({ author_id: manager.id, task_id: taskId });

    // Assigning again keeps one link and does not announce a second team change.
    const updates = eventsNamed(server, 'project:update').length;
    await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: artist.id });
    expect(assignees(taskId)).toEqual([artist.id]);
    expect(eventsNamed(server, 'project:update')).toHaveLength(updates);
  });

  it('answers unknown tasks 404, unknown assignees 400, bad bodies 400', async () => {
    const { manager, taskId } = setup();
    expect(
      (await manager.put(`/actions/tasks/${MISSING}/assign`, { person_id: manager.id })).status,
    ).toBe(404);
    expect(
      (await manager.put('/actions/tasks/nope/assign', { person_id: manager.id })).status,
    ).toBe(404);
    for (const personId of [MISSING, 'not-an-id']) {
      expect(await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: personId })).toEqual(
        {
          status: 400,
          body: { error: "Assignee doesn't exist in database." },
        },
      );
    }
    const empty = await manager.put(`/actions/tasks/${taskId}/assign`, {});
    expect(empty.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'person_id', message: 'Field required' }] },
    });
    expect(assignees(taskId)).toEqual([]);
  });

  it('lets artists assign only themselves, on tasks of their department', async () => {
    const manager = addPerson(server, 'manager');
    const modeler = addPerson(server, 'user', { departments: [departmentId('Modeling')] });
    const other = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, modeler.id, other.id] });
    const entity = addEntity(server, projectId);
    const modeling = addTask(server, projectId, entity);
    const rigging = addTask(server, projectId, entity, { taskType: ['Rigging', 'Asset'] });
    expect(
      (await modeler.put(`/actions/tasks/${modeling}/assign`, { person_id: other.id })).status,
    ).toBe(403);
    expect(
      (await modeler.put(`/actions/tasks/${rigging}/assign`, { person_id: modeler.id })).status,
    ).toBe(403);
    expect(
      (await modeler.put(`/actions/tasks/${modeling}/assign`, { person_id: modeler.id })).status,
    ).toBe(200);
  });

  it('refuses bots unless the project collaborates with bots', async () => {
    const { manager, projectId, taskId } = setup();
    const bot = addPerson(server, 'user', { is_bot: true });
    expect(
      (await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: bot.id })).status,
    ).toBe(403);
    server.context.db
      .prepare('UPDATE project SET is_bot_collaboration_enabled = 1 WHERE id = ?')
      .run(projectId);
    expect(
      (await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: bot.id })).status,
    ).toBe(200);
  });
});

describe('PUT /actions/persons/{id}/assign', () => {
  it('assigns the allowed tasks, skips the others and unknown ones', async () => {
    const { manager, artist, projectId, taskId } = setup();
    const otherProject = addProject(server);
    const foreign = addTask(server, otherProject, addEntity(server, otherProject));
    const response = await manager.put(`/actions/persons/${artist.id}/assign`, {
      task_ids: [taskId, foreign, MISSING, 'junk'],
    });
    expect(response.status).toBe(200);
    expect(response.body.map((task: any) => task.id)).toEqual([taskId]);
    expect(assignees(taskId)).toEqual([artist.id]);
    expect(assignees(foreign)).toEqual([]);
    expect(inTeam(projectId, artist.id)).toBe(true);
    expect(inTeam(otherProject, artist.id)).toBe(false);

    expect(await manager.put(`/actions/persons/${MISSING}/assign`, { task_ids: [taskId] })).toEqual(
      {
        status: 400,
        body: { error: "Assignee doesn't exist in database." },
      },
    );
    expect(
      await manager.put(`/actions/persons/${MISSING}/assign`, { task_ids: [MISSING] }),
    ).toEqual({ status: 200, body: [] });
    const empty = await manager.put(`/actions/persons/${artist.id}/assign`, { task_ids: [] });
    expect(empty.body.data.errors).toEqual([
      { field: 'task_ids', message: 'List should have at least 1 item after validation, not 0' },
    ]);
  });
});

describe('PUT /actions/tasks/clear-assignation', () => {
  it('removes one or every assignee from the tasks the caller may change', async () => {
    const { manager, artist, taskId } = setup();
    const second = addPerson(server, 'user');
    await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: artist.id });
    await manager.put(`/actions/tasks/${taskId}/assign`, { person_id: second.id });

    // An artist may only unassign themselves.
    const denied = await artist.put('/actions/tasks/clear-assignation', {
      task_ids: [taskId],
      person_id: second.id,
    });
    expect(denied).toEqual({ status: 200, body: [] });
    const self = await artist.put('/actions/tasks/clear-assignation', {
      task_ids: [taskId],
      person_id: artist.id,
    });
    expect(self.body).toEqual([taskId]);
    expect(assignees(taskId)).toEqual([second.id]);
    expect(eventsNamed(server, 'task:unassign').at(-1)?.data).toMatchObject({
      person_id: artist.id,
      task_id: taskId,
    });

    const all = await manager.put('/actions/tasks/clear-assignation', {
      task_ids: [taskId, MISSING],
    });
    expect(all.body).toEqual([taskId]);
    expect(assignees(taskId)).toEqual([]);
  });
});
