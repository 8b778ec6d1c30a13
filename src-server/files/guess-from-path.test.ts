import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addFileFixture, type FileFixture } from './files-test-kit';

let server: CrudTestServer;
let fixture: FileFixture;

beforeAll(async () => {
  server = await startCrudServer();
  fixture = addFileFixture(server);
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

async function guess(
  path: string,
  caller: ApiClient = fixture.artist,
  projectId = fixture.projectId,
) {
  const response = await caller.post('/data/entities/guess-from-path', {
    project_id: projectId,
    file_path: path,
  });
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body as Record<string, string>[]).map((match) => [match.Template, match]),
  );
}

describe('POST /data/entities/guess-from-path', () => {
  it('resolves an asset path down to its task type', async () => {
    const matches = await guess(
      '/simple/productions/cosmos landromat/assets/props/tree/shaders/blender',
    );
    expect(matches.asset).toEqual({
      Template: 'asset',
      Project: fixture.projectId,
      AssetType: fixture.assetTypeId,
      Asset: fixture.assetId,
      TaskType: fixture.shadersId,
    });
  });

  it('resolves a shot path through its sequence, whatever case the disk kept', async () => {
    const matches = await guess('/SIMPLE/PRODUCTIONS/COSMOS_LANDROMAT/SHOTS/S01/P01/ANIMATION/MAX');
    expect(matches.shot).toEqual({
      Template: 'shot',
      Project: fixture.projectId,
      Sequence: fixture.sequenceId,
      Shot: fixture.shotId,
      TaskType: fixture.animationId,
    });
    const scene = await guess('/simple/productions/cosmos_landromat/scenes/s01/sc01/animation/max');
    expect(scene.scene?.Scene).toBe(fixture.sceneId);
  });

  it('stops at the first level that names nothing, and at another production', async () => {
    const matches = await guess('/simple/productions/cosmos_landromat/shots/nowhere/p01/x/y');
    expect(matches.shot).toEqual({ Template: 'shot', Project: fixture.projectId });
    const other = addFileFixture(server, { projectName: 'Other Show' });
    const elsewhere = await guess(
      '/simple/productions/other_show/assets/props/tree/shaders/blender',
    );
    expect(elsewhere.asset).toEqual({ Template: 'asset' });
    const own = await guess(
      '/simple/productions/other_show/assets/props/tree/shaders/blender',
      other.manager,
      other.projectId,
    );
    expect(own.asset?.Asset).toBe(other.assetId);
    expect(await guess('/elsewhere/cosmos_landromat/assets')).toEqual({});
  });

  it('answers on the old snake_case path too', async () => {
    const response = await fixture.artist.post('/data/entities/guess_from_path', {
      project_id: fixture.projectId,
      file_path: '/simple/productions/cosmos_landromat/assets/props/tree/shaders/blender',
    });
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual(expect.objectContaining({ Asset: fixture.assetId }));
  });

  it('checks the body, the project and the caller', async () => {
    const missing = await fixture.artist.post('/data/entities/guess-from-path', {});
    expect(missing.status).toBe(400);
    expect(missing.body.data.errors).toEqual([
      { field: 'project_id', message: 'Field required' },
      { field: 'file_path', message: 'Field required' },
    ]);
    const outsider = addPerson(server, 'user');
    const refused = await outsider.post('/data/entities/guess-from-path', {
      project_id: fixture.projectId,
      file_path: '/simple',
    });
    expect(refused.status).toBe(403);
    const unknown = await fixture.artist.post('/data/entities/guess-from-path', {
      project_id: MISSING,
      file_path: '/simple',
    });
    expect(unknown.status).toBe(404);
    const treeless = addFileFixture(server, { projectName: 'Treeless', tree: null });
    const noTree = await treeless.manager.post('/data/entities/guess-from-path', {
      project_id: treeless.projectId,
      file_path: '/simple',
    });
    expect(noTree.status).toBe(400);
    expect(noTree.body.message).toBe('No tree can be found for given project.');
  });
});
