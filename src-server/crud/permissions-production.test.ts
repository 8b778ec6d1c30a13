import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_MESSAGE } from '../http/errors';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  entityTypeId,
  eventsNamed,
  insertRow,
  lookupId,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from './crud-test-kit';

let server: CrudTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

function ids(body: { id: string }[]): string[] {
  return body.map((row) => row.id).sort();
}

function departmentId(name: string): string {
  return lookupId(server, 'SELECT id FROM department WHERE name = ?', name);
}

describe('tasks', () => {
  it('lists assigned tasks to vendors and open team projects to others', async () => {
    const vendor = addPerson(server, 'vendor');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [vendor.id, artist.id] });
    const closed = addProject(server, { team: [artist.id], closed: true });
    const entityId = addEntity(server, projectId);
    const assigned = addTask(server, projectId, entityId, { assignees: [vendor.id] });
    // Vendors read through entities: this task sits on an entity they hold no task on.
    const unassigned = addTask(server, projectId, addEntity(server, projectId));
    addTask(server, closed, addEntity(server, closed));
    expect(ids((await vendor.get('/data/tasks')).body)).toEqual([assigned]);
    expect(ids((await artist.get('/data/tasks')).body)).toEqual([assigned, unassigned].sort());
    expect((await vendor.get(`/data/tasks/${assigned}`)).status).toBe(200);
    expect((await vendor.get(`/data/tasks/${unassigned}`)).status).toBe(403);
    const client = addPerson(server, 'client');
    expect((await client.get(`/data/tasks/${unassigned}`)).status).toBe(403);
  });

  it('lets supervisors change planning columns on tasks of their departments', async () => {
    const supervisor = addPerson(server, 'supervisor', { departments: [departmentId('Modeling')] });
    const projectId = addProject(server, { team: [supervisor.id] });
    const entityId = addEntity(server, projectId);
    const modeling = addTask(server, projectId, entityId);
    const rigging = addTask(server, projectId, entityId, { taskType: ['Rigging', 'Asset'] });
    expect((await supervisor.put(`/data/tasks/${modeling}`, { priority: 2 })).status).toBe(200);
    expect((await supervisor.put(`/data/tasks/${modeling}`, { name: 'x' })).status).toBe(403);
    expect((await supervisor.put(`/data/tasks/${rigging}`, { priority: 2 })).status).toBe(403);
    const artist = addPerson(server, 'user');
    expect((await artist.put(`/data/tasks/${modeling}`, { priority: 1 })).status).toBe(403);
  });

  it('announces assignee changes made through PUT', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId));
    const response = await manager.put(`/data/tasks/${taskId}`, { assignees: [artist.id] });
    expect(response.status).toBe(200);
    expect(eventsNamed(server, 'task:assign').at(-1)?.data).toEqual({
      task_id: taskId,
      person_id: artist.id,
      project_id: projectId,
    });
    const notification = server.context.db
      .prepare("SELECT * FROM notification WHERE task_id = ? AND type = 'assignation'")
      .get(taskId) as { person_id: string; author_id: string };
    expect(notification).toMatchObject({ person_id: artist.id, author_id: manager.id });
  });

  it('creates tasks for managers of the project, checking the task type', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const assetId = addEntity(server, projectId, 'Prop');
    const body = {
      project_id: projectId,
      entity_id: assetId,
      task_type_id: taskTypeId(server, 'Shading', 'Asset'),
      assignees: [artist.id],
    };
    expect((await artist.post('/data/tasks', body)).status).toBe(403);
    const created = await manager.post('/data/tasks', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'main', assignees: [artist.id], type: 'Task' });
    expect(eventsNamed(server, 'task:new').at(-1)?.data).toEqual({
      task_id: created.body.id,
      project_id: projectId,
    });
    const duplicate = await manager.post('/data/tasks', body);
    expect(duplicate.body).toEqual({ message: 'Task already exists.' });
    const mismatch = await manager.post('/data/tasks', {
      ...body,
      task_type_id: taskTypeId(server, 'Animation', 'Shot'),
    });
    expect(mismatch.body).toEqual({
      error: true,
      message: 'Task type of the task does not match entity type.',
    });
  });
});

