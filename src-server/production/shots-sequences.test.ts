import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  eventsNamed,
  insertRow,
  startCrudServer,
  taskStatusId,
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

function exists(table: string, id: string): boolean {
  return server.context.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

describe('a shot', () => {
  it('answers its tasks, task types, previews and versions', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const { shotIds } = addSequenceWithShots(server, projectId, 1);
    const shotId = shotIds[0]!;
    const layout = addShotTask(server, projectId, shotId, { assignees: [artist.id] });
    const animation = addShotTask(server, projectId, shotId, { taskType: 'Animation' });
    const preview = (revision: number, position: number, taskId: string): string =>
      insertRow(server, 'preview_file', {
        name: `p${revision}${position}`,
        revision,
        position,
        task_id: taskId,
        extension: 'mp4',
        status: 'ready',
        data: { original_width: 1920 },
      });
    const v1 = preview(1, 1, layout);
    const v2 = preview(2, 1, layout);
    const v2b = preview(2, 2, layout);
    const anim = preview(1, 1, animation);

    const tasks = await artist.get(`/data/shots/${shotId}/tasks?relations=true`);
    expect(tasks.body.map((task: any) => task.task_type_name)).toEqual(['Animation', 'Layout']);
    expect(tasks.body[1]).toMatchObject({ id: layout, assignees: [artist.id] });

    const types = await artist.get(`/data/shots/${shotId}/task-types`);
    expect(types.body.map((type: any) => type.name)).toEqual(['Animation', 'Layout']);

    const previews = await artist.get(`/data/shots/${shotId}/preview-files`);
    expect(previews.status).toBe(200);
    const [animationType, layoutType] = types.body.map((type: any) => type.id);
    // Task types by priority, highest first: Animation (3) before Layout (2).
    expect(Object.keys(previews.body)).toEqual([animationType, layoutType]);
    expect(previews.body[animationType].map((entry: any) => entry.id)).toEqual([anim]);
    const layoutPreviews = previews.body[layoutType];
    expect(layoutPreviews.map((entry: any) => entry.id)).toEqual([v2, v1]);
    expect(layoutPreviews[0].previews.map((entry: any) => entry.id)).toEqual([v2b]);
    expect(layoutPreviews[0]).toMatchObject({ original_width: 1920, duration: 0, task_id: layout });
    expect(layoutPreviews[0]).not.toHaveProperty('position');

    server.context.db
      .prepare(
        `INSERT INTO entity_version (id, created_at, updated_at, name, data, entity_id)
         VALUES (?, '2024-01-01T00:00:00', '2024-01-01T00:00:00', 'v1', '{"a":1}', ?)`,
      )
      .run(MISSING, shotId);
    const versions = await artist.get(`/data/shots/${shotId}/versions`);
    expect(versions.body).toEqual([
      expect.objectContaining({ name: 'v1', type: 'ShotVersion', data: { a: 1 } }),
    ]);
  });

  it('404s malformed, unknown and non-shot ids; 403s outsiders', async () => {
    const projectId = addProject(server);
    const { sequenceId, shotIds } = addSequenceWithShots(server, projectId, 1);
    for (const id of ['bad-id', MISSING, sequenceId]) {
      expect((await admin.get(`/data/shots/${id}/tasks`)).status).toBe(404);
      expect((await admin.get(`/data/shots/${id}/versions`)).status).toBe(404);
    }
    const outsider = addPerson(server, 'user');
    expect((await outsider.get(`/data/shots/${shotIds[0]}/preview-files`)).status).toBe(403);
  });
});

