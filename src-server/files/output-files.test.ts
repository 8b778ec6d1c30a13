import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  eventsNamed,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addFileFixture, outputTypeId, rowCount, type FileFixture } from './files-test-kit';

let server: CrudTestServer;
let fixture: FileFixture;
let cache: string;

beforeAll(async () => {
  server = await startCrudServer();
  fixture = addFileFixture(server);
  cache = outputTypeId(server, 'Cache');
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const SHOT_FOLDER = '/simple/productions/export/cosmos_landromat/shots/s01/p01/animation/cache';

function newOutputFile(entityId: string, body: object, caller: ApiClient = fixture.artist) {
  return caller.post(`/data/entities/${entityId}/output-files/new`, body);
}

describe('POST /data/entities/{id}/output-files/new', () => {
  it('creates the next revision with its rendered path and the default file status', async () => {
    const body = {
      output_type_id: cache,
      task_type_id: fixture.animationId,
      comment: 'published',
      extension: '.abc',
      nb_elements: 24,
    };
    const first = await newOutputFile(fixture.shotId, body);
    expect(first.status).toBe(201);
    const fileName = 'cosmos_landromat_s01_p01_animation_cache_main_v001_[1-24]';
    expect(first.body).toMatchObject({
      type: 'OutputFile',
      name: 'main',
      revision: 1,
      comment: 'published',
      extension: '.abc',
      nb_elements: 24,
      representation: '',
      entity_id: fixture.shotId,
      output_type_id: cache,
      task_type_id: fixture.animationId,
      person_id: fixture.artist.id,
      source_file_id: null,
      folder_path: SHOT_FOLDER,
      file_name: fileName,
      path: `${SHOT_FOLDER}/${fileName}.abc`,
    });
    const status = server.context.db
      .prepare('SELECT name FROM file_status WHERE id = ?')
      .pluck()
      .get(first.body.file_status_id);
    expect(status).toBe('To review');
    expect(eventsNamed(server, 'output-file:new').at(-1)?.data).toEqual({
      output_file_id: first.body.id,
      project_id: fixture.projectId,
    });
    const second = await newOutputFile(fixture.shotId, { ...body, nb_elements: 1 });
    expect(second.body.revision).toBe(2);
    expect(second.body.file_name).toBe('cosmos_landromat_s01_p01_animation_cache_main_v002');
  });

  it('links the working file it came from, and the person named', async () => {
    const made = await fixture.artist.post(`/data/tasks/${fixture.assetTaskId}/working-files/new`, {
      name: 'main',
    });
    const response = await newOutputFile(fixture.assetId, {
      output_type_id: cache,
      task_type_id: fixture.shadersId,
      working_file_id: made.body.id,
      person_id: fixture.manager.id,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      source_file_id: made.body.id,
      person_id: fixture.manager.id,
      file_name: 'cosmos_landromat_props_tree_shaders_cache_main_v001',
    });
    const unknownSource = await newOutputFile(fixture.assetId, {
      output_type_id: cache,
      task_type_id: fixture.shadersId,
      working_file_id: MISSING,
    });
    expect(unknownSource.body.source_file_id).toBeNull();
  });

  it('refuses a revision that exists, an unknown output type or person, in Zou’s words', async () => {
    const body = { output_type_id: cache, task_type_id: fixture.shadersId, revision: 9 };
    expect((await newOutputFile(fixture.assetId, body)).status).toBe(201);
    const cases: [object, object][] = [
      [body, { error: 'The given output file already exists.' }],
      [{ ...body, output_type_id: MISSING }, { error: 'Cannot find given output type.' }],
      [{ ...body, revision: 10, person_id: MISSING }, { error: 'Cannot find given person.' }],
    ];
    for (const [request, answer] of cases) {
      const response = await newOutputFile(fixture.assetId, request);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(answer);
    }
    const unknownTaskType = await newOutputFile(fixture.assetId, {
      ...body,
      task_type_id: MISSING,
    });
    expect(unknownTaskType.status).toBe(404);
    expect((await newOutputFile(MISSING, body)).status).toBe(404);
  });

  it('leaves no output file behind when the tree cannot render its path', async () => {
    const other = addFileFixture(server, {
      projectName: 'Typo Tree',
      tree: {
        output: {
          mountpoint: '/m',
          root: '',
          folder_path: { asset: '<Project>' },
          file_name: { asset: '<OuputType>' },
        },
      },
    });
    const response = await newOutputFile(
      other.assetId,
      { output_type_id: cache, task_type_id: other.shadersId },
      other.manager,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'Unknown data type: OuputType.' });
    expect(rowCount(server, 'SELECT 1 FROM output_file WHERE entity_id = ?', other.assetId)).toBe(
      0,
    );
  });

  it('is for members of the project', async () => {
    const outsider = addPerson(server, 'user');
    const body = { output_type_id: cache, task_type_id: fixture.shadersId };
    expect((await newOutputFile(fixture.assetId, body, outsider)).status).toBe(403);
    const invalid = await newOutputFile(fixture.assetId, { ...body, nb_elements: 'many' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data.errors[0].field).toBe('nb_elements');
  });
});
