import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '../http/errors';
import {
  addProject,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addMember, closeProject, departmentId } from './user-views-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let artist: ApiClient;
let modeler: ApiClient;
let show: string;

const NOT_FOUND = { error: true, message: NOT_FOUND_MESSAGE };
const SHARING_MISMATCH =
  'A search filter should have the same value for is_shared than its search filter group.';

beforeAll(async () => {
  server = await startCrudServer();
  admin = addMember(server, 'admin');
  manager = addMember(server, 'manager');
  artist = addMember(server, 'user', ['Animation']);
  modeler = addMember(server, 'user', ['Modeling']);
  show = addProject(server, { team: [manager.id, artist.id, modeler.id] });
});
afterAll(() => server.close());

async function created(person: ApiClient, path: string, body: unknown): Promise<any> {
  const response = await person.post(path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('/data/user/filters', () => {
  it('creates a filter with Zou defaults and groups the list by type and project', async () => {
    const person = addMember(server, 'user');
    const todo = await created(person, '/data/user/filters', {
      name: 'Mine',
      query: 'anim',
    });
    expect(todo).toEqual({
      id: expect.any(String),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      list_type: 'todo',
      entity_type: null,
      name: 'Mine',
      search_query: 'anim',
      is_shared: false,
      department_id: null,
      search_filter_group_id: null,
      person_id: person.id,
      project_id: null,
      type: 'SearchFilter',
    });
    const assets = await created(person, '/data/user/filters', {
      name: 'Props',
      query: 'type=prop',
      list_type: 'asset',
      project_id: show,
      entity_type: 'Asset',
    });
    const listed = await person.get('/data/user/filters');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ todo: { all: [todo] }, asset: { [show]: [assets] } });
  });

  it('shares only for managers of the project, never without a project', async () => {
    const byArtist = await created(artist, '/data/user/filters', {
      name: 'Try',
      query: 'x',
      project_id: show,
      is_shared: true,
    });
    expect(byArtist.is_shared).toBe(false);
    const noProject = await created(manager, '/data/user/filters', {
      name: 'Global',
      query: 'x',
      is_shared: 'true',
    });
    expect(noProject.is_shared).toBe(false);
    const shared = await created(manager, '/data/user/filters', {
      name: 'Team',
      query: 'x',
      list_type: 'shots',
      project_id: show,
      is_shared: true,
    });
    expect(shared.is_shared).toBe(true);
    expect((await artist.get('/data/user/filters')).body.shots).toEqual({ [show]: [shared] });
  });

  it('hides shared filters of closed projects and of other departments', async () => {
    const project = addProject(server, { team: [manager.id, artist.id, modeler.id] });
    const modeling = await created(manager, '/data/user/filters', {
      name: 'Topology',
      query: 'x',
      list_type: 'modeling',
      project_id: project,
      is_shared: true,
      department_id: departmentId(server, 'Modeling'),
    });
    const listTypes = async (person: ApiClient) =>
      Object.keys((await person.get('/data/user/filters')).body);
    expect(await listTypes(modeler)).toContain('modeling');
    expect(await listTypes(artist)).not.toContain('modeling');
    expect(await listTypes(manager)).toContain('modeling');
    closeProject(server, project);
    expect(await listTypes(modeler)).not.toContain('modeling');
    expect(modeling.department_id).toBe(departmentId(server, 'Modeling'));
  });

  it("updates and deletes one's own filters; someone else's is a 404", async () => {
    const filter = await created(artist, '/data/user/filters', { name: 'Old', query: 'a' });
    const updated = await artist.put(`/data/user/filters/${filter.id}`, {
      name: 'New',
      search_query: 'b',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: filter.id, name: 'New', search_query: 'b' });

    const path = `/data/user/filters/${filter.id}`;
    expect(await modeler.put(path, { name: 'Theirs' })).toEqual({ status: 404, body: NOT_FOUND });
    expect(await modeler.delete(path)).toEqual({ status: 404, body: NOT_FOUND });
    expect((await admin.put(path, { name: 'Admin' })).body.name).toBe('Admin');

    expect(await artist.delete(path)).toEqual({ status: 204, body: '' });
    expect((await artist.get('/data/user/filters')).body.todo?.all ?? []).not.toContainEqual(
      expect.objectContaining({ id: filter.id }),
    );
    expect((await artist.delete(path)).status).toBe(404);
    expect((await artist.delete('/data/user/filters/not-an-id')).status).toBe(404);
  });

  it('shares an existing filter only when the body names a managed project', async () => {
    const filter = await created(manager, '/data/user/filters', {
      name: 'Later',
      query: 'x',
      project_id: show,
    });
    const path = `/data/user/filters/${filter.id}`;
    expect((await manager.put(path, { is_shared: true })).body.is_shared).toBe(false);
    const shared = await manager.put(path, { is_shared: true, project_id: show });
    expect(shared.body.is_shared).toBe(true);
  });

  it('validates bodies the pydantic way', async () => {
    const missing = await artist.post('/data/user/filters', { query: 'x' });
    expect(missing).toEqual({
      status: 400,
      body: {
        error: true,
        message: 'Validation error.',
        data: { errors: [{ field: 'name', message: 'Field required' }] },
      },
    });
    const empty = await artist.post('/data/user/filters', { name: '', query: 'x' });
    expect(empty.body.data.errors).toEqual([
      { field: 'name', message: 'String should have at least 1 character' },
    ]);
    const notBoolean = await artist.post('/data/user/filters', {
      name: 'a',
      query: 'x',
      is_shared: 'maybe',
    });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.data.errors[0].field).toBe('is_shared');
    const unknownDepartment = await artist.post('/data/user/filters', {
      name: 'a',
      query: 'x',
      department_id: '9d3f5a1e-0000-4000-8000-000000000000',
    });
    expect(unknownDepartment).toEqual({ status: 404, body: NOT_FOUND });
    const unknownProject = await artist.post('/data/user/filters', {
      name: 'a',
      query: 'x',
      project_id: 'nope',
    });
    expect(unknownProject.status).toBe(404);
    const count = server.context.db
      .prepare("SELECT COUNT(*) AS n FROM search_filter WHERE name = 'a'")
      .get() as { n: number };
    expect(count.n).toBe(0);
  });
});

