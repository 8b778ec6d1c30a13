import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  eventsNamed,
  insertRow,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addFileFixture, rowCount, softwareId, type FileFixture } from './files-test-kit';

let server: CrudTestServer;
let fixture: FileFixture;

beforeAll(async () => {
  server = await startCrudServer();
  fixture = addFileFixture(server);
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const BLENDER_FOLDER = '/simple/productions/cosmos_landromat/assets/props/tree/shaders/blender';

function newWorkingFile(taskId: string, body: unknown, caller: ApiClient = fixture.manager) {
  return caller.post(`/data/tasks/${taskId}/working-files/new`, body);
}

function assignees(taskId: string): string[] {
  return (
    server.context.db
      .prepare('SELECT person_id FROM task_person_link WHERE task_id = ?')
      .all(taskId) as { person_id: string }[]
  ).map((row) => row.person_id);
}

describe('POST /data/tasks/{id}/working-files/new', () => {
  it('creates the next revision at its path, assigns the caller and announces both', async () => {
    const body = { name: 'main', description: 'ignored', comment: 'first pass' };
    expect(assignees(fixture.assetTaskId)).not.toContain(fixture.manager.id);
    const first = await newWorkingFile(fixture.assetTaskId, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      type: 'WorkingFile',
      name: 'main',
      revision: 1,
      comment: 'first pass',
      description: null,
      task_id: fixture.assetTaskId,
      entity_id: fixture.assetId,
      person_id: fixture.manager.id,
      path: `${BLENDER_FOLDER}/cosmos_landromat_props_tree_shaders_main_v001`,
    });
    expect(assignees(fixture.assetTaskId)).toContain(fixture.manager.id);
    const software = server.context.db
      .prepare('SELECT name, short_name FROM software WHERE id = ?')
      .get(first.body.software_id);
    expect(software).toEqual({ name: 'Blender', short_name: 'blender' });
    expect(eventsNamed(server, 'working-file:new').at(-1)?.data).toEqual({
      working_file_id: first.body.id,
      project_id: fixture.projectId,
    });
    expect(eventsNamed(server, 'task:assign').at(-1)?.data).toEqual({
      task_id: fixture.assetTaskId,
      person_id: fixture.manager.id,
      project_id: fixture.projectId,
    });

    const second = await newWorkingFile(fixture.assetTaskId, body);
    expect(second.body.revision).toBe(2);
    const pinned = await newWorkingFile(fixture.assetTaskId, { ...body, revision: 66, sep: '\\' });
    expect(pinned.body.revision).toBe(66);
    expect(pinned.body.path).toBe(
      `${BLENDER_FOLDER}\\cosmos_landromat_props_tree_shaders_main_v066`,
    );
  });

  it('records the person named and the software given', async () => {
    const maya = softwareId(server, 'Maya', 'ma');
    const response = await newWorkingFile(fixture.shotTaskId, {
      name: 'layout',
      person_id: fixture.artist.id,
      software_id: maya,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ person_id: fixture.artist.id, software_id: maya });
    expect(response.body.path).toBe(
      '/simple/productions/cosmos_landromat/shots/s01/p01/animation/maya/cosmos_landromat_s01_p01_animation_layout_v001',
    );
    // The caller is the one assigned, whoever the file is recorded for.
    expect(assignees(fixture.shotTaskId)).toEqual([fixture.manager.id]);
  });

  it('refuses the same revision twice and leaves nothing of the refused request', async () => {
    const other = addFileFixture(server, { projectName: 'Duplicates' });
    const body = { name: 'main', revision: 7 };
    expect((await newWorkingFile(other.sceneTaskId, body, other.manager)).status).toBe(201);
    const assignEvents = eventsNamed(server, 'task:assign').length;
    const again = await newWorkingFile(other.sceneTaskId, body, other.artist);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: 'The given working file already exists.' });
    expect(assignees(other.sceneTaskId)).toEqual([other.manager.id]);
    expect(eventsNamed(server, 'task:assign')).toHaveLength(assignEvents);
    // Zou answers any integrity failure so, an unknown person included.
    const unknownPerson = await newWorkingFile(
      other.sceneTaskId,
      { name: 'x', person_id: MISSING },
      other.manager,
    );
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.body).toEqual({ error: 'The given working file already exists.' });
  });

  it('answers a malformed tree with the path route’s 400, creating nothing', async () => {
    const other = addFileFixture(server, { projectName: 'Treeless', tree: null });
    const response = await newWorkingFile(other.assetTaskId, { name: 'main' }, other.manager);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: 'No tree can be found for given project.',
      received_data: { name: 'main' },
    });
    expect(
      rowCount(server, 'SELECT 1 FROM working_file WHERE task_id = ?', other.assetTaskId),
    ).toBe(0);
    expect(assignees(other.assetTaskId)).toEqual([other.artist.id]);
  });

  it('checks the body, the task, the software and the caller', async () => {
    const noName = await newWorkingFile(fixture.assetTaskId, { comment: 'x' });
    expect(noName.status).toBe(400);
    expect(noName.body.data.errors).toEqual([{ field: 'name', message: 'Field required' }]);
    expect((await newWorkingFile(MISSING, { name: 'main' })).status).toBe(404);
    const badSoftware = await newWorkingFile(fixture.assetTaskId, {
      name: 'main',
      software_id: MISSING,
    });
    expect(badSoftware.status).toBe(404);
    const outsider = addPerson(server, 'user');
    expect((await newWorkingFile(fixture.assetTaskId, { name: 'main' }, outsider)).status).toBe(
      403,
    );
  });
});

describe('GET /data/tasks/{id}/working-files[/last-revisions]', () => {
  it('lists every revision newest first, and the last one of each name', async () => {
    const other = addFileFixture(server, { projectName: 'Listing' });
    const add = (name: string, revision: number) =>
      insertRow(server, 'working_file', {
        task_id: other.assetTaskId,
        entity_id: other.assetId,
        name,
        revision,
      });
    const main = [1, 2, 3].map((revision) => add('main', revision));
    const hotfix = [1, 2].map((revision) => add('hotfix', revision));
    add('negative', -1);

    const list = await other.artist.get(`/data/tasks/${other.assetTaskId}/working-files`);
    expect(list.status).toBe(200);
    expect(list.body.map((file: { revision: number }) => file.revision)).toEqual([3, 2, 2, 1, 1]);
    expect(list.body[0]).toMatchObject({ id: main[2], type: 'WorkingFile' });

    const last = await other.artist.get(
      `/data/tasks/${other.assetTaskId}/working-files/last-revisions`,
    );
    expect(last.status).toBe(200);
    expect(Object.keys(last.body).sort()).toEqual(['hotfix', 'main', 'negative']);
    expect(last.body.main).toMatchObject({ id: main[2], revision: 3, type: 'WorkingFile' });
    expect(last.body.hotfix.id).toBe(hotfix[1]);
  });

  it('is refused outside the team, and 404 for an unknown task', async () => {
    const outsider = addPerson(server, 'user');
    for (const suffix of ['', '/last-revisions']) {
      const refused = await outsider.get(
        `/data/tasks/${fixture.assetTaskId}/working-files${suffix}`,
      );
      expect(refused.status).toBe(403);
      const missing = await fixture.manager.get(`/data/tasks/${MISSING}/working-files${suffix}`);
      expect(missing.status).toBe(404);
    }
  });
});
