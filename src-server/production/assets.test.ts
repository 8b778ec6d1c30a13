import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  entityTypeId,
  insertRow,
  lookupId,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from '../http/errors';

let server: CrudTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function departmentId(name: string): string {
  return lookupId(server, 'SELECT id FROM department WHERE name = ?', name);
}

describe('GET /data/assets', () => {
  it('lists the assets of the asked project, filtered by any attribute', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const other = addProject(server, { team: [artist.id] });
    const prop = addEntity(server, projectId, 'Prop', { name: 'Lamp' });
    const character = addEntity(server, projectId, 'Character', { name: 'Zed' });
    addEntity(server, projectId, 'Character', { name: 'Ada' });
    addEntity(server, projectId, 'Sequence');
    addEntity(server, other, 'Prop');

    const response = await artist.get(`/data/assets?project_id=${projectId}`);
    expect(response.status).toBe(200);
    expect(response.body.map((asset: any) => asset.name)).toEqual(['Ada', 'Zed', 'Lamp']);
    expect(response.body.every((asset: any) => asset.type === 'Asset')).toBe(true);

    const lamps = await artist.get(`/data/assets/all?project_id=${projectId}&name=lamp`);
    expect(lamps.body.map((asset: any) => asset.id)).toEqual([prop]);
    const byType = await artist.get(
      `/data/assets?project_id=${projectId}&entity_type_id=${entityTypeId(server, 'Character')}`,
    );
    expect(byType.body.map((asset: any) => asset.id)).toContain(character);
    expect(byType.body).toHaveLength(2);
  });

  it('refuses outsiders, 404s unknown projects and 400s malformed filters', async () => {
    const outsider = addPerson(server, 'user');
    const projectId = addProject(server);
    expect(await outsider.get(`/data/assets?project_id=${projectId}`)).toEqual({
      status: 403,
      body: { error: true, message: FORBIDDEN_MESSAGE },
    });
    expect((await outsider.get(`/data/assets?project_id=${MISSING}`)).status).toBe(404);
    expect(await admin.get('/data/assets?project_id=nope')).toEqual({
      status: 400,
      body: { error: true, message: 'Invalid UUID value: nope', data: null },
    });
    expect((await admin.get('/data/assets?is_shared=perhaps')).body.message).toBe(
      'Invalid boolean value: perhaps',
    );
  });

  it('keeps a non-admin to the projects of their teams', async () => {
    const artist = addPerson(server, 'user');
    const mine = addProject(server, { team: [artist.id] });
    const asset = addEntity(server, mine, 'Prop');
    addEntity(server, addProject(server), 'Prop');
    const response = await artist.get('/data/assets');
    expect(response.body.map((row: any) => row.id)).toEqual([asset]);
  });

  it('lists the assets of an episode: its own and those cast in it', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const episode = addEntity(server, projectId, 'Episode');
    const own = addEntity(server, projectId, 'Prop', { name: 'A own', source_id: episode });
    const cast = addEntity(server, projectId, 'Prop', { name: 'B cast' });
    addEntity(server, projectId, 'Prop', { name: 'C elsewhere' });
    insertRow(server, 'entity_link', { entity_in_id: episode, entity_out_id: cast });
    const response = await artist.get(`/data/assets?episode_id=${episode}`);
    expect(response.body.map((row: any) => row.id)).toEqual([own, cast]);
  });

  it('gives vendors the assets they work on, metadata of other departments masked', async () => {
    const vendor = addPerson(server, 'vendor', { departments: [departmentId('Modeling')] });
    const projectId = addProject(server, { team: [vendor.id] });
    const data = { mine: 'visible', theirs: 'hidden', free: 'visible' };
    const worked = addEntity(server, projectId, 'Prop', { data });
    addEntity(server, projectId, 'Prop', { data });
    addTask(server, projectId, worked, { assignees: [vendor.id] });
    const descriptor = (fieldName: string, departments: string[]): string =>
      insertRow(server, 'metadata_descriptor', {
        project_id: projectId,
        entity_type: 'Asset',
        name: fieldName,
        field_name: fieldName,
        data_type: 'string',
        departments,
      });
    descriptor('mine', [departmentId('Modeling')]);
    descriptor('theirs', [departmentId('Animation')]);
    descriptor('free', []);

    const response = await vendor.get(`/data/assets?project_id=${projectId}`);
    expect(response.body.map((row: any) => row.id)).toEqual([worked]);
    expect(response.body[0].data).toEqual({ mine: 'visible', free: 'visible' });
  });
});

