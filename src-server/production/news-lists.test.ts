import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  insertRow,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { countStatements } from '../test-support/statement-counter';
import { addSequenceWithShots, addShotTask } from './production-test-kit';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function addNews(
  author: ApiClient,
  taskId: string,
  createdAt: string,
  options: { change?: boolean; status?: string } = {},
): string {
  const commentId = insertRow(server, 'comment', {
    object_id: taskId,
    object_type: 'Task',
    person_id: author.id,
    task_status_id: taskStatusId(server, options.status ?? 'wip'),
  });
  const id = insertRow(server, 'news', {
    author_id: author.id,
    task_id: taskId,
    comment_id: commentId,
    change: options.change ?? true,
  });
  server.context.db.prepare('UPDATE news SET created_at = ? WHERE id = ?').run(createdAt, id);
  return id;
}

describe('GET /data/projects/{pid}/news', () => {
  it('pages the news newest first with entity names, authors and status stats', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
    const { shotIds } = addSequenceWithShots(server, projectId, 1, {
      episodeId: episode,
      sequence: { name: 'SQ01' },
    });
    const shotTask = addShotTask(server, projectId, shotIds[0]!);
    const asset = addEntity(server, projectId, 'Prop', { name: 'Lamp' });
    const assetTask = addTask(server, projectId, asset);
    const old = addNews(artist, shotTask, '2024-01-01T10:00:00');
    const recent = addNews(artist, assetTask, '2024-02-01T10:00:00', { change: false });
    const newest = addNews(artist, shotTask, '2024-03-01T10:00:00', { status: 'done' });

    const response = await artist.get(`/data/projects/${projectId}/news?limit=2`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      total: 3,
      nb_pages: 2,
      limit: 2,
      offset: 0,
      page: 1,
      stats: { [taskStatusId(server, 'wip')]: 1, [taskStatusId(server, 'done')]: 1 },
    });
    expect(response.body.data.map((news: any) => news.id)).toEqual([newest, recent]);
    expect(response.body.data[0]).toMatchObject({
      type: 'News',
      full_entity_name: 'E01 / SQ01 / SH010',
      episode_id: episode,
      task_type_id: taskTypeId(server, 'Layout', 'Shot'),
      task_status_id: taskStatusId(server, 'done'),
      change: true,
      person: { id: artist.id, full_name: expect.any(String), role: 'user' },
    });
    expect(response.body.data[1].full_entity_name).toBe('Prop / Lamp');

    const second = await artist.get(`/data/projects/${projectId}/news?limit=2&page=2`);
    expect(second.body.data.map((news: any) => news.id)).toEqual([old]);
    const after = await artist.get(`/data/projects/${projectId}/news?after=2024-01-15`);
    expect(after.body.data.map((news: any) => news.id)).toEqual([newest, recent]);
    const previews = await artist.get(`/data/projects/${projectId}/news?only_preview=true`);
    expect(previews.body).toMatchObject({ data: [], total: 0 });
    expect((await artist.get(`/data/projects/${projectId}/news?only_preview=yes`)).status).toBe(
      400,
    );
  });

  it('refuses outsiders and bad parameters', async () => {
    const projectId = addProject(server);
    const outsider = addPerson(server, 'user');
    expect((await outsider.get(`/data/projects/${projectId}/news`)).status).toBe(403);
    expect((await outsider.get(`/data/projects/${MISSING}/news`)).status).toBe(404);
    const admin = addPerson(server, 'admin');
    expect((await admin.get(`/data/projects/${projectId}/news?page=x`)).body.message).toBe(
      'Wrong value for parameter page.',
    );
    expect((await admin.get(`/data/projects/${projectId}/news?task_type_id=x`)).status).toBe(400);
    expect((await admin.get(`/data/projects/${projectId}/news?before=soon`)).status).toBe(400);
  });
});

describe('GET /data/entities/{id}/task-types/{ttid}/tasks', () => {
  it("lists the entity's tasks of that type by name", async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const entity = addEntity(server, projectId);
    const b = addTask(server, projectId, entity, { fields: { name: 'b' } });
    const a = addTask(server, projectId, entity, { fields: { name: 'a' } });
    addTask(server, projectId, entity, { taskType: ['Rigging', 'Asset'] });
    const modeling = taskTypeId(server, 'Modeling', 'Asset');
    const response = await artist.get(`/data/entities/${entity}/task-types/${modeling}/tasks`);
    expect(response.body.map((task: any) => [task.id, task.type])).toEqual([
      [a, 'Task'],
      [b, 'Task'],
    ]);
    expect(
      (await artist.get(`/data/entities/${MISSING}/task-types/${modeling}/tasks`)).status,
    ).toBe(404);
    expect((await artist.get(`/data/entities/${entity}/task-types/bad/tasks`)).status).toBe(400);
  });
});

describe('list routes', () => {
  it('run the same number of statements whatever the row count', async () => {
    const counts: number[] = [];
    for (const size of [2, 25]) {
      const artist = addPerson(server, 'user');
      const projectId = addProject(server, { team: [artist.id] });
      const episode = addEntity(server, projectId, 'Episode');
      const { sequenceId, shotIds } = addSequenceWithShots(server, projectId, size, {
        episodeId: episode,
      });
      const assets: string[] = [];
      for (const shotId of shotIds) {
        addShotTask(server, projectId, shotId, { assignees: [artist.id] });
        const asset = addEntity(server, projectId, 'Prop');
        assets.push(asset);
        addTask(server, projectId, asset, { assignees: [artist.id] });
        insertRow(server, 'entity_link', { entity_in_id: shotId, entity_out_id: asset });
        const task = addTask(server, projectId, asset, { taskType: ['Rigging', 'Asset'] });
        addNews(artist, task, '2024-01-01T00:00:00');
      }
      counts.push(
        await countStatements(server.context.db, async () => {
          const urls = [
            `/data/assets?project_id=${projectId}`,
            `/data/assets/${assets[0]}`,
            `/data/sequences/${sequenceId}/shot-tasks?relations=true`,
            `/data/sequences/${sequenceId}/task-types`,
            `/data/projects/${projectId}/team`,
            `/data/projects/${projectId}/episodes`,
            `/data/projects/${projectId}/news?only_preview=false`,
            `/data/projects/${projectId}/episodes/${episode}/sequences/all/casting`,
          ];
          for (const url of urls) expect((await artist.get(url)).status).toBe(200);
        }),
      );
    }
    expect(counts[0]).toBeGreaterThan(10);
    expect(counts[1]).toBe(counts[0]);
  });
});
