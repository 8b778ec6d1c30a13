import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  entityTypeId,
  eventsNamed,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, loginAs, MISSING_ID, send } from './admin-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let artist: ApiClient;
let projectId: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = await loginAs(server, 'admin');
  manager = addPerson(server, 'manager');
  artist = addPerson(server, 'user');
  projectId = addProject(server, { team: [manager.id, artist.id] });
});
afterAll(() => server.close());

describe('GET /data/asset-types', () => {
  it('lists the asset types only, typed AssetType with their task types', async () => {
    const response = await artist.get('/data/asset-types');
    expect(response.status).toBe(200);
    const names = response.body.map((type: { name: string }) => type.name);
    expect(names).toEqual(['Character', 'Prop', 'Environment', 'FX']);
    const character = response.body[0];
    expect(Object.keys(character).sort()).toEqual(
      [
        'archived',
        'created_at',
        'description',
        'id',
        'name',
        'short_name',
        'task_types',
        'type',
        'updated_at',
      ].sort(),
    );
    expect(character).toMatchObject({ type: 'AssetType', archived: false, task_types: [] });
  });

  it('filters by project (types some entity of it has) and by column', async () => {
    const project = addProject(server);
    addEntity(server, project, 'Prop');
    addEntity(server, project, 'Shot');
    const byProject = await artist.get(`/data/asset-types?project_id=${project}`);
    expect(byProject.body.map((type: { name: string }) => type.name)).toEqual(['Prop']);
    const byName = await artist.get('/data/asset-types?name=envi%25');
    expect(byName.body.map((type: { name: string }) => type.name)).toEqual(['Environment']);
    expect((await artist.get('/data/asset-types?page=1')).body).toHaveLength(4);
  });

  it('refuses a malformed project id', async () => {
    const response = await artist.get('/data/asset-types?project_id=nope');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: true,
      message: 'Invalid UUID value: nope',
      data: null,
    });
  });
});

describe('a production settings lists', () => {
  const path = () => `/data/projects/${projectId}/settings/asset-types`;

  it('adds an asset type: 201 with the project, a project:update event', async () => {
    const before = eventsNamed(server, 'project:update').length;
    const response = await manager.post(path(), { asset_type_id: entityTypeId(server, 'Prop') });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: projectId, type: 'Project' });
    expect(response.body).not.toHaveProperty('asset_types');
    expect(response.body).not.toHaveProperty('team');
    const links = countRows(
      server,
      'SELECT COUNT(*) AS n FROM project_asset_type_link WHERE project_id = ?',
      projectId,
    );
    expect(links).toBe(1);
    const events = eventsNamed(server, 'project:update');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ project_id: projectId, data: { project_id: projectId } });

    // Already listed: the same answer, nothing written or announced.
    const again = await manager.post(path(), { asset_type_id: entityTypeId(server, 'Prop') });
    expect(again.status).toBe(201);
    expect(eventsNamed(server, 'project:update')).toHaveLength(before + 1);
    const relations = await admin.get(`/data/projects/${projectId}`);
    expect(relations.body.asset_types).toEqual([entityTypeId(server, 'Prop')]);
  });

  it('removes it: 204, even when it is not listed', async () => {
    const typeId = entityTypeId(server, 'Prop');
    const response = await manager.delete(`${path()}/${typeId}`);
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect((await admin.get(`/data/projects/${projectId}`)).body.asset_types).toEqual([]);
    expect((await manager.delete(`${path()}/${typeId}`)).status).toBe(204);
  });

  it('refuses artists, unknown projects, unknown rows and bad bodies', async () => {
    const body = { asset_type_id: entityTypeId(server, 'FX') };
    expect((await artist.post(path(), body)).status).toBe(403);
    expect((await artist.delete(`${path()}/${body.asset_type_id}`)).status).toBe(403);
    expect(
      (await manager.post(`/data/projects/${MISSING_ID}/settings/asset-types`, body)).status,
    ).toBe(404);
    const unknown = await manager.post(path(), { asset_type_id: MISSING_ID });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      error: true,
      message: `EntityType with id ${MISSING_ID} not found`,
      data: null,
    });
    const malformed = await manager.post(path(), { asset_type_id: 'nope' });
    expect(malformed.status).toBe(400);
    const missing = await manager.post(path(), {});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'asset_type_id', message: 'Field required' }] },
    });
    const wrongType = await send(server, manager, 'POST', path(), '[1]', 'application/json');
    expect(wrongType.status).toBe(400);
    expect(
      countRows(
        server,
        'SELECT COUNT(*) AS n FROM project_asset_type_link WHERE project_id = ?',
        projectId,
      ),
    ).toBe(0);
  });

  it('adds and removes task types (with a priority) and task statuses', async () => {
    const layout = taskTypeId(server, 'Layout', 'Shot');
    const added = await manager.post(`/data/projects/${projectId}/settings/task-types`, {
      task_type_id: layout,
      priority: 3,
    });
    expect(added.status).toBe(201);
    expect(
      server.context.db
        .prepare(
          'SELECT priority FROM project_task_type_link WHERE project_id = ? AND task_type_id = ?',
        )
        .get(projectId, layout),
    ).toEqual({ priority: 3 });
    const malformed = await manager.post(`/data/projects/${projectId}/settings/task-types`, {
      task_type_id: 'nope',
    });
    expect(malformed.body.message).toBe('task_type_id is required and must be a valid UUID');
    expect(
      (await manager.delete(`/data/projects/${projectId}/settings/task-types/${layout}`)).status,
    ).toBe(204);

    const wip = taskStatusId(server, 'wip');
    const statusPath = `/data/projects/${projectId}/settings/task-status`;
    expect((await manager.post(statusPath, { task_status_id: wip })).status).toBe(201);
    const listed = await artist.get(statusPath);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: wip, short_name: 'wip', type: 'TaskStatus' }),
    ]);
    expect((await manager.delete(`${statusPath}/${wip}`)).status).toBe(204);
    expect((await artist.get(statusPath)).body).toEqual([]);
    expect((await addPerson(server, 'user').get(statusPath)).status).toBe(403);
  });
});