describe('one asset', () => {
  it('answers the full asset, its tasks and task types', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const asset = addEntity(server, projectId, 'Character', { name: 'Hero', source_id: episode });
    insertRow(server, 'entity_link', { entity_in_id: episode, entity_out_id: asset });
    const modeling = addTask(server, projectId, asset, {
      assignees: [artist.id],
      fields: { name: 'b' },
    });
    const rigging = addTask(server, projectId, asset, {
      taskType: ['Rigging', 'Asset'],
      fields: { name: 'a' },
    });

    const full = await artist.get(`/data/assets/${asset}`);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      id: asset,
      type: 'Asset',
      name: 'Hero',
      asset_type_name: 'Character',
      asset_type_id: entityTypeId(server, 'Character'),
      preview_file_id: '',
      ready_for: 'None',
      episode_id: episode,
      casting_episode_ids: [episode],
      entities_in: [episode],
      entities_out: [],
      canceled: false,
      data: {},
    });
    expect(full.body).not.toHaveProperty('nb_frames');
    expect(full.body.tasks).toHaveLength(2);
    expect(full.body.tasks.find((task: any) => task.id === modeling)).toMatchObject({
      assignees: [artist.id],
      is_subscribed: false,
      last_preview_file_id: '',
    });

    const tasks = await artist.get(`/data/assets/${asset}/tasks`);
    expect(tasks.body.map((task: any) => task.id)).toEqual([rigging, modeling]);
    expect(tasks.body[0]).toMatchObject({
      type: 'Task',
      task_type_name: 'Rigging',
      entity_type_name: 'Character',
      entity_name: 'Hero',
      task_status_name: 'Todo',
    });
    expect(tasks.body[0]).not.toHaveProperty('assignees');
    const related = await artist.get(`/data/assets/${asset}/tasks?relations=true`);
    expect(related.body[1].assignees).toEqual([artist.id]);

    const types = await artist.get(`/data/assets/${asset}/task-types`);
    expect(types.body.map((type: any) => [type.name, type.type])).toEqual([
      ['Modeling', 'TaskType'],
      ['Rigging', 'TaskType'],
    ]);
  });

  it('404s unknown, malformed and non-asset ids; 403s outsiders and other vendors', async () => {
    const projectId = addProject(server);
    const asset = addEntity(server, projectId, 'Prop');
    const shot = addEntity(server, projectId, 'Shot');
    for (const id of [MISSING, 'not-an-id', shot]) {
      expect(await admin.get(`/data/assets/${id}`)).toEqual({
        status: 404,
        body: { error: true, message: NOT_FOUND_MESSAGE },
      });
      expect((await admin.get(`/data/assets/${id}/tasks`)).status).toBe(404);
    }
    const outsider = addPerson(server, 'user');
    expect((await outsider.get(`/data/assets/${asset}`)).status).toBe(403);
    const vendor = addPerson(server, 'vendor');
    server.context.db
      .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
      .run(projectId, vendor.id);
    expect((await vendor.get(`/data/assets/${asset}/task-types`)).status).toBe(403);
  });

  it('lists the scene instances of an asset keyed by scene', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const asset = addEntity(server, projectId, 'Prop');
    const scene = addEntity(server, projectId, 'Scene');
    const second = insertRow(server, 'asset_instance', {
      asset_id: asset,
      scene_id: scene,
      number: 2,
      name: 'prop_0002',
    });
    const first = insertRow(server, 'asset_instance', {
      asset_id: asset,
      scene_id: scene,
      number: 1,
      name: 'prop_0001',
    });
    const response = await artist.get(`/data/assets/${asset}/scene-asset-instances`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual([scene]);
    expect(response.body[scene].map((row: any) => row.id)).toEqual([first, second]);
    expect(response.body[scene][0]).toMatchObject({ type: 'AssetInstance', active: true });
  });
});

describe('POST /actions/projects/{pid}/asset-types/{atid}/assets/share', () => {
  it('shares every asset of the type for managers of the project only', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const propType = entityTypeId(server, 'Prop');
    const props = [addEntity(server, projectId, 'Prop'), addEntity(server, projectId, 'Prop')];
    const character = addEntity(server, projectId, 'Character');
    const url = `/actions/projects/${projectId}/asset-types/${propType}/assets/share`;

    expect((await artist.post(url, {})).status).toBe(403);
    const shared = await manager.post(url, {});
    expect(shared.status).toBe(200);
    expect(shared.body.map((row: any) => row.id).sort()).toEqual([...props].sort());
    expect(shared.body.every((row: any) => row.is_shared && row.type === 'Asset')).toBe(true);
    const isShared = (id: string): number =>
      (
        server.context.db.prepare('SELECT is_shared FROM entity WHERE id = ?').get(id) as {
          is_shared: number;
        }
      ).is_shared;
    expect(isShared(character)).toBe(0);

    const unshared = await manager.post(url, { is_shared: false });
    expect(unshared.body.every((row: any) => row.is_shared === false)).toBe(true);
    expect(isShared(props[0]!)).toBe(0);

    const invalid = await manager.post(url, { is_shared: 'sometimes' });
    expect(invalid).toEqual({
      status: 400,
      body: {
        error: true,
        message: 'Validation error.',
        data: {
          errors: [
            {
              field: 'is_shared',
              message: 'Input should be a valid boolean, unable to interpret input',
            },
          ],
        },
      },
    });
    expect(
      (await manager.post(`/actions/projects/${MISSING}/asset-types/${propType}/assets/share`, {}))
        .status,
    ).toBe(404);
  });
});
