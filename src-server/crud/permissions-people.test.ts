import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_MESSAGE } from '../http/errors';
import {
  addEntity,
  addPerson,
  addProject,
  eventsNamed,
  startCrudServer,
  statusId,
  type ApiClient,
  type CrudTestServer,
} from './crud-test-kit';

let server: CrudTestServer;
let admin: ApiClient;

const FORBIDDEN = { error: true, message: FORBIDDEN_MESSAGE };
const MINIMAL_KEYS = [
  'active',
  'departments',
  'desktop_login',
  'first_name',
  'full_name',
  'has_avatar',
  'id',
  'is_bot',
  'last_name',
  'role',
  'studio_id',
  'type',
];

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

describe('persons', () => {
  it('serves non-admins the minimal view and admins the safe one', async () => {
    const user = addPerson(server, 'user');
    const list = await user.get('/data/persons');
    expect(list.status).toBe(200);
    for (const person of list.body) expect(Object.keys(person).sort()).toEqual(MINIMAL_KEYS);
    const adminList = await admin.get('/data/persons');
    expect(adminList.body[0]).toHaveProperty('email');
    expect(adminList.body[0]).not.toHaveProperty('password');
    expect(adminList.body[0]).not.toHaveProperty('totp_secret');
    const withHash = await admin.get('/data/persons?with_pass_hash=true');
    expect(withHash.body[0]).toHaveProperty('password');
    const userWithHash = await user.get('/data/persons?with_pass_hash=true');
    expect(userWithHash.body[0]).not.toHaveProperty('password');

    const manager = addPerson(server, 'manager');
    expect(Object.keys((await user.get(`/data/persons/${admin.id}`)).body).sort()).toEqual(
      MINIMAL_KEYS,
    );
    expect((await manager.get(`/data/persons/${admin.id}`)).body).toHaveProperty('email');
  });

  it('lets a person edit themselves, not their role, and not others', async () => {
    const user = addPerson(server, 'user');
    const other = addPerson(server, 'user');
    const self = await user.put(`/data/persons/${user.id}`, { phone: '0102', role: 'admin' });
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ phone: '0102', role: 'user', departments: [] });
    expect(self.body).not.toHaveProperty('password');
    const denied = await user.put(`/data/persons/${other.id}`, { phone: '1' });
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual(FORBIDDEN);
    const promoted = await admin.put(`/data/persons/${other.id}`, { role: 'supervisor' });
    expect(promoted.body.role).toBe('supervisor');
    const invalid = await admin.put(`/data/persons/${other.id}`, { role: 'emperor' });
    expect(invalid.body).toEqual({ error: true, message: 'Invalid role', data: null });
  });

  it('lets only admins create persons, validating them', async () => {
    const user = addPerson(server, 'user');
    const denied = await user.post('/data/persons', { first_name: 'A', last_name: 'B' });
    expect(denied.status).toBe(403);
    const created = await admin.post('/data/persons', {
      first_name: 'New',
      last_name: 'Person',
      email: 'New.Person@Example.com',
      password: 'secret-password',
      country: 'fr',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.person@example.com', country: 'FR' });
    expect(created.body).not.toHaveProperty('password');
    const stored = server.context.db
      .prepare('SELECT password FROM person WHERE id = ?')
      .get(created.body.id) as { password: string };
    expect(stored.password).toMatch(/^\$2[aby]\$/);
    const taken = await admin.post('/data/persons', {
      first_name: 'Again',
      last_name: 'Person',
      email: 'new.person@example.com',
    });
    expect(taken.body).toEqual({ error: true, message: 'Email already in use.', data: null });
    const badRole = await admin.post('/data/persons', {
      first_name: 'R',
      last_name: 'R',
      role: 'x',
    });
    expect(badRole.body.message).toBe('Invalid role');
    const badFormat = await admin.post('/data/persons', {
      first_name: 'D',
      last_name: 'F',
      display_date_format: 'YY',
    });
    expect(badFormat.body.message).toBe(
      'Invalid display_date_format, expected one of: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY.',
    );
    const bot = await admin.post('/data/persons', {
      first_name: 'Bot',
      last_name: 'X',
      is_bot: true,
    });
    expect(bot.status).toBe(201);
    expect(typeof bot.body.access_token).toBe('string');
    const asBot = await fetch(`${server.baseUrl}/data/departments`, {
      headers: { Authorization: `Bearer ${bot.body.access_token}` },
    });
    expect(asBot.status).toBe(200);
  });

  it('lets admins delete others, never themselves', async () => {
    const doomed = addPerson(server, 'user');
    const user = addPerson(server, 'user');
    expect((await user.delete(`/data/persons/${doomed.id}`)).status).toBe(403);
    expect((await admin.delete(`/data/persons/${admin.id}`)).status).toBe(403);
    expect((await admin.delete(`/data/persons/${doomed.id}`)).status).toBe(204);
    expect(eventsNamed(server, 'person:delete').at(-1)?.data).toEqual({ person_id: doomed.id });

    const member = addPerson(server, 'user');
    addProject(server, { team: [member.id] });
    const linked = await admin.delete(`/data/persons/${member.id}`);
    expect(linked.body).toEqual({
      error: true,
      message: 'Some data are still linked to given person.',
    });
    expect((await admin.delete(`/data/persons/${member.id}?force=true`)).status).toBe(204);
  });
});

