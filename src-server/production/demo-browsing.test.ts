import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, addPerson, type CrudTestServer } from '../crud/crud-test-kit';
import { seedDemo, type DemoSummary } from '../seed/demo';
import { accessTokenFor, startTestServer } from '../test-support/test-server';

// The production routes over the demo production "Harbor Lights" (src-server/seed).

let server: CrudTestServer;
let demo: DemoSummary;

function as(email: string): ApiClient {
  const id = demo.personIds[email] as string;
  return new ApiClient(server.baseUrl, accessTokenFor(server.context, id), id);
}

const admin = () => as('admin@example.com');
const manager = () => as('priya.raman@example.com');
const artist = () => as('jordan.reyes@example.com');
const vendor = () => as('ravi.patel@example.com');

function sequenceIds(): string[] {
  return (
    server.context.db
      .prepare(
        `SELECT e.id FROM entity e JOIN entity_type et ON et.id = e.entity_type_id
         WHERE et.name = 'Sequence' ORDER BY e.name`,
      )
      .all() as { id: string }[]
  ).map((row) => row.id);
}

function sorted<T>(values: T[], compare: (a: T, b: T) => number): T[] {
  return [...values].sort(compare);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

beforeAll(async () => {
  server = await startTestServer();
  demo = await seedDemo(server.context.db, {
    size: 'standard',
    osUserName: 'tester',
    hashPassword: async (plain) => `fake:${plain}`,
  });
});
afterAll(() => server.close());

describe('assets of the demo', () => {
  it('lists every asset as "Asset", by asset type then name', async () => {
    const response = await artist().get(`/data/assets?project_id=${demo.projectId}`);
    expect(response.status).toBe(200);
    const assets = response.body as any[];
    const count = server.context.db
      .prepare(
        `SELECT COUNT(*) AS n FROM entity e JOIN entity_type et ON et.id = e.entity_type_id
         WHERE et.name IN ('Character', 'Prop', 'Environment', 'FX')`,
      )
      .get() as { n: number };
    expect(assets).toHaveLength(count.n);
    expect(new Set(assets.map((asset) => asset.type))).toEqual(new Set(['Asset']));
    expect(assets[0]).not.toHaveProperty('tasks');
    expect(assets[0]).not.toHaveProperty('entities_out');
    const typeNames = new Map(
      (
        server.context.db.prepare('SELECT id, name FROM entity_type').all() as {
          id: string;
          name: string;
        }[]
      ).map((row) => [row.id, row.name]),
    );
    const keys = assets.map((asset) => `${typeNames.get(asset.entity_type_id)}\u0000${asset.name}`);
    expect(keys).toEqual(sorted(keys, byText));
  });

  it('gives a vendor only the assets they hold a task on (none for the compositor)', async () => {
    const response = await vendor().get(`/data/assets?project_id=${demo.projectId}`);
    expect(response).toEqual({ status: 200, body: [] });
  });

  it('answers one asset with its tasks and names', async () => {
    const [first] = (await artist().get(`/data/assets?project_id=${demo.projectId}`)).body;
    const response = await artist().get(`/data/assets/${first.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: first.id,
      type: 'Asset',
      project_name: expect.any(String),
      asset_type_name: expect.any(String),
      asset_type_id: first.entity_type_id,
      casting_episode_ids: [],
      entities_in: expect.any(Array),
    });
    expect(response.body).not.toHaveProperty('source_id');
    expect(response.body.tasks.length).toBeGreaterThan(0);
    expect(response.body.tasks[0]).toMatchObject({ is_subscribed: false, entity_id: first.id });
  });
});

describe('shots and sequences of the demo', () => {
  it("lists a sequence's shot tasks ordered by task type, then shot", async () => {
    const [sequenceId] = sequenceIds();
    const response = await artist().get(`/data/sequences/${sequenceId}/shot-tasks?relations=true`);
    expect(response.status).toBe(200);
    const tasks = response.body as any[];
    expect(tasks).toHaveLength(8 * 4);
    const keys = tasks.map(
      (task) => `${task.name}\u0000${task.task_type_name}\u0000${task.entity_name}`,
    );
    expect(keys).toEqual(sorted(keys, byText));
    expect(tasks[0]).toMatchObject({
      type: 'Task',
      entity_type_name: 'Shot',
      project_name: expect.any(String),
      task_status_name: expect.any(String),
      assignees: expect.any(Array),
    });
    const types = await artist().get(`/data/sequences/${sequenceId}/task-types`);
    expect(types.body.map((type: any) => type.name)).toEqual([
      'Animation',
      'Compositing',
      'Layout',
      'Lighting',
    ]);
    expect((await vendor().get(`/data/sequences/${sequenceId}/shot-tasks`)).status).toBe(403);
  });

  it('lets the vendor read the shots they work on, and only those', async () => {
    const rows = server.context.db
      .prepare(
        `SELECT DISTINCT t.entity_id, EXISTS (SELECT 1 FROM task k JOIN task_person_link a
           ON a.task_id = k.id WHERE k.entity_id = t.entity_id AND a.person_id = ?) AS mine
         FROM task t JOIN entity e ON e.id = t.entity_id JOIN entity_type et
           ON et.id = e.entity_type_id WHERE et.name = 'Shot'`,
      )
      .all(vendor().id) as { entity_id: string; mine: number }[];
    const mine = rows.find((row) => row.mine)!;
    const other = rows.find((row) => !row.mine)!;
    const tasks = await vendor().get(`/data/shots/${mine.entity_id}/tasks`);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toHaveLength(4);
    expect((await vendor().get(`/data/shots/${other.entity_id}/tasks`)).status).toBe(403);
    expect((await vendor().get(`/data/shots/${other.entity_id}/task-types`)).status).toBe(403);
  });

  it('keys the casting of the project by shot, and refuses vendors', async () => {
    const url = `/data/projects/${demo.projectId}/episodes/all/sequences/all/casting`;
    const response = await artist().get(url);
    expect(response.status).toBe(200);
    const shotIds = Object.keys(response.body);
    expect(shotIds).toHaveLength(24);
    expect(response.body[shotIds[0]!][0]).toEqual({
      asset_id: expect.any(String),
      name: expect.any(String),
      asset_name: expect.any(String),
      asset_type_name: expect.any(String),
      sequence_name: expect.any(String),
      preview_file_id: null,
      nb_occurences: 1,
      label: '',
      is_shared: false,
      project_id: demo.projectId,
    });
    const main = await artist().get(
      `/data/projects/${demo.projectId}/episodes/main/sequences/all/casting`,
    );
    expect(main).toEqual({ status: 200, body: {} });
    expect((await vendor().get(url)).status).toBe(403);
  });
});

describe('the demo team', () => {
  it('shows managers full profiles and others the minimal card', async () => {
    const url = `/data/projects/${demo.projectId}/team`;
    const full = await manager().get(url);
    expect(full.status).toBe(200);
    expect(full.body).toHaveLength(Object.keys(demo.personIds).length);
    expect(full.body[0]).toMatchObject({ email: expect.any(String), project_role: null });
    expect(full.body[0]).not.toHaveProperty('password');
    const minimal = await artist().get(url);
    expect(Object.keys(minimal.body[0]).sort()).toEqual(
      [
        'active',
        'departments',
        'desktop_login',
        'first_name',
        'full_name',
        'has_avatar',
        'id',
        'is_bot',
        'last_name',
        'project_role',
        'role',
        'studio_id',
        'type',
      ].sort(),
    );
    const outsider = addPerson(server, 'user');
    expect((await outsider.get(url)).status).toBe(403);
    expect((await outsider.get(`/data/assets?project_id=${demo.projectId}`)).status).toBe(403);
    expect((await admin().get(url)).status).toBe(200);
  });
});
