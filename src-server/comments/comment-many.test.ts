import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/test-server';
import { addProduction, addTask, rows, startCommentServer, statusOf } from './comment-test-kit';

let server: TestServer;

beforeAll(async () => {
  server = await startCommentServer();
});
afterAll(() => server.close());

describe('POST /actions/projects/{project_id}/tasks/comment-many', () => {
  it('comments every allowed task and skips the others', async () => {
    const { artist, manager, projectId, entityId, taskId } = await addProduction(server);
    const notMine = addTask(server, projectId, entityId, { taskType: ['Shading', 'Asset'] });
    const wip = statusOf(server, 'wip');
    const path = `/actions/projects/${projectId}/tasks/comment-many`;
    const body = [
      { object_id: taskId, task_status_id: wip, comment: 'batch' },
      { object_id: notMine, task_status_id: wip, comment: 'batch' },
      { object_id: taskId, task_status_id: wip },
    ];

    const byArtist = await artist.post(path, body);
    expect(byArtist.status).toBe(201);
    expect(byArtist.body).toHaveLength(1);
    expect(byArtist.body[0]).toMatchObject({
      object_id: taskId,
      text: 'batch',
      person_id: artist.id,
    });
    expect(byArtist.body[0].person).toHaveProperty('departments');
    expect(rows(server, 'SELECT id FROM comment WHERE object_id = ?', notMine)).toHaveLength(0);

    const byManager = await manager.post(path, body);
    expect(byManager.body.map((comment: any) => comment.object_id)).toEqual([taskId, notMine]);
    expect(rows(server, 'SELECT task_status_id FROM task WHERE id = ?', notMine)).toEqual([
      { task_status_id: wip },
    ]);

    const notAList = await manager.post(path, { object_id: taskId });
    expect(notAList.status).toBe(400);
    expect(notAList.body.message).toBe('Request body must be a JSON array.');
  });
});