describe('entities', () => {
  it('lists to vendors only the entities they hold a task on', async () => {
    const vendor = addPerson(server, 'vendor');
    const projectId = addProject(server, { team: [vendor.id] });
    const mine = addEntity(server, projectId);
    const other = addEntity(server, projectId);
    addTask(server, projectId, mine, { assignees: [vendor.id] });
    addTask(server, projectId, mine, { assignees: [vendor.id] });
    expect(ids((await vendor.get(`/data/entities?project_id=${projectId}`)).body)).toEqual([mine]);
    expect((await vendor.get(`/data/entities/${other}`)).status).toBe(403);
    const entity = await vendor.get(`/data/entities/${mine}`);
    expect(entity.body.type).toBe('Asset');
  });

  it('lets managers create entities, creators and managers edit and delete them', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const body = {
      name: 'Chair',
      project_id: projectId,
      entity_type_id: entityTypeId(server, 'Prop'),
    };
    expect((await artist.post('/data/entities', body)).status).toBe(403);
    const created = await manager.post('/data/entities', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'Entity', created_by: manager.id });
    expect(eventsNamed(server, 'asset:new').at(-1)?.data).toEqual({
      asset_id: created.body.id,
      project_id: projectId,
    });
    const denied = await artist.put(`/data/entities/${created.body.id}`, { description: 'x' });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ error: true, message: FORBIDDEN_MESSAGE });
    const shot = addEntity(server, projectId, 'Shot', { created_by: artist.id });
    const own = await artist.put(`/data/entities/${shot}`, { description: 'mine' });
    expect(own.body).toMatchObject({ type: 'Shot', description: 'mine' });
    expect((await artist.delete(`/data/entities/${created.body.id}`)).status).toBe(403);
    expect((await artist.delete(`/data/entities/${shot}`)).status).toBe(204);
    expect(eventsNamed(server, 'shot:delete').at(-1)?.data).toEqual({
      shot_id: shot,
      project_id: projectId,
    });
  });
});

describe('comments', () => {
  function addComment(taskId: string, authorId: string, fields: Record<string, unknown> = {}) {
    return insertRow(server, 'comment', {
      object_id: taskId,
      object_type: 'Task',
      text: 'A comment',
      person_id: authorId,
      task_status_id: taskStatusId(server, 'todo'),
      ...fields,
    });
  }

  it('hides studio comments from clients and client comments from artists', async () => {
    const artist = addPerson(server, 'user');
    const client = addPerson(server, 'client');
    const supervisor = addPerson(server, 'supervisor');
    const projectId = addProject(server, { team: [artist.id, client.id, supervisor.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId), {
      assignees: [artist.id],
    });
    const studioComment = addComment(taskId, artist.id);
    const forClient = addComment(taskId, artist.id, { for_client: true });
    const clientComment = addComment(taskId, client.id);

    expect((await client.get(`/data/comments/${studioComment}`)).status).toBe(403);
    const shown = await client.get(`/data/comments/${forClient}`);
    expect(shown.status).toBe(200);
    expect(shown.body.person).toBeNull();
    const own = await client.get(`/data/comments/${clientComment}`);
    expect(own.body.person).toMatchObject({ id: client.id, role: 'client' });

    expect((await artist.get(`/data/comments/${clientComment}`)).status).toBe(403);
    const artistView = await artist.get(`/data/comments/${studioComment}`);
    expect(artistView.body.person).toMatchObject({ id: artist.id, full_name: expect.any(String) });
    expect((await supervisor.get(`/data/comments/${clientComment}`)).status).toBe(200);
    expect((await artist.get('/data/comments')).status).toBe(403);
    expect((await admin.get('/data/comments/not-an-id')).status).toBe(404);
  });

  it('lets authors edit their comments, others only tick or pin', async () => {
    const artist = addPerson(server, 'user');
    const other = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id, other.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId), {
      assignees: [artist.id],
    });
    const checklist = [{ text: 'do it', checked: false }];
    const commentId = addComment(taskId, other.id, { checklist });
    const ticked = await artist.put(`/data/comments/${commentId}`, {
      checklist: [{ text: 'do it', checked: true }],
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.editor_id).toBe(artist.id);
    const rewritten = await artist.put(`/data/comments/${commentId}`, {
      checklist: [{ text: 'other', checked: true }],
    });
    expect(rewritten.status).toBe(403);
    expect((await artist.put(`/data/comments/${commentId}`, { text: 'x' })).status).toBe(403);
    expect((await artist.put(`/data/comments/${commentId}`, { pinned: true })).status).toBe(403);
    const edited = await other.put(`/data/comments/${commentId}`, {
      text: `Hello @${'x'}`,
    });
    expect(edited.status).toBe(200);
    expect(eventsNamed(server, 'comment:update').at(-1)?.data).toEqual({
      comment_id: commentId,
    });
  });

  it('lets the author or a manager of the project delete a comment', async () => {
    const artist = addPerson(server, 'user');
    const other = addPerson(server, 'user');
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [artist.id, other.id, manager.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId));
    const mine = addComment(taskId, artist.id, { task_status_id: taskStatusId(server, 'wip') });
    server.context.db
      .prepare('UPDATE task SET task_status_id = ? WHERE id = ?')
      .run(taskStatusId(server, 'wip'), taskId);
    const theirs = addComment(taskId, other.id);
    expect((await other.delete(`/data/comments/${mine}`)).status).toBe(403);
    expect((await artist.delete(`/data/comments/${mine}`)).status).toBe(204);
    expect(eventsNamed(server, 'comment:delete').at(-1)?.data).toEqual({
      comment_id: mine,
      project_id: projectId,
    });
    expect((await manager.delete(`/data/comments/${theirs}`)).status).toBe(204);
    const task = (await admin.get(`/data/tasks/${taskId}`)).body;
    expect(task.task_status_id).toBe(taskStatusId(server, 'todo'));
  });
});
