import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  eventsNamed,
  insertRow,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addFileFixture, outputTypeId, softwareId, type FileFixture } from './files-test-kit';

// Expected paths are those Zou's own route tests pin for the same production on the shipped
// "simple" tree (tests/blueprints/files/test_file_tree.py).

let server: CrudTestServer;
let fixture: FileFixture;
let admin: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  fixture = addFileFixture(server);
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const ASSET_FOLDER = '/simple/productions/cosmos_landromat/assets/props/tree/shaders';

function setTree(projectId: string, tree: unknown): void {
  server.context.db
    .prepare('UPDATE project SET file_tree = ? WHERE id = ?')
    .run(tree === null ? null : JSON.stringify(tree), projectId);
}

function workingPath(taskId: string, body: unknown, caller: ApiClient = fixture.manager) {
  return caller.post(`/data/tasks/${taskId}/working-file-path`, body);
}

function addWorkingFile(taskId: string, name: string, revision: number): void {
  insertRow(server, 'working_file', {
    task_id: taskId,
    name,
    revision,
    entity_id: fixture.assetId,
  });
}

describe('POST /data/tasks/{id}/working-file-path', () => {
  it('renders the folder per kind, with "3ds Max" as the default software', async () => {
    const cases: [string, string][] = [
      [fixture.shotTaskId, '/simple/productions/cosmos_landromat/shots/s01/p01/animation/3ds_max'],
      [
        fixture.sceneTaskId,
        '/simple/productions/cosmos_landromat/scenes/s01/sc01/animation/3ds_max',
      ],
      [fixture.assetTaskId, `${ASSET_FOLDER}/3ds_max`],
    ];
    for (const [taskId, path] of cases) {
      const response = await workingPath(taskId, {});
      expect(response.status).toBe(200);
      expect(response.body.path).toBe(path);
    }
    const created = eventsNamed(server, 'software:new');
    expect(created).toHaveLength(1);
    const software = server.context.db
      .prepare('SELECT * FROM software WHERE id = ?')
      .get((created[0]?.data as { software_id: string }).software_id) as {
      name: string;
      short_name: string;
    };
    expect(software).toMatchObject({ name: '3ds Max', short_name: 'max' });
  });

  it('names the next revision of that name, or the one asked for', async () => {
    for (const revision of [1, 2, 3, 4]) addWorkingFile(fixture.assetTaskId, 'hotfix', revision);
    const main = await workingPath(fixture.assetTaskId, { name: 'main' });
    expect(main.body).toEqual({
      path: `${ASSET_FOLDER}/3ds_max`,
      name: 'cosmos_landromat_props_tree_shaders_main_v001',
    });
    const hotfix = await workingPath(fixture.assetTaskId, { name: 'hotfix' });
    expect(hotfix.body.name).toBe('cosmos_landromat_props_tree_shaders_hotfix_v005');
    const pinned = await workingPath(fixture.assetTaskId, { name: 'hotfix', revision: 3 });
    expect(pinned.body.name).toBe('cosmos_landromat_props_tree_shaders_hotfix_v003');
  });

  it('uses the software given and the separator of the target platform', async () => {
    const blender = softwareId(server, 'Blender', 'blender');
    const response = await workingPath(fixture.assetTaskId, { software_id: blender, sep: '\\' });
    expect(response.body).toEqual({
      path: '/simple\\productions\\cosmos_landromat\\assets\\props\\tree\\shaders\\blender',
      name: 'cosmos_landromat_props_tree_shaders_main_v001',
    });
  });

  it('answers each malformed tree with its message and the request it got', async () => {
    const other = addFileFixture(server, { projectName: 'No Tree', tree: null });
    const body = { name: 'main', mode: 'working' };
    const noTree = await workingPath(other.assetTaskId, body, other.manager);
    expect(noTree.status).toBe(400);
    expect(noTree.body).toEqual({
      message: 'No tree can be found for given project.',
      received_data: body,
    });
    const cases: [unknown, object, string][] = [
      [{ working: { mountpoint: '/m', root: '', folder_path: {}, file_name: {} } }, {}, ''],
      [{ working: { root: '' } }, {}, "Can't find given mode (working) in given tree."],
      [{}, { mode: 'unknown' }, 'Mode unknown cannot be found on given tree.'],
      [
        {
          working: {
            mountpoint: '/m',
            root: '',
            folder_path: { asset: '<Project>/<Nope>' },
            file_name: { asset: '<Name>' },
          },
        },
        {},
        'Unknown data type: Nope.',
      ],
    ];
    for (const [tree, request, message] of cases) {
      setTree(other.projectId, tree);
      const response = await workingPath(other.assetTaskId, request, other.manager);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message, received_data: request });
    }
  });

  it('is refused to outsiders and to vendors not working on the entity', async () => {
    const outsider = addPerson(server, 'user');
    expect((await workingPath(fixture.assetTaskId, {}, outsider)).status).toBe(403);
    const vendor = addPerson(server, 'vendor');
    server.context.db
      .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
      .run(fixture.projectId, vendor.id);
    expect((await workingPath(fixture.assetTaskId, {}, vendor)).status).toBe(403);
    expect((await workingPath(fixture.assetTaskId, {}, fixture.artist)).status).toBe(200);
  });

  it('answers 404 for an unknown task or software, 400 for a bad body', async () => {
    expect((await workingPath(MISSING, {}, admin)).status).toBe(404);
    expect((await workingPath('not-an-id', {}, admin)).status).toBe(404);
    const software = await workingPath(fixture.assetTaskId, { software_id: MISSING });
    expect(software.status).toBe(404);
    const bad = await workingPath(fixture.assetTaskId, { revision: 'three', name: null });
    expect(bad.status).toBe(400);
    expect(bad.body.data.errors.map((error: { field: string }) => error.field)).toEqual([
      'name',
      'revision',
    ]);
  });
});

