import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  insertRow,
  lookupId,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addBot, addMember, departmentId, setProjectRole } from './user-views-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let artist: ApiClient;
let client: ApiClient;
let vendor: ApiClient;
let guestId: string;
let show: string;
let otherOpen: string;
let closed: string;
let runningEpisode: string;
let descriptors: Record<'forClient' | 'compositing' | 'modeling' | 'anyone', string>;

const CONTEXT_KEYS = [
  'asset_types',
  'custom_actions',
  'status_automations',
  'departments',
  'studios',
  'notification_count',
  'persons',
  'project_status',
  'project_roles',
  'projects',
  'task_types',
  'task_status',
  'search_filters',
  'search_filter_groups',
  'preview_background_files',
  'plugins',
];

function addDescriptor(name: string, fields: Record<string, unknown>): string {
  return insertRow(server, 'metadata_descriptor', {
    project_id: show,
    entity_type: 'Asset',
    name,
    field_name: name.toLowerCase(),
    data_type: 'string',
    ...fields,
  });
}

beforeAll(async () => {
  server = await startCrudServer();
  admin = addMember(server, 'admin');
  manager = addMember(server, 'manager');
  artist = addMember(server, 'user', ['Animation']);
  client = addMember(server, 'client');
  vendor = addMember(server, 'vendor', ['Compositing']);
  guestId = addMember(server, 'user', [], { is_guest: true }).id;
  addBot(server);
  const team = [manager.id, artist.id, client.id, vendor.id];
  show = addProject(server, { team, fields: { production_type: 'tvshow', name: 'Show' } });
  otherOpen = addProject(server, { team: [manager.id] });
  closed = addProject(server, { team, closed: true });

  addEntity(server, show, 'Episode', { name: 'E01', status: 'standby' });
  runningEpisode = addEntity(server, show, 'Episode', { name: 'E02', status: 'running' });
  setProjectRole(server, show, artist.id, 'supervisor');

  descriptors = {
    forClient: addDescriptor('Published', { for_client: true }),
    compositing: addDescriptor('Passes', { departments: [departmentId(server, 'Compositing')] }),
    modeling: addDescriptor('Topology', { departments: [departmentId(server, 'Modeling')] }),
    anyone: addDescriptor('Notes', {}),
  };
  const db = server.context.db;
  db.prepare(
    'INSERT INTO project_task_type_link (project_id, task_type_id, priority) VALUES (?, ?, 3)',
  ).run(show, taskTypeId(server, 'Animation', 'Shot'));
  db.prepare(
    `INSERT INTO project_task_status_link (project_id, task_status_id, priority, roles_for_board)
     VALUES (?, ?, 2, '["user","manager"]')`,
  ).run(show, taskStatusId(server, 'wip'));

  for (const read of [false, false, true]) {
    insertRow(server, 'notification', {
      person_id: artist.id,
      author_id: manager.id,
      type: 'comment',
      read,
    });
  }
  insertRow(server, 'plugin', {
    plugin_id: 'stats',
    name: 'Stats',
    version: '1.0.0',
    maintainer_name: 'Studio',
    license: 'MIT',
    frontend_project_enabled: true,
  });
});
afterAll(() => server.close());

async function contextOf(person: ApiClient): Promise<Record<string, any>> {
  const response = await person.get('/data/user/context');
  expect(response.status).toBe(200);
  return response.body as Record<string, any>;
}

