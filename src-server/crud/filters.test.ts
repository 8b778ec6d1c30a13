import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
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

describe('GET /data/<model> filters', () => {
  it('matches name case-insensitively with % wildcards and no implicit wildcard', async () => {
    for (const name of ['Alpha Dept', 'alphabet', 'Élan vital', 'beta']) {
      expect((await admin.post('/data/departments', { name, color: '#000000' })).status).toBe(201);
    }
    const exact = await admin.get('/data/departments?name=ALPHA%20DEPT');
    expect(exact.body.map((d: { name: string }) => d.name)).toEqual(['Alpha Dept']);
    const prefix = await admin.get('/data/departments?name=alpha%25');
    expect(prefix.body.map((d: { name: string }) => d.name).sort()).toEqual([
      'Alpha Dept',
      'alphabet',
    ]);
    const none = await admin.get('/data/departments?name=alpha');
    expect(none.body).toEqual([]);
    const unicode = await admin.get(`/data/departments?name=${encodeURIComponent('éLAN%')}`);
    expect(unicode.body.map((d: { name: string }) => d.name)).toEqual(['Élan vital']);
  });

  it('parses a [-prefixed value as a JSON list and refuses a malformed one', async () => {
    const departments = (await admin.get('/data/departments')).body as { id: string }[];
    const ids = departments.slice(0, 2).map((d) => d.id);
    const list = await admin.get(`/data/departments?id=${encodeURIComponent(JSON.stringify(ids))}`);
    expect(list.body.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());
    const malformed = await admin.get('/data/departments?id=[not-json');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      error: true,
      message: 'Malformed list filter for field id.',
      data: null,
    });
  });

  it('casts booleans and UUIDs, refusing bad values', async () => {
    await admin.post('/data/departments', {
      name: 'Archived dept',
      color: '#111111',
      archived: true,
    });
    for (const value of ['true', 'yes', 'on', '1', 't', 'Y']) {
      const response = await admin.get(`/data/departments?archived=${value}`);
      expect(response.body.map((d: { name: string }) => d.name)).toEqual(['Archived dept']);
    }
    const falsy = await admin.get('/data/departments?archived=off');
    expect(falsy.body.some((d: { name: string }) => d.name === 'Archived dept')).toBe(false);
    const badBool = await admin.get('/data/departments?archived=maybe');
    expect(badBool.status).toBe(400);
    expect(badBool.body).toEqual({
      error: true,
      message: 'Invalid boolean value: maybe',
      data: null,
    });
    const badUuid = await admin.get('/data/tasks?project_id=1234');
    expect(badUuid.status).toBe(400);
    expect(badUuid.body.message).toBe('Invalid UUID value: 1234');
  });

  it('matches any member of a many-to-many collection', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const entityId = addEntity(server, projectId);
    const assigned = addTask(server, projectId, entityId, { assignees: [artist.id] });
    addTask(server, projectId, entityId);
    const response = await admin.get(`/data/tasks?assignees=${artist.id}`);
    expect(response.body.map((t: { id: string }) => t.id)).toEqual([assigned]);
    const projects = await admin.get(`/data/projects?team=${artist.id}`);
    expect(projects.body.map((p: { id: string }) => p.id)).toEqual([projectId]);
  });

  it('ignores non-attributes and refuses attributes that are not filterable', async () => {
    const all = await admin.get('/data/departments');
    const ignored = await admin.get('/data/departments?limit=1&sort=name&whatever=1');
    expect(ignored.body).toEqual(all.body);
    const user = addPerson(server, 'user');
    const refused = await user.get('/data/persons?phone=123');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: true,
      message: 'Filtering on phone is not allowed.',
      data: null,
    });
    const allowed = await user.get(`/data/persons?email=${encodeURIComponent('nobody@x.org')}`);
    expect(allowed.status).toBe(200);
    const secret = await admin.get('/data/persons?password=x');
    expect(secret.body.message).toBe('Filtering on password is not allowed.');
  });

  it('filters persons on the full_name hybrid', async () => {
    const person = addPerson(server, 'user', { first_name: 'Grace', last_name: 'Hopper' });
    const response = await admin.get('/data/persons?full_name=Grace%20Hopper');
    expect(response.body.map((p: { id: string }) => p.id)).toEqual([person.id]);
    expect(response.body[0].full_name).toBe('Grace Hopper');
  });

  it('filters tasks on episode_id through the sequence', async () => {
    const projectId = addProject(server);
    const episode = addEntity(server, projectId, 'Episode');
    const sequence = addEntity(server, projectId, 'Sequence', { parent_id: episode });
    const shot = addEntity(server, projectId, 'Shot', { parent_id: sequence });
    const otherShot = addEntity(server, projectId, 'Shot');
    const task = addTask(server, projectId, shot, { taskType: ['Animation', 'Shot'] });
    addTask(server, projectId, otherShot, { taskType: ['Animation', 'Shot'] });
    const response = await admin.get(`/data/tasks?episode_id=${episode}`);
    expect(response.body.map((t: { id: string }) => t.id)).toEqual([task]);
  });
});

