import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_MESSAGE } from '../http/errors';
import {
  addEntity,
  addProject,
  addTask,
  entityTypeId,
  startCrudServer,
  taskTypeId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addMember, buildStudio, closeProject, type Studio } from './user-views-test-kit';

let server: CrudTestServer;
let studio: Studio;

beforeAll(async () => {
  server = await startCrudServer();
  studio = buildStudio(server);
});
afterAll(() => server.close());

const NOT_FOUND = { status: 404, body: { error: true, message: NOT_FOUND_MESSAGE } };

function ids(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id).sort();
}

describe('GET /data/user/shots/{id}/tasks and /sequences/{id}/tasks', () => {
  it("lists the caller's open-project tasks of the entity, without relations", async () => {
    const { tasks } = studio;
    const shot = await studio.artist.get(`/data/user/shots/${studio.shot}/tasks`);
    expect(shot.status).toBe(200);
    // Done tasks count too: only the assignment and the project status filter.
    expect(ids(shot.body)).toEqual([tasks.shotAnimation, tasks.shotLayoutDone].sort());
    expect(shot.body[0]).toMatchObject({ type: 'Task', entity_id: studio.shot });
    expect(shot.body[0]).not.toHaveProperty('assignees');

    const sequence = await studio.artist.get(`/data/user/sequences/${studio.sequence}/tasks`);
    expect(ids(sequence.body)).toEqual([tasks.sequencePrevis]);
    expect((await studio.manager.get(`/data/user/shots/${studio.shot}/tasks`)).body).toEqual([]);
  });

  it('answers 404 for an entity of another kind, unknown or unreadable', async () => {
    expect(await studio.artist.get(`/data/user/shots/${studio.sequence}/tasks`)).toEqual(NOT_FOUND);
    expect(await studio.artist.get(`/data/user/sequences/${studio.shot}/tasks`)).toEqual(NOT_FOUND);
    expect(await studio.artist.get('/data/user/shots/nope/tasks')).toEqual(NOT_FOUND);
    expect(
      await studio.artist.get('/data/user/sequences/9d3f5a1e-0000-4000-8000-000000000000/tasks'),
    ).toEqual(NOT_FOUND);
  });
});

describe('GET /data/user/assets/{id}/task-types', () => {
  it('lists each task type of the caller on the asset once', async () => {
    const response = await studio.artist.get(`/data/user/assets/${studio.hero}/task-types`);
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(
      [taskTypeId(server, 'Modeling', 'Asset'), taskTypeId(server, 'Shading', 'Asset')].sort(),
    );
    expect(response.body[0].type).toBe('TaskType');
    expect(await studio.artist.get(`/data/user/assets/${studio.shot}/task-types`)).toEqual(
      NOT_FOUND,
    );
  });

  it('forgets tasks of closed projects', async () => {
    const artist = addMember(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const assetId = addEntity(server, projectId);
    addTask(server, projectId, assetId, { assignees: [artist.id] });
    const path = `/data/user/assets/${assetId}/task-types`;
    expect((await artist.get(path)).body).toHaveLength(1);
    closeProject(server, projectId);
    expect((await artist.get(path)).body).toEqual([]);
  });
});

describe('GET /data/user/projects/{pid}/asset-types/{atid}/assets', () => {
  it('lists the assets of the type the caller holds a task on, typed Asset', async () => {
    const characters = `/data/user/projects/${studio.show}/asset-types/${entityTypeId(server, 'Character')}/assets`;
    const response = await studio.artist.get(characters);
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([studio.hero]);
    expect(response.body[0]).toMatchObject({ type: 'Asset', name: 'Hero', canceled: false });
    expect((await studio.manager.get(characters)).body).toEqual([]);
  });

  it('answers 404 for an unknown project or a type that is not an asset type', async () => {
    const shotType = entityTypeId(server, 'Shot');
    expect(
      await studio.artist.get(`/data/user/projects/${studio.show}/asset-types/${shotType}/assets`),
    ).toEqual(NOT_FOUND);
    const characters = entityTypeId(server, 'Character');
    expect(
      await studio.artist.get(`/data/user/projects/nope/asset-types/${characters}/assets`),
    ).toEqual(NOT_FOUND);
  });
});
