import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addProject,
  eventsNamed,
  startCrudServer,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { shippedFileTree } from './shipped-file-trees';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function storedTree(projectId: string): unknown {
  const row = server.context.db
    .prepare('SELECT file_tree FROM project WHERE id = ?')
    .get(projectId) as {
    file_tree: string | null;
  };
  return row.file_tree === null ? null : JSON.parse(row.file_tree);
}

describe('POST /actions/projects/{id}/set-file-tree', () => {
  it('copies a shipped tree into the project and announces the change', async () => {
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id] });
    for (const name of ['simple', 'default']) {
      const response = await manager.post(`/actions/projects/${projectId}/set-file-tree`, {
        tree_name: name,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: projectId, type: 'Project' });
      expect(response.body.file_tree).toEqual(shippedFileTree(name));
      expect(storedTree(projectId)).toEqual(shippedFileTree(name));
    }
    expect(eventsNamed(server, 'project:update').at(-1)?.data).toEqual({ project_id: projectId });
    expect(shippedFileTree('simple')?.working).toMatchObject({
      mountpoint: '/simple',
      root: 'productions',
    });
  });

  it('refuses any other name, a path included, and changes nothing', async () => {
    const manager = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id] });
    for (const name of ['missing', '../file_trees/simple', '/etc/passwd', 'constructor']) {
      const response = await manager.post(`/actions/projects/${projectId}/set-file-tree`, {
        tree_name: name,
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: true,
        message: 'Selected tree is not available',
        data: null,
      });
    }
    expect(storedTree(projectId)).toBeNull();
  });

  it('needs a tree name', async () => {
    const admin = addPerson(server, 'admin');
    const projectId = addProject(server);
    for (const body of [{}, { tree_name: '' }, { tree_name: 3 }]) {
      const response = await admin.post(`/actions/projects/${projectId}/set-file-tree`, body);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('Validation error.');
      expect(response.body.data.errors[0].field).toBe('tree_name');
    }
  });

  it('is for managers of the project only', async () => {
    const manager = addPerson(server, 'manager');
    const artist = addPerson(server, 'user');
    const outsider = addPerson(server, 'manager');
    const projectId = addProject(server, { team: [manager.id, artist.id] });
    for (const caller of [artist, outsider]) {
      const response = await caller.post(`/actions/projects/${projectId}/set-file-tree`, {
        tree_name: 'simple',
      });
      expect(response.status).toBe(403);
    }
    expect(storedTree(projectId)).toBeNull();
    const admin = addPerson(server, 'admin');
    const missing = await admin.post(`/actions/projects/${MISSING}/set-file-tree`, {
      tree_name: 'simple',
    });
    expect(missing.status).toBe(404);
  });
});