describe('POST /data/entities/{id}/output-file-path', () => {
  function outputPath(entityId: string, body: Record<string, unknown>, caller = fixture.manager) {
    return caller.post(`/data/entities/${entityId}/output-file-path`, body);
  }

  it('renders the folder and name, at the next revision when none is given', async () => {
    const cache = outputTypeId(server, 'Cache');
    const body = { name: 'main', output_type_id: cache, task_type_id: fixture.shadersId };
    const pinned = await outputPath(fixture.assetId, { ...body, revision: 3 });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toEqual({
      folder_path: '/simple/productions/export/cosmos_landromat/assets/props/tree/shaders/cache',
      file_name: 'cosmos_landromat_props_tree_shaders_cache_main_v003',
    });
    insertRow(server, 'output_file', {
      name: 'main',
      revision: 4,
      entity_id: fixture.assetId,
      output_type_id: cache,
      task_type_id: fixture.shadersId,
      file_status_id: server.context.db.prepare('SELECT id FROM file_status').pluck().get(),
    });
    const next = await outputPath(fixture.assetId, { ...body, separator: '\\' });
    expect(next.body.file_name).toBe('cosmos_landromat_props_tree_shaders_cache_main_v005');
    expect(next.body.folder_path).toBe(
      '/simple\\productions/export\\cosmos_landromat\\assets\\props\\tree\\shaders\\cache',
    );
  });

  it('needs an output type and a task type that exist', async () => {
    const missingFields = await outputPath(fixture.assetId, {});
    expect(missingFields.status).toBe(400);
    expect(missingFields.body.data.errors).toEqual([
      { field: 'output_type_id', message: 'Field required' },
      { field: 'task_type_id', message: 'Field required' },
    ]);
    const cache = outputTypeId(server, 'Cache');
    const unknownType = await outputPath(fixture.assetId, {
      output_type_id: MISSING,
      task_type_id: fixture.shadersId,
    });
    expect(unknownType.status).toBe(404);
    const unknownTaskType = await outputPath(fixture.assetId, {
      output_type_id: cache,
      task_type_id: MISSING,
    });
    expect(unknownTaskType.status).toBe(404);
    const outsider = addPerson(server, 'manager');
    const refused = await outputPath(
      fixture.assetId,
      { output_type_id: cache, task_type_id: fixture.shadersId },
      outsider,
    );
    expect(refused.status).toBe(403);
  });

  it('reports a token reading a record that does not exist as a 404', async () => {
    const cache = outputTypeId(server, 'Cache');
    const body = { output_type_id: cache, task_type_id: fixture.animationId };
    const other = addFileFixture(server, {
      projectName: 'Department Tree',
      tree: {
        output: {
          mountpoint: '/m',
          root: '',
          folder_path: { shot: '<Department>', asset: '<AssetType>', style: '' },
          file_name: { shot: '<Name>', asset: '<Name>' },
        },
      },
    });
    const department = await outputPath(other.shotId, body, other.manager);
    expect(department.status).toBe(200);
    expect(department.body.folder_path).toBe('/m/animation');
    const freelance = insertRow(server, 'task_type', { name: 'No Department', for_entity: 'Shot' });
    const noDepartment = { ...body, task_type_id: freelance };
    expect((await outputPath(other.shotId, noDepartment, other.manager)).status).toBe(404);
    server.context.db
      .prepare(
        "UPDATE entity SET entity_type_id = (SELECT id FROM entity_type WHERE name = 'Edit') WHERE id = ?",
      )
      .run(other.assetId);
    const assetType = await outputPath(other.assetId, body, other.manager);
    expect(assetType.status).toBe(404);
  });
});