describe('every role', () => {
  const ROLES = ['admin', 'manager', 'supervisor', 'user', 'client', 'vendor'] as const;

  it('follows the persons and projects table', async () => {
    const projectId = addProject(server);
    for (const role of ROLES) {
      const caller = addPerson(server, role);
      const other = addPerson(server, 'user');
      const teamProject = addProject(server, { team: [caller.id] });
      const isAdmin = role === 'admin';
      const seesSafe = role === 'admin' || role === 'manager';

      const list = await caller.get('/data/persons');
      expect(list.status).toBe(200);
      expect('email' in list.body[0]).toBe(isAdmin);
      const one = await caller.get(`/data/persons/${other.id}`);
      expect('email' in one.body).toBe(seesSafe);
      const created = await caller.post('/data/persons', { first_name: role, last_name: 'X' });
      expect(created.status).toBe(isAdmin ? 201 : 403);
      expect((await caller.put(`/data/persons/${other.id}`, { phone: '1' })).status).toBe(
        isAdmin ? 200 : 403,
      );
      expect((await caller.put(`/data/persons/${caller.id}`, { phone: '2' })).status).toBe(200);

      const projects = (await caller.get('/data/projects')).body as { id: string }[];
      expect(projects.some((project) => project.id === teamProject)).toBe(true);
      expect(projects.some((project) => project.id === projectId)).toBe(isAdmin);
      expect((await caller.get(`/data/projects/${projectId}`)).status).toBe(isAdmin ? 200 : 403);
      expect((await caller.get(`/data/projects/${teamProject}`)).status).toBe(200);
      expect((await caller.delete(`/data/persons/${other.id}`)).status).toBe(isAdmin ? 204 : 403);
    }
  });
});

describe('projects', () => {
  it('shows non-admins only the open projects of their teams', async () => {
    const artist = addPerson(server, 'user');
    const mine = addProject(server, { team: [artist.id] });
    const closed = addProject(server, { team: [artist.id], closed: true });
    const foreign = addProject(server);
    const list = await artist.get('/data/projects');
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([mine]);
    const one = await artist.get(`/data/projects/${mine}`);
    expect(one.body).toMatchObject({ id: mine, project_status_name: 'Open', team: [artist.id] });
    expect((await artist.get(`/data/projects/${closed}`)).status).toBe(200);
    const outsider = await artist.get(`/data/projects/${foreign}`);
    expect(outsider.status).toBe(403);
    expect(outsider.body).toEqual(FORBIDDEN);
    const all = await admin.get('/data/projects');
    expect(all.body.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([mine, closed, foreign]),
    );
  });

  it('lets managers of the project edit it, admins create it', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const foreign = addProject(server);
    const edited = await manager.put(`/data/projects/${projectId}`, {
      description: 'edited',
      team: [],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.description).toBe('edited');
    expect((await admin.get(`/data/projects/${projectId}`)).body.team).toHaveLength(2);
    expect((await manager.put(`/data/projects/${foreign}`, { description: 'x' })).status).toBe(403);
    expect((await artist.put(`/data/projects/${projectId}`, { description: 'x' })).status).toBe(
      403,
    );
    expect((await manager.post('/data/projects', { name: 'By manager' })).status).toBe(403);

    const created = await admin.post('/data/projects', { name: 'By admin' });
    expect(created.status).toBe(201);
    expect(created.body.project_status_id).toBe(statusId(server, 'Open'));
    const show = await admin.post('/data/projects', { name: 'A show', production_type: 'tvshow' });
    expect(show.body.first_episode_id).toMatch(/^[0-9a-f-]{36}$/);
    const badStyle = await admin.post('/data/projects', {
      name: 'Styled',
      production_style: 'oil',
    });
    expect(badStyle.body.message).toBe('Invalid production_style');
  });
});