describe('GET /data/user/context', () => {
  it('holds every key, user_limit for admins only', async () => {
    expect(Object.keys(await contextOf(artist)).sort()).toEqual([...CONTEXT_KEYS].sort());
    const adminContext = await contextOf(admin);
    expect(Object.keys(adminContext).sort()).toEqual([...CONTEXT_KEYS, 'user_limit'].sort());
    expect(adminContext.user_limit).toBe(100);
  });

  it("lists the caller's open team projects with their extra data", async () => {
    const context = await contextOf(artist);
    expect(context.projects.map((project: any) => project.id)).toEqual([show]);
    const [project] = context.projects;
    expect(project).toMatchObject({
      type: 'Project',
      name: 'Show',
      first_episode_id: runningEpisode,
      task_types_priority: { [taskTypeId(server, 'Animation', 'Shot')]: 3 },
      task_statuses_link: {
        [taskStatusId(server, 'wip')]: { priority: 2, roles_for_board: ['user', 'manager'] },
      },
    });
    expect([...project.team].sort()).toEqual([manager.id, artist.id, client.id, vendor.id].sort());
    expect(project).toHaveProperty('asset_types');
    expect(project).toHaveProperty('task_statuses');
    const notes = project.descriptors.find((row: any) => row.id === descriptors.anyone);
    expect(notes).toEqual({
      id: descriptors.anyone,
      name: 'Notes',
      field_name: 'notes',
      data_type: 'string',
      choices: null,
      for_client: false,
      entity_type: 'Asset',
      task_type_id: null,
      position: null,
      departments: [],
    });
    expect(project.descriptors).toHaveLength(4);
  });

  it('gives admins every open project, team or not', async () => {
    const ids = (await contextOf(admin)).projects.map((project: any) => project.id).sort();
    expect(ids).toEqual([show, otherOpen].sort());
    expect(ids).not.toContain(closed);
  });

  it('shows clients the published descriptors and vendors those of their departments', async () => {
    const descriptorIds = async (person: ApiClient) =>
      (await contextOf(person)).projects[0].descriptors.map((row: any) => row.id).sort();
    expect(await descriptorIds(client)).toEqual([descriptors.forClient]);
    expect(await descriptorIds(vendor)).toEqual(
      [descriptors.forClient, descriptors.compositing, descriptors.anyone].sort(),
    );
  });

  it('shows persons minimally to artists and safely to managers, never guests', async () => {
    const minimal = (await contextOf(artist)).persons;
    expect(minimal.map((person: any) => person.id)).not.toContain(guestId);
    const self = minimal.find((person: any) => person.id === artist.id);
    expect(Object.keys(self).sort()).toEqual(
      [
        'id',
        'type',
        'first_name',
        'last_name',
        'full_name',
        'has_avatar',
        'active',
        'departments',
        'studio_id',
        'role',
        'desktop_login',
        'is_bot',
      ].sort(),
    );
    expect(self.departments).toEqual([departmentId(server, 'Animation')]);

    const safe = (await contextOf(manager)).persons;
    const seen = safe.find((person: any) => person.id === artist.id);
    expect(seen.email).toBeTruthy();
    expect(seen.departments).toEqual([departmentId(server, 'Animation')]);
    expect(seen).not.toHaveProperty('password');
    expect(safe.map((person: any) => person.id)).not.toContain(guestId);
  });

  it('carries the reference tables, roles, notifications and plugins', async () => {
    const context = await contextOf(artist);
    expect(context.project_roles).toEqual({ [show]: 'supervisor' });
    expect(context.notification_count).toBe(2);
    expect(context.asset_types.map((type: any) => type.name).sort()).toEqual(
      ['Character', 'Environment', 'FX', 'Prop'].sort(),
    );
    expect(context.asset_types[0]).toMatchObject({ type: 'AssetType', task_types: [] });
    expect(context.project_status.map((status: any) => status.name).sort()).toEqual([
      'Closed',
      'Open',
    ]);
    expect(context.task_status.length).toBeGreaterThan(5);
    expect(context.task_types[0].type).toBe('TaskType');
    expect(context.departments.map((row: any) => row.id)).toContain(
      lookupId(server, "SELECT id FROM department WHERE name = 'FX'"),
    );
    expect(context.plugins).toEqual([
      {
        id: expect.any(String),
        plugin_id: 'stats',
        name: 'Stats',
        description: null,
        version: '1.0.0',
        maintainer_name: 'Studio',
        maintainer_email: null,
        frontend_project_enabled: true,
        frontend_studio_enabled: false,
        icon: null,
      },
    ]);
    expect(context.search_filters).toEqual({});
  });
});
