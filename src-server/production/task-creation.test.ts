import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  eventsNamed,
  insertRow,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addSequenceWithShots, addShotTask } from './production-test-kit';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function taskCount(projectId: string): number {
  return (
    server.context.db
      .prepare('SELECT COUNT(*) AS n FROM task WHERE project_id = ?')
      .get(projectId) as {
      n: number;
    }
  ).n;
}

describe('POST /actions/projects/{pid}/task-types/{ttid}/create-tasks/{entity_type}', () => {
  it('creates the missing tasks of every shot and skips existing ones', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const { shotIds } = addSequenceWithShots(server, projectId, 3);
    const existing = addShotTask(server, projectId, shotIds[0]!);
    const layout = taskTypeId(server, 'Layout', 'Shot');
    const url = `/actions/projects/${projectId}/task-types/${layout}/create-tasks/shot/`;

    expect((await artist.post(url)).status).toBe(403);
    const created = await manager.post(url);
    expect(created.status).toBe(201);
    expect(created.body.map((task: any) => task.entity_id)).toEqual(shotIds.slice(1));
    expect(created.body[0]).toMatchObject({
      type: 'Task',
      name: 'main',
      assignees: [],
      assigner_id: manager.id,
      task_type_id: layout,
      task_type_name: 'Layout',
      task_type_priority: 2,
      task_status_id: taskStatusId(server, 'todo'),
      task_status_name: 'Todo',
      task_status_short_name: 'todo',
      task_status_color: expect.any(String),
    });
    expect(created.body.map((task: any) => task.id)).not.toContain(existing);
    expect(eventsNamed(server, 'task:new').map((event) => (event.data as any).task_id)).toEqual(
      expect.arrayContaining(created.body.map((task: any) => task.id)),
    );
    expect(await manager.post(url)).toEqual({ status: 201, body: [] });
    expect(taskCount(projectId)).toBe(3);
  });

  it('takes an id list (project entities only) and asset type names', async () => {
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id] });
    const props = [addEntity(server, projectId, 'Prop'), addEntity(server, projectId, 'Prop')];
    const foreign = addEntity(server, addProject(server), 'Prop');
    const modeling = taskTypeId(server, 'Modeling', 'Asset');
    const url = `/actions/projects/${projectId}/task-types/${modeling}/create-tasks/prop`;
    const listed = await manager.post(url, [props[1], foreign]);
    expect(listed.body.map((task: any) => task.entity_id)).toEqual([props[1]]);
    const rest = await manager.post(url, {});
    expect(rest.body.map((task: any) => task.entity_id)).toEqual([props[0]]);

    expect((await manager.post(url, [MISSING])).status).toBe(404);
    expect(await manager.post(url, ['nope'])).toEqual({
      status: 400,
      body: { error: true, message: 'Request body must only contain valid UUIDs.', data: null },
    });
    expect((await manager.post(url, { a: 1 })).body.message).toBe(
      'Request body must be a JSON array.',
    );
    const unknownType = `/actions/projects/${projectId}/task-types/${modeling}/create-tasks/dragon`;
    expect((await manager.post(unknownType)).status).toBe(404);
    const unknownTaskType = `/actions/projects/${projectId}/task-types/${MISSING}/create-tasks/prop`;
    expect((await manager.post(unknownTaskType)).status).toBe(404);
  });
});

describe('POST /actions/projects/{pid}/delete-tasks', () => {
  it('deletes the listed tasks of the project and answers the ids deleted', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const entity = addEntity(server, projectId);
    const commented = addTask(server, projectId, entity);
    const plain = addTask(server, projectId, entity, { taskType: ['Rigging', 'Asset'] });
    insertRow(server, 'comment', {
      object_id: commented,
      object_type: 'Task',
      person_id: manager.id,
      task_status_id: taskStatusId(server, 'todo'),
    });
    const otherProject = addProject(server);
    const foreign = addTask(server, otherProject, addEntity(server, otherProject));
    const url = `/actions/projects/${projectId}/delete-tasks`;

    expect((await artist.post(url, [plain])).status).toBe(403);
    const response = await manager.post(url, [commented, foreign, MISSING, plain]);
    expect(response).toEqual({ status: 200, body: [commented, plain] });
    expect(taskCount(projectId)).toBe(0);
    expect(taskCount(otherProject)).toBe(1);
    expect(eventsNamed(server, 'task:delete').map((event) => (event.data as any).task_id)).toEqual(
      expect.arrayContaining([commented, plain]),
    );
    expect((await manager.post(url, { ids: [] })).body.message).toBe(
      'Request body must be a JSON array.',
    );
    expect((await manager.post(url, ['x'])).status).toBe(400);
  });
});
