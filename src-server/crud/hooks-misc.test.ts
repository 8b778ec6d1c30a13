import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  eventsNamed,
  insertRow,
  startCrudServer,
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

describe('model-specific behaviour', () => {
  it('keeps organisation chat tokens for admins', async () => {
    const user = addPerson(server, 'user');
    const [organisation] = (await user.get('/data/organisations')).body;
    expect(organisation).not.toHaveProperty('chat_token_slack');
    expect((await admin.get('/data/organisations')).body[0]).toHaveProperty('chat_token_slack');
    expect((await user.get('/data/organisations?chat_token_slack=x')).status).toBe(400);
    const updated = await admin.put(`/data/organisations/${organisation.id}`, {
      hours_by_day: '7.5',
    });
    expect(updated.body.hours_by_day).toBe(7.5);
  });

  it('serves a notification type as notification_type', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server);
    const taskId = addTask(server, projectId, addEntity(server, projectId));
    const id = insertRow(server, 'notification', {
      person_id: artist.id,
      author_id: admin.id,
      task_id: taskId,
      type: 'assignation',
    });
    const response = await admin.get(`/data/notifications/${id}`);
    expect(response.body).toMatchObject({ type: 'Notification', notification_type: 'assignation' });
    const filtered = await admin.get('/data/notifications?type=assignation');
    expect(filtered.body.map((n: { id: string }) => n.id)).toContain(id);
  });

  it('keeps task durations in step with time spents', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId), {
      assignees: [artist.id],
    });
    const created = await admin.post('/data/time-spents', {
      task_id: taskId,
      person_id: artist.id,
      date: '2024-02-01',
      duration: 90,
    });
    expect(created.status).toBe(201);
    expect((await admin.get(`/data/tasks/${taskId}`)).body.duration).toBe(90);
    const range = await admin.get('/data/time-spents?start_date=2024-01-31&end_date=2024-02-02');
    expect(range.body.map((t: { id: string }) => t.id)).toContain(created.body.id);
    const half = await admin.get('/data/time-spents?start_date=2024-01-31');
    expect(half.status).toBe(400);
    const other = addPerson(server, 'user');
    expect((await other.delete(`/data/time-spents/${created.body.id}`)).status).toBe(403);
    expect((await artist.delete(`/data/time-spents/${created.body.id}`)).status).toBe(204);
    expect((await admin.get(`/data/tasks/${taskId}`)).body.duration).toBe(0);
  });

  it('scopes playlists to the team, for_client ones for clients, none for vendors', async () => {
    const client = addPerson(server, 'client');
    const vendor = addPerson(server, 'vendor');
    const supervisor = addPerson(server, 'supervisor');
    const projectId = addProject(server, { team: [client.id, vendor.id, supervisor.id] });
    const created = await supervisor.post('/data/playlists', {
      name: 'Dailies',
      project_id: projectId,
      episode_id: 'all',
      task_type_id: 'nope',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      episode_id: null,
      task_type_id: null,
      created_by: supervisor.id,
      build_jobs: [],
    });
    insertRow(server, 'playlist', { name: 'For client', project_id: projectId, for_client: true });
    const seen = await client.get('/data/playlists');
    expect(seen.body.map((p: { name: string }) => p.name)).toEqual(['For client']);
    expect((await vendor.get('/data/playlists')).status).toBe(403);
    expect((await supervisor.delete(`/data/playlists/${created.body.id}`)).status).toBe(204);
  });

  it('refuses metadata descriptors to vendors', async () => {
    const vendor = addPerson(server, 'vendor');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [vendor.id, artist.id] });
    const department = (await admin.get('/data/departments')).body[0].id;
    const created = await admin.post('/data/metadata-descriptors', {
      project_id: projectId,
      entity_type: 'Asset',
      name: 'Difficulty',
      field_name: 'difficulty',
      data_type: 'string',
      departments: [department],
    });
    expect(created.status).toBe(201);
    expect((await vendor.get('/data/metadata-descriptors')).status).toBe(403);
    const listed = await artist.get('/data/metadata-descriptors');
    expect(listed.body).toEqual([expect.objectContaining({ departments: [department] })]);
    const badType = await admin.post('/data/metadata-descriptors', {
      project_id: projectId,
      entity_type: 'Asset',
      name: 'Bad',
      field_name: 'bad',
      data_type: 'color',
    });
    expect(badType.body.message).toBe('Invalid data_type');
  });

  it('lets only one task status be the default', async () => {
    const created = await admin.post('/data/task-status', {
      name: 'New default',
      short_name: 'newdef',
      color: '#000000',
      is_default: true,
    });
    expect(created.status).toBe(201);
    const defaults = await admin.get('/data/task-status?is_default=true');
    expect(defaults.body.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
  });

  it('emits asset-type events for entity types and refuses duplicate names', async () => {
    const created = await admin.post('/data/entity-types', { name: 'Vehicle' });
    expect(created.status).toBe(201);
    expect(eventsNamed(server, 'asset-type:new').at(-1)?.data).toEqual({
      asset_type_id: created.body.id,
    });
    const duplicate = await admin.post('/data/entity-types', { name: 'vehicle' });
    expect(duplicate.body.message).toBe('Entity type with this name already exists');
  });

  it('reads previews through the task project, vendors through their assignments', async () => {
    const vendor = addPerson(server, 'vendor');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [vendor.id, artist.id] });
    const entityId = addEntity(server, projectId);
    const assigned = addTask(server, projectId, entityId, { assignees: [vendor.id] });
    const other = addTask(server, projectId, entityId);
    const mine = insertRow(server, 'preview_file', { name: 'p1', task_id: assigned });
    const theirs = insertRow(server, 'preview_file', { name: 'p2', task_id: other });
    const listed = await vendor.get('/data/preview-files');
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([mine]);
    expect((await vendor.get(`/data/preview-files/${theirs}`)).status).toBe(403);
    expect((await artist.get(`/data/preview-files/${theirs}`)).status).toBe(200);
    expect((await artist.put(`/data/preview-files/${theirs}`, { description: 'x' })).status).toBe(
      403,
    );
    expect((await vendor.put(`/data/preview-files/${mine}`, { description: 'x' })).status).toBe(
      200,
    );
    expect((await artist.delete(`/data/preview-files/${mine}`)).status).toBe(403);
    expect((await admin.delete(`/data/preview-files/${mine}`)).status).toBe(204);
  });

  it("embeds a comment's previews on request, hiding rejected ones from clients", async () => {
    const client = addPerson(server, 'client');
    const projectId = addProject(server, { team: [client.id] });
    const taskId = addTask(server, projectId, addEntity(server, projectId));
    const kept = insertRow(server, 'preview_file', { name: 'kept', task_id: taskId, revision: 2 });
    const rejected = insertRow(server, 'preview_file', {
      name: 'rejected',
      task_id: taskId,
      revision: 1,
      validation_status: 'rejected',
    });
    const commentId = insertRow(server, 'comment', {
      object_id: taskId,
      object_type: 'Task',
      person_id: client.id,
      task_status_id: server.context.db.prepare('SELECT id FROM task_status LIMIT 1').pluck().get(),
      for_client: true,
      previews: [kept, rejected],
    });
    const path = `/data/comments/${commentId}?with_previews=true`;
    const asAdmin = await admin.get(path);
    expect(asAdmin.body.previews.map((p: { id: string }) => p.id)).toEqual([rejected, kept]);
    expect(asAdmin.body.previews[0]).toMatchObject({ revision: 1, validation_status: 'rejected' });
    const asClient = await client.get(path);
    expect(asClient.body.previews.map((p: { id: string }) => p.id)).toEqual([kept]);
    expect((await admin.get(`/data/comments/${commentId}`)).body.previews).toEqual(
      expect.arrayContaining([kept, rejected]),
    );
  });
});