describe('DELETE /data/sequences/{id}', () => {
  it('refuses a sequence that still holds shots unless forced, then removes it all', async () => {
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id] });
    const { sequenceId, shotIds } = addSequenceWithShots(server, projectId, 2);
    const taskId = addShotTask(server, projectId, shotIds[0]!);
    insertRow(server, 'comment', {
      object_id: taskId,
      object_type: 'Task',
      person_id: manager.id,
      task_status_id: taskStatusId(server, 'todo'),
      text: 'hello',
    });
    const scene = addEntity(server, projectId, 'Scene', { parent_id: sequenceId });

    const refused = await manager.delete(`/data/sequences/${sequenceId}`);
    expect(refused).toEqual({
      status: 400,
      body: { error: true, message: 'Some data are still linked to this sequence.' },
    });
    expect(exists('entity', sequenceId)).toBe(true);

    const forced = await manager.delete(`/data/sequences/${sequenceId}?force=true`);
    expect(forced.status).toBe(204);
    for (const id of [sequenceId, scene, ...shotIds]) expect(exists('entity', id)).toBe(false);
    expect(exists('task', taskId)).toBe(false);
    expect(eventsNamed(server, 'sequence:delete').at(-1)?.data).toEqual({
      sequence_id: sequenceId,
      project_id: projectId,
    });
    expect(eventsNamed(server, 'shot:delete').map((event) => (event.data as any).shot_id)).toEqual(
      expect.arrayContaining(shotIds),
    );
    expect(eventsNamed(server, 'task:delete').at(-1)?.data).toMatchObject({ task_id: taskId });
  });

  it('deletes an empty sequence without force; only its creator or a manager may', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const creator = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id, creator.id] });
    const mine = addEntity(server, projectId, 'Sequence', { created_by: creator.id });
    const other = addEntity(server, projectId, 'Sequence');
    expect((await artist.delete(`/data/sequences/${mine}`)).status).toBe(403);
    expect((await creator.delete(`/data/sequences/${other}`)).status).toBe(403);
    expect((await creator.delete(`/data/sequences/${mine}`)).status).toBe(204);
    expect((await manager.delete(`/data/sequences/${other}`)).status).toBe(204);
    expect(exists('entity', other)).toBe(false);
    expect((await manager.delete(`/data/sequences/${other}`)).status).toBe(404);
    expect((await manager.delete('/data/sequences/not-an-id')).status).toBe(404);
  });
});

describe('creating shots and scenes in a project', () => {
  it('creates a shot for a manager, answers the existing one again, refuses artists', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const episode = addEntity(server, projectId, 'Episode');
    const sequence = addEntity(server, projectId, 'Sequence', { parent_id: episode });
    const body = { name: 'SH010', sequence_id: sequence, nb_frames: 48, data: { fps: 24 } };

    expect((await artist.post(`/data/projects/${projectId}/shots`, body)).status).toBe(403);
    const created = await manager.post(`/data/projects/${projectId}/shots`, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'Shot',
      name: 'SH010',
      parent_id: sequence,
      project_id: projectId,
      nb_frames: 48,
      data: { fps: 24 },
      created_by: manager.id,
      canceled: false,
    });
    expect(created.body).not.toHaveProperty('entities_out');
    expect(eventsNamed(server, 'shot:new').at(-1)?.data).toEqual({
      shot_id: created.body.id,
      episode_id: episode,
      project_id: projectId,
    });
    const again = await manager.post(`/data/projects/${projectId}/shots`, body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(created.body.id);
    expect(eventsNamed(server, 'shot:new')).toHaveLength(1);
  });

  it('validates the body as Zou does and checks the sequence', async () => {
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id] });
    const url = `/data/projects/${projectId}/shots`;
    expect(await manager.post(url, { sequence_id: 'abc', nb_frames: 'many' })).toEqual({
      status: 400,
      body: {
        error: true,
        message: 'Validation error.',
        data: {
          errors: [
            { field: 'name', message: 'Field required' },
            {
              field: 'sequence_id',
              message:
                'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3',
            },
            {
              field: 'nb_frames',
              message: 'Input should be a valid integer, unable to parse string as an integer',
            },
          ],
        },
      },
    });
    expect((await manager.post(url, { name: '' })).body.data.errors).toEqual([
      { field: 'name', message: 'String should have at least 1 character' },
    ]);
    expect((await manager.post(url, [1])).status).toBe(400);
    const foreign = addEntity(server, addProject(server), 'Sequence');
    expect((await manager.post(url, { name: 'X', sequence_id: foreign })).status).toBe(404);
    expect((await manager.post(url, { name: 'X', sequence_id: MISSING })).status).toBe(404);
    expect((await manager.post(`/data/projects/${MISSING}/shots`, { name: 'X' })).status).toBe(404);
    const count = server.context.db
      .prepare('SELECT COUNT(*) AS n FROM entity WHERE project_id = ?')
      .get(projectId) as { n: number };
    expect(count.n).toBe(0);
  });

  it('creates a scene for a manager, refuses artists', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    const sequence = addEntity(server, projectId, 'Sequence');
    const url = `/data/projects/${projectId}/scenes`;
    expect((await artist.post(url, { name: 'SC01', sequence_id: sequence })).status).toBe(403);
    const created = await manager.post(url, { name: 'SC01', sequence_id: sequence });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'Scene',
      name: 'SC01',
      parent_id: sequence,
      data: {},
    });
    expect(eventsNamed(server, 'scene:new').at(-1)?.data).toEqual({
      scene_id: created.body.id,
      project_id: projectId,
    });
  });
});
