import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  eventsNamed,
  insertRow,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addSequenceWithShots, addShotTask } from './production-test-kit';

let server: CrudTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function entityRow(id: string): { canceled: number } | undefined {
  return server.context.db.prepare('SELECT canceled FROM entity WHERE id = ?').get(id) as
    { canceled: number } | undefined;
}

describe('episodes', () => {
  it('answers an episode with its project name, and its edits by name', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id], fields: { name: 'Tales' } });
    const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const late = addEntity(server, projectId, 'Edit', { name: 'Zoom', parent_id: episode });
    const early = addEntity(server, projectId, 'Edit', { name: 'Alpha', parent_id: episode });
    addEntity(server, projectId, 'Edit', { name: 'Loose' });

    const one = await artist.get(`/data/episodes/${episode}`);
    expect(one.body).toMatchObject({ id: episode, type: 'Episode', project_name: 'Tales' });
    expect(one.body).not.toHaveProperty('entities_out');

    const edits = await artist.get(`/data/episodes/${episode}/edits`);
    expect(edits.body.map((edit: any) => [edit.id, edit.type])).toEqual([
      [early, 'Edit'],
      [late, 'Edit'],
    ]);
    const related = await artist.get(`/data/episodes/${episode}/edits?relations=true`);
    expect(related.body[0]).toHaveProperty('entities_out', []);

    const sequence = addEntity(server, projectId, 'Sequence');
    expect((await artist.get(`/data/episodes/${sequence}`)).status).toBe(404);
    expect((await artist.get('/data/episodes/zzz')).status).toBe(404);
    expect((await addPerson(server, 'user').get(`/data/episodes/${episode}`)).status).toBe(403);
  });

  it("lists a project's episodes by name; a vendor only those holding their work", async () => {
    const vendor = addPerson(server, 'vendor');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [vendor.id, artist.id] });
    const second = addEntity(server, projectId, 'Episode', { name: 'E02' });
    const first = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const third = addEntity(server, projectId, 'Episode', { name: 'E03' });
    const { shotIds } = addSequenceWithShots(server, projectId, 1, { episodeId: second });
    addShotTask(server, projectId, shotIds[0]!, { assignees: [vendor.id] });
    const asset = addEntity(server, projectId, 'Prop', { source_id: third });
    addTask(server, projectId, asset, { assignees: [vendor.id] });

    const all = await artist.get(`/data/projects/${projectId}/episodes`);
    expect(all.body.map((row: any) => row.id)).toEqual([first, second, third]);
    expect(all.body[0].type).toBe('Episode');
    const mine = await vendor.get(`/data/projects/${projectId}/episodes`);
    expect(mine.body.map((row: any) => row.id)).toEqual([second, third]);
    expect(mine.body[0].type).toBe('Episode');
    expect((await artist.get(`/data/projects/${MISSING}/episodes`)).status).toBe(404);
    expect(
      (await addPerson(server, 'user').get(`/data/projects/${projectId}/episodes`)).status,
    ).toBe(403);
  });
});

describe('scenes', () => {
  it('answers a scene with its sequence and episode, and its asset instances', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const sequence = addEntity(server, projectId, 'Sequence', { name: 'SQ01', parent_id: episode });
    const scene = addEntity(server, projectId, 'Scene', { parent_id: sequence });
    const asset = addEntity(server, projectId, 'Prop');
    const instance = insertRow(server, 'asset_instance', {
      asset_id: asset,
      scene_id: scene,
      number: 1,
    });

    const one = await artist.get(`/data/scenes/${scene}`);
    expect(one.body).toMatchObject({
      type: 'Scene',
      sequence_id: sequence,
      sequence_name: 'SQ01',
      episode_id: episode,
      episode_name: 'E01',
      project_name: expect.any(String),
    });
    const instances = await artist.get(`/data/scenes/${scene}/asset-instances`);
    expect(instances.body).toEqual({
      [asset]: [expect.objectContaining({ id: instance, type: 'AssetInstance', number: 1 })],
    });
    expect((await artist.get(`/data/scenes/${sequence}/asset-instances`)).status).toBe(404);
  });
});

describe('edits and concepts', () => {
  it('lists edits of a project with its name; only admins may list without a project', async () => {
    const artist = addPerson(server, 'user');
    const vendor = addPerson(server, 'vendor');
    const projectId = addProject(server, { team: [artist.id, vendor.id], fields: { name: 'Cut' } });
    const b = addEntity(server, projectId, 'Edit', { name: 'B' });
    const a = addEntity(server, projectId, 'Edit', { name: 'A' });
    addTask(server, projectId, b, { assignees: [vendor.id], taskType: ['Edit', 'Edit'] });

    const listed = await artist.get(`/data/edits/all?project_id=${projectId}`);
    expect(listed.body.map((edit: any) => [edit.id, edit.type, edit.project_name])).toEqual([
      [a, 'Edit', 'Cut'],
      [b, 'Edit', 'Cut'],
    ]);
    const vendorList = await vendor.get(`/data/edits/all?project_id=${projectId}`);
    expect(vendorList.body.map((edit: any) => edit.id)).toEqual([b]);
    expect((await artist.get('/data/edits/all')).status).toBe(403);
    expect((await admin.get('/data/edits/all')).status).toBe(200);
    const projectEdits = await artist.get(`/data/projects/${projectId}/edits`);
    expect(projectEdits.body.map((edit: any) => edit.id)).toEqual([a, b]);
  });

  it('cancels an edit with tasks unless forced, deletes it when forced', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const edit = addEntity(server, projectId, 'Edit');
    const task = addTask(server, projectId, edit, { taskType: ['Edit', 'Edit'] });

    expect((await artist.delete(`/data/edits/${edit}`)).status).toBe(403);
    expect((await manager.delete(`/data/edits/${edit}`)).status).toBe(204);
    expect(entityRow(edit)?.canceled).toBe(1);
    expect(eventsNamed(server, 'edit:update').at(-1)?.data).toEqual({
      edit_id: edit,
      project_id: projectId,
    });
    expect((await manager.delete(`/data/edits/${edit}?force=true`)).status).toBe(204);
    expect(entityRow(edit)).toBeUndefined();
    expect(server.context.db.prepare('SELECT 1 FROM task WHERE id = ?').get(task)).toBeUndefined();
    expect((eventsNamed(server, 'edit:delete').at(-1)?.data as any)?.edit_id).toBe(edit);
    expect((await manager.delete(`/data/edits/${edit}`)).status).toBe(404);
  });

  it('lets the creator of a concept delete it, and deletes one without tasks outright', async () => {
    const manager = addPerson(server, 'manager');
    const creator = addPerson(server, 'user');
    const other = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, creator.id, other.id] });
    const concept = addEntity(server, projectId, 'Concept', { created_by: creator.id });
    const linked = addEntity(server, projectId, 'Prop');
    server.context.db
      .prepare('INSERT INTO entity_concept_link (entity_in_id, entity_out_id) VALUES (?, ?)')
      .run(linked, concept);

    expect((await other.delete(`/data/concepts/${concept}`)).status).toBe(403);
    expect((await creator.delete(`/data/concepts/${concept}`)).status).toBe(204);
    expect(entityRow(concept)).toBeUndefined();
    expect((eventsNamed(server, 'concept:delete').at(-1)?.data as any)?.concept_id).toBe(concept);
    const shot = addEntity(server, projectId, 'Shot');
    expect((await manager.delete(`/data/concepts/${shot}`)).status).toBe(404);
  });
});
