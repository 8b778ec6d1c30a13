import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  entityTypeId,
  eventsNamed,
  insertRow,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from './crud-test-kit';

let server: CrudTestServer;
let admin: ApiClient;

const DATA_EMPTY =
  'Data are empty. Please verify that you sent JSON data and that you set the right headers.';

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

function count(table: string, where = '1', ...params: unknown[]): number {
  return (
    server.context.db
      .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
      .get(...params) as {
      n: number;
    }
  ).n;
}

describe('POST /data/<model>', () => {
  it('creates with defaults and without audit keys, answers 201, records an event', async () => {
    const response = await admin.post('/data/studios', {
      id: '00000000-0000-0000-0000-000000000001',
      created_at: '2000-01-01T00:00:00',
      name: 'Studio A',
      color: '#123456',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Studio A', archived: false, type: 'Studio' });
    expect(response.body.id).not.toBe('00000000-0000-0000-0000-000000000001');
    expect(response.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const [event] = eventsNamed(server, 'studio:new');
    expect(event).toMatchObject({ user_id: admin.id, data: { studio_id: response.body.id } });
  });

  it('refuses bodies that are not JSON objects', async () => {
    for (const body of [undefined, [1, 2], 'text']) {
      const response = await admin.post('/data/studios', body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: true, message: DATA_EMPTY, data: null });
    }
  });

  it("answers Zou's TypeError text for an unknown key, a CRUD 400 for a bad value", async () => {
    const unknown = await admin.post('/data/studios', { name: 'S', color: '#000000', nope: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ message: "'nope' is an invalid keyword argument for Studio" });
    const badType = await admin.post('/data/studios', { name: 'S2', color: { a: 1 } });
    expect(badType.body).toEqual({ message: 'One of the provided values has an invalid format.' });
    const badChoice = await admin.post('/data/entities', {
      name: 'E',
      project_id: addProject(server),
      entity_type_id: entityTypeId(server, 'Prop'),
      status: 'sleeping',
    });
    expect(badChoice.body).toEqual({ error: true, message: 'Invalid status', data: null });
    const tooLong = await admin.post('/data/studios', { name: 'x'.repeat(81), color: '#000000' });
    expect(tooLong.body).toEqual({ message: 'One of the provided values has an invalid format.' });
    expect(count('studio', "name LIKE 'S%' AND name != 'Studio A'")).toBe(0);
  });

  it('answers the sanitized unique-violation message', async () => {
    await admin.post('/data/file-status', { name: 'Unique FS', color: '#000000' });
    const again = await admin.post('/data/file-status', { name: 'Unique FS', color: '#000000' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'A record with the same unique values already exists.' });
  });

  it('takes relation keys as id lists and drops unknown ids', async () => {
    const department = (await admin.get('/data/departments')).body[0].id;
    const response = await admin.post('/data/persons', {
      first_name: 'Rel',
      last_name: 'Ations',
      email: 'relations@example.com',
      departments: [department, '00000000-0000-4000-8000-000000000000'],
    });
    expect(response.status).toBe(201);
    expect(response.body.departments).toEqual([department]);
    expect(response.body).not.toHaveProperty('password');
    expect(response.body.full_name).toBe('Rel Ations');
  });
});

describe('PUT /data/<model>/<id>', () => {
  it('updates, drops protected keys, ignores unknown ones and bumps updated_at', async () => {
    const projectId = addProject(server);
    const otherProject = addProject(server);
    const entityId = addEntity(server, projectId, 'Prop');
    const taskId = addTask(server, projectId, entityId, {
      fields: { data: { a: 1, b: 1 } },
    });
    server.context.db
      .prepare("UPDATE task SET updated_at = '2001-01-01T00:00:00' WHERE id = ?")
      .run(taskId);
    const response = await admin.put(`/data/tasks/${taskId}`, {
      id: '00000000-0000-4000-8000-000000000000',
      project_id: otherProject,
      priority: 3,
      nonsense: true,
      data: { b: 2, c: 3 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: taskId,
      project_id: projectId,
      priority: 3,
      data: { a: 1, b: 2, c: 3 },
      type: 'Task',
    });
    expect(response.body).not.toHaveProperty('assignees');
    expect(response.body.updated_at > '2001-01-01T00:00:00').toBe(true);
    expect(eventsNamed(server, 'task:update').at(-1)).toMatchObject({
      project_id: projectId,
      data: { task_id: taskId, project_id: projectId },
    });
  });

  it('validates date strings', async () => {
    const projectId = addProject(server);
    const entityId = addEntity(server, projectId, 'Prop');
    const taskId = addTask(server, projectId, entityId);
    const response = await admin.put(`/data/tasks/${taskId}`, { due_date: '2026-04-' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: true,
      message:
        "Invalid date format for 'due_date': '2026-04-'. Expected an ISO 8601 date or datetime.",
      data: null,
    });
    const ok = await admin.put(`/data/tasks/${taskId}`, { due_date: '2026-04-02T10:00:00Z' });
    expect(ok.body.due_date).toBe('2026-04-02T10:00:00');
  });

  it('answers Malformed ID, 404 and Data are empty', async () => {
    expect((await admin.put('/data/studios/nope', { name: 'x' })).body.message).toBe(
      'Malformed ID.',
    );
    const missing = await admin.put('/data/studios/00000000-0000-4000-8000-000000000000', {
      name: 'x',
    });
    expect(missing.status).toBe(404);
    const empty = await admin.put('/data/studios/00000000-0000-4000-8000-000000000000');
    expect(empty.body.message).toBe(DATA_EMPTY);
  });

  it("merges an entity's data and serves it under its kind, with relations", async () => {
    const projectId = addProject(server);
    const assetId = addEntity(server, projectId, 'Prop', { data: { keep: 1 } });
    const response = await admin.put(`/data/entities/${assetId}`, {
      data: { added: 2 },
      created_by: admin.id,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'Asset', data: { keep: 1, added: 2 } });
    expect(response.body.created_by).toBeNull();
    expect(response.body.entities_out).toEqual([]);
    expect(eventsNamed(server, 'asset:update').at(-1)?.data).toEqual({
      asset_id: assetId,
      project_id: projectId,
    });
    const bad = await admin.put(`/data/entities/${assetId}`, { status: 'nope' });
    expect(bad.body).toEqual({ error: true, message: 'Invalid status' });
  });
});

describe('DELETE /data/<model>/<id>', () => {
  it('answers 204 with an empty body and records the event', async () => {
    const created = await admin.post('/data/studios', { name: 'Doomed', color: '#000000' });
    const response = await admin.delete(`/data/studios/${created.body.id}`);
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(eventsNamed(server, 'studio:delete').at(-1)?.data).toEqual({
      studio_id: created.body.id,
    });
    expect((await admin.get(`/data/studios/${created.body.id}`)).status).toBe(404);
  });

  it('refuses with the sanitized message when rows still reference it', async () => {
    const studio = await admin.post('/data/studios', { name: 'Referenced', color: '#000000' });
    addPerson(server, 'user', { studio_id: studio.body.id });
    const response = await admin.delete(`/data/studios/${studio.body.id}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'The change conflicts with records referencing this one.',
    });
  });

  it('deletes a task with its comments only when forced', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const entityId = addEntity(server, projectId);
    const taskId = addTask(server, projectId, entityId, { assignees: [artist.id] });
    const commentId = insertRow(server, 'comment', {
      object_id: taskId,
      object_type: 'Task',
      text: 'hello',
      person_id: artist.id,
      task_status_id: taskStatusId(server, 'wip'),
    });
    insertRow(server, 'news', { author_id: artist.id, task_id: taskId, comment_id: commentId });
    insertRow(server, 'time_spent', {
      task_id: taskId,
      person_id: artist.id,
      date: '2024-01-02',
      duration: 60,
    });
    const refused = await admin.delete(`/data/tasks/${taskId}`);
    expect(refused.status).toBe(400);
    expect(count('task', 'id = ?', taskId)).toBe(1);
    const forced = await admin.delete(`/data/tasks/${taskId}?force=true`);
    expect(forced.status).toBe(204);
    expect(count('task', 'id = ?', taskId)).toBe(0);
    expect(count('comment', 'object_id = ?', taskId)).toBe(0);
    expect(count('time_spent', 'task_id = ?', taskId)).toBe(0);
    expect(count('task_person_link', 'task_id = ?', taskId)).toBe(0);
    expect(eventsNamed(server, 'task:delete').at(-1)?.data).toEqual({
      task_id: taskId,
      entity_id: entityId,
      task_type_id: taskTypeId(server, 'Modeling', 'Asset'),
      project_id: projectId,
    });
  });

  it('deletes only closed projects, and cascades when forced', async () => {
    const open = addProject(server);
    const refused = await admin.delete(`/data/projects/${open}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: true, message: 'Only closed projects can be deleted' });

    const artist = addPerson(server, 'user');
    const closed = addProject(server, { closed: true, team: [artist.id] });
    const entityId = addEntity(server, closed);
    addTask(server, closed, entityId, { assignees: [artist.id] });
    const unforced = await admin.delete(`/data/projects/${closed}`);
    expect(unforced.status).toBe(400);
    const forced = await admin.delete(`/data/projects/${closed}?force=true`);
    expect(forced.status).toBe(204);
    expect(count('project', 'id = ?', closed)).toBe(0);
    expect(count('entity', 'project_id = ?', closed)).toBe(0);
    expect(count('api_event', 'project_id = ?', closed)).toBe(0);
    expect(eventsNamed(server, 'project:delete').at(-1)?.data).toEqual({ project_id: closed });
  });

  it('deletes a task type only when detached or forced', async () => {
    const created = await admin.post('/data/task-types', { name: 'Temp type', for_entity: 'Shot' });
    expect(created.status).toBe(201);
    const projectId = addProject(server);
    server.context.db
      .prepare('INSERT INTO project_task_type_link (project_id, task_type_id) VALUES (?, ?)')
      .run(projectId, created.body.id);
    const refused = await admin.delete(`/data/task-types/${created.body.id}`);
    expect(refused.body).toEqual({
      error: true,
      message: 'Task type is attached to projects. Re-issue the request with force=true to detach.',
      data: null,
    });
    expect((await admin.delete(`/data/task-types/${created.body.id}?force=true`)).status).toBe(204);
    const duplicate = await admin.post('/data/task-types', { name: 'Modeling' });
    expect(duplicate.body.message).toBe('A task type with similar name already exists');
  });

  it('leaves nothing behind when a write fails midway', async () => {
    const before = count('api_event');
    const response = await admin.post('/data/task-status', {
      name: 'Broken default',
      short_name: 'todo',
      color: '#000000',
      is_default: true,
    });
    expect(response.status).toBe(400);
    expect(count('task_status', 'is_default = 1 AND short_name = ?', 'todo')).toBe(1);
    expect(count('api_event')).toBe(before);
  });
});