describe('/data/user/filter-groups', () => {
  it('creates, reads, lists, updates and deletes a group', async () => {
    const group = await created(artist, '/data/user/filter-groups', {
      name: 'Focus',
      color: '#ff0000',
    });
    expect(group).toMatchObject({
      type: 'SearchFilterGroup',
      name: 'Focus',
      color: '#ff0000',
      list_type: 'todo',
      is_shared: false,
      person_id: artist.id,
      project_id: null,
    });
    const path = `/data/user/filter-groups/${group.id}`;
    expect(await artist.get(path)).toEqual({ status: 200, body: group });
    expect((await artist.get('/data/user/filter-groups')).body.todo.all).toContainEqual(group);
    expect(await modeler.get(path)).toEqual({ status: 404, body: NOT_FOUND });
    expect((await admin.get(path)).status).toBe(200);
    const renamed = await artist.put(path, { name: 'Renamed', color: null });
    expect(renamed.body).toMatchObject({ name: 'Renamed', color: '#ff0000' });
    expect(await modeler.put(path, { name: 'x' })).toEqual({ status: 404, body: NOT_FOUND });
    expect(await artist.delete(path)).toEqual({ status: 204, body: '' });
    expect((await artist.get(path)).status).toBe(404);
  });

  it('keeps filters and their group equally shared', async () => {
    const group = await created(manager, '/data/user/filter-groups', {
      name: 'Shared',
      project_id: show,
      is_shared: true,
    });
    expect(group.is_shared).toBe(true);
    const mismatch = await manager.post('/data/user/filters', {
      name: 'Private',
      query: 'x',
      search_filter_group_id: group.id,
    });
    expect(mismatch).toEqual({
      status: 400,
      body: { error: true, message: SHARING_MISMATCH, data: null },
    });
    const inGroup = await created(manager, '/data/user/filters', {
      name: 'Shared too',
      query: 'x',
      project_id: show,
      is_shared: true,
      search_filter_group_id: group.id,
    });
    expect(inGroup.search_filter_group_id).toBe(group.id);

    const unshared = await manager.put(`/data/user/filter-groups/${group.id}`, {
      is_shared: false,
    });
    expect(unshared.body.is_shared).toBe(false);
    const filterRow = server.context.db
      .prepare('SELECT is_shared FROM search_filter WHERE id = ?')
      .get(inGroup.id) as { is_shared: number };
    expect(filterRow.is_shared).toBe(0);

    const ungrouped = await manager.put(`/data/user/filters/${inGroup.id}`, {
      search_filter_group_id: null,
    });
    expect(ungrouped.body.search_filter_group_id).toBeNull();
    const unknownGroup = await manager.post('/data/user/filters', {
      name: 'Lost',
      query: 'x',
      search_filter_group_id: '9d3f5a1e-0000-4000-8000-000000000000',
    });
    expect(unknownGroup.status).toBe(404);
  });

  it("deletes a group's filters with it", async () => {
    const group = await created(artist, '/data/user/filter-groups', { name: 'Temp' });
    const filter = await created(artist, '/data/user/filters', {
      name: 'In temp',
      query: 'x',
      search_filter_group_id: group.id,
    });
    expect((await artist.delete(`/data/user/filter-groups/${group.id}`)).status).toBe(204);
    const left = server.context.db
      .prepare('SELECT COUNT(*) AS n FROM search_filter WHERE id = ?')
      .get(filter.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it('keeps a list type whose groups all belong to other departments', async () => {
    await created(manager, '/data/user/filter-groups', {
      name: 'Modeling only',
      list_type: 'topology',
      project_id: show,
      is_shared: true,
      department_id: departmentId(server, 'Modeling'),
    });
    expect((await artist.get('/data/user/filter-groups')).body.topology).toEqual({});
    expect((await modeler.get('/data/user/filter-groups')).body.topology[show]).toHaveLength(1);
  });
});