describe('POST /data/asset-instances/{id}/entities/{id}/output-file-path', () => {
  it('renders an instance in a shot and in an asset with their own templates', async () => {
    const cache = outputTypeId(server, 'Cache');
    const inShot = insertRow(server, 'asset_instance', {
      asset_id: fixture.assetId,
      name: 'Tree_0001',
      number: 1,
    });
    const body = {
      name: 'main',
      output_type_id: cache,
      task_type_id: fixture.animationId,
      representation: 'abc',
      revision: 3,
    };
    const shot = await fixture.manager.post(
      `/data/asset-instances/${inShot}/entities/${fixture.shotId}/output-file-path`,
      body,
    );
    expect(shot.status).toBe(200);
    expect(shot.body).toEqual({
      folder_path:
        '/simple/productions/export/cosmos_landromat/shot/s01/p01/animation/cache/props/tree/instance_0001/abc',
      file_name: 'cosmos_landromat_s01_p01_animation_cache_main_tree_0001_v003',
    });
    const inAsset = insertRow(server, 'asset_instance', {
      asset_id: fixture.assetId,
      target_asset_id: fixture.assetId,
      number: 2,
    });
    const asset = await fixture.manager.post(
      `/data/asset-instances/${inAsset}/entities/${fixture.assetId}/output-file-path`,
      { ...body, task_type_id: fixture.shadersId },
    );
    expect(asset.body).toEqual({
      folder_path:
        '/simple/productions/export/cosmos_landromat/assets/props/tree/shaders/cache/props/tree/instance_0002/abc',
      file_name: 'cosmos_landromat_props_tree_shaders_cache_main_0002_v003',
    });
  });

  it('answers 404 for an unknown instance or entity, 403 outside the team', async () => {
    const cache = outputTypeId(server, 'Cache');
    const instance = insertRow(server, 'asset_instance', { asset_id: fixture.assetId, number: 9 });
    const body = { output_type_id: cache, task_type_id: fixture.animationId };
    const path = (instanceId: string, entityId: string) =>
      `/data/asset-instances/${instanceId}/entities/${entityId}/output-file-path`;
    expect((await admin.post(path(MISSING, fixture.shotId), body)).status).toBe(404);
    expect((await admin.post(path(instance, MISSING), body)).status).toBe(404);
    const outsider = addPerson(server, 'user');
    expect((await outsider.post(path(instance, fixture.shotId), body)).status).toBe(403);
  });
});