describe('GET /data/<model> pagination, fields and relations', () => {
  it('answers a page envelope only when page is given', async () => {
    const projectId = addProject(server);
    for (let index = 0; index < 5; index += 1) addEntity(server, projectId, 'Prop');
    const filter = `project_id=${projectId}`;
    const plain = await admin.get(`/data/entities?${filter}&limit=2`);
    expect(Array.isArray(plain.body)).toBe(true);
    expect(plain.body).toHaveLength(5);
    const page = await admin.get(`/data/entities?${filter}&page=2&limit=2`);
    expect(page.body).toMatchObject({ total: 5, nb_pages: 3, limit: 2, offset: 2, page: 2 });
    expect(page.body.data).toHaveLength(2);
    const defaults = await admin.get(`/data/entities?${filter}&page=1`);
    expect(defaults.body).toMatchObject({ total: 5, nb_pages: 1, limit: 100, offset: 0 });
    const past = await admin.get(`/data/entities?${filter}&page=9&limit=2`);
    expect(past.body).toMatchObject({ data: [], total: 5, offset: 16 });
    const zero = await admin.get(`/data/entities?${filter}&page=0`);
    expect(zero.body.data).toEqual([]);
    const bad = await admin.get(`/data/entities?page=one`);
    expect(bad.body).toEqual({ error: true, message: 'page must be an integer.', data: null });
  });

  it('orders pages by most recent update', async () => {
    const projectId = addProject(server);
    const ids = [0, 1, 2].map((index) =>
      addEntity(server, projectId, 'Prop', { name: `ordered ${index}` }),
    );
    server.context.db
      .prepare("UPDATE entity SET updated_at = '2030-01-01T00:00:00' WHERE id = ?")
      .run(ids[0]);
    const page = await admin.get(`/data/entities?project_id=${projectId}&page=1`);
    expect(page.body.data[0].id).toBe(ids[0]);
  });

  it('keeps only the asked fields plus id and type', async () => {
    const response = await admin.get('/data/departments?fields=name,nope');
    for (const department of response.body) {
      expect(Object.keys(department).sort()).toEqual(['id', 'name', 'type']);
    }
  });

  it('adds collections only with relations=true on lists, by default on one', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server);
    const entityId = addEntity(server, projectId);
    const taskId = addTask(server, projectId, entityId, { assignees: [artist.id] });
    const list = await admin.get(`/data/tasks?id=${taskId}`);
    expect(list.body[0]).not.toHaveProperty('assignees');
    const withRelations = await admin.get(`/data/tasks?id=${taskId}&relations=true`);
    expect(withRelations.body[0].assignees).toEqual([artist.id]);
    const one = await admin.get(`/data/tasks/${taskId}`);
    expect(one.body.assignees).toEqual([artist.id]);
    const without = await admin.get(`/data/tasks/${taskId}?relations=false`);
    expect(without.body).not.toHaveProperty('assignees');
  });

  it('caps /data/events at 1000 rows', async () => {
    const insert = server.context.db.prepare(
      `INSERT INTO api_event (id, created_at, updated_at, name, data)
       VALUES (lower(hex(randomblob(16))), '2024-01-01T00:00:00', '2024-01-01T00:00:00',
         'x:y', '{}')`,
    );
    server.context.db.transaction(() => {
      for (let index = 0; index < 1010; index += 1) insert.run();
    })();
    const response = await admin.get('/data/events');
    expect(response.body).toHaveLength(1000);
    expect(response.body[0].type).toBe('ApiEvent');
  });
});
