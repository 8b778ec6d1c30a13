import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addProject,
  addTask,
  insertRow,
  startCrudServer,
  unique,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addSequenceWithShots, addShotTask } from './production-test-kit';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

describe('GET /data/shots/{id}/preview-files', () => {
  it('puts task types without a priority first, as PostgreSQL sorts NULL in a DESC order', async () => {
    const artist = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const shotId = addSequenceWithShots(server, projectId, 1).shotIds[0]!;
    const unranked = insertRow(server, 'task_type', {
      name: unique('Unranked '),
      for_entity: 'Shot',
      priority: null,
    });
    const ranked = addShotTask(server, projectId, shotId, { taskType: 'Animation' });
    const other = addTask(server, projectId, shotId, { fields: { task_type_id: unranked } });
    for (const taskId of [ranked, other]) {
      insertRow(server, 'preview_file', { name: unique('p'), task_id: taskId, revision: 1 });
    }
    const previews = await artist.get(`/data/shots/${shotId}/preview-files`);
    expect(previews.status).toBe(200);
    expect(Object.keys(previews.body)[0]).toBe(unranked);
    expect(Object.keys(previews.body)).toHaveLength(2);
  });
});