describe('day offs', () => {
  it('belong to their person: self or admin only, without overlaps', async () => {
    const artist = addPerson(server, 'user');
    const other = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const entityId = addEntity(server, projectId);
    const taskId = (
      await admin.post('/data/tasks', {
        project_id: projectId,
        entity_id: entityId,
        task_type_id: (await admin.get('/data/task-types?name=Modeling')).body[0].id,
      })
    ).body.id;
    server.context.db
      .prepare(
        `INSERT INTO time_spent (id, created_at, updated_at, duration, date, task_id, person_id)
         VALUES ('11111111-1111-4111-8111-111111111111', '2024-01-01T00:00:00',
           '2024-01-01T00:00:00', 60, '2024-03-05', ?, ?)`,
      )
      .run(taskId, artist.id);

    const created = await artist.post('/data/day-offs', {
      person_id: artist.id,
      date: '2024-03-04',
      end_date: '2024-03-06',
    });
    expect(created.status).toBe(201);
    expect(
      server.context.db
        .prepare('SELECT COUNT(*) AS n FROM time_spent WHERE person_id = ?')
        .get(artist.id),
    ).toEqual({ n: 0 });
    const overlap = await artist.post('/data/day-offs', {
      person_id: artist.id,
      date: '2024-03-06',
      end_date: '2024-03-08',
    });
    expect(overlap.body).toEqual({
      error: true,
      message: 'Day off already exists for this period',
      data: null,
    });
    const forOther = await artist.post('/data/day-offs', {
      person_id: other.id,
      date: '2024-05-01',
      end_date: '2024-05-01',
    });
    expect(forOther.status).toBe(403);
    expect((await other.get(`/data/day-offs/${created.body.id}`)).status).toBe(403);
    expect((await artist.get(`/data/day-offs/${created.body.id}`)).status).toBe(200);
    expect((await artist.get('/data/day-offs')).status).toBe(403);
    const moved = await artist.put(`/data/day-offs/${created.body.id}`, { person_id: other.id });
    expect(moved.status).toBe(403);
    expect((await other.delete(`/data/day-offs/${created.body.id}`)).status).toBe(403);
    expect((await artist.delete(`/data/day-offs/${created.body.id}`)).status).toBe(204);
  });
});

describe('reference tables', () => {
  it('are read by anyone and written by admins only', async () => {
    for (const role of ['manager', 'supervisor', 'user', 'client', 'vendor'] as const) {
      const person = addPerson(server, role);
      for (const slug of ['departments', 'task-types', 'task-status', 'project-status']) {
        const list = await person.get(`/data/${slug}`);
        expect(list.status).toBe(200);
        const first = list.body[0];
        expect((await person.get(`/data/${slug}/${first.id}`)).status).toBe(200);
        expect((await person.post(`/data/${slug}`, { name: 'x' })).status).toBe(403);
        expect((await person.put(`/data/${slug}/${first.id}`, { name: 'x' })).status).toBe(403);
        expect((await person.delete(`/data/${slug}/${first.id}`)).status).toBe(403);
      }
      expect((await person.get('/data/events')).status).toBe(403);
    }
  });
});
