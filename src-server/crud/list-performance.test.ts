import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  startCrudServer,
  type ApiClient,
  type CrudTestServer,
} from './crud-test-kit';
import { countStatements } from '../test-support/statement-counter';

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

describe('list endpoints', () => {
  it('run the same number of statements whatever the row count', async () => {
    const sizes = [3, 40];
    const counts: number[] = [];
    for (const size of sizes) {
      const artist = addPerson(server, 'user');
      const projectId = addProject(server, { team: [artist.id] });
      const entityId = addEntity(server, projectId);
      for (let index = 0; index < size; index += 1) {
        addTask(server, projectId, entityId, { assignees: [artist.id] });
        addEntity(server, projectId, 'Prop');
      }
      const client: ApiClient = artist;
      counts.push(
        await countStatements(server.context.db, async () => {
          const tasks = await client.get(`/data/tasks?project_id=${projectId}&relations=true`);
          expect(tasks.body).toHaveLength(size);
          const entities = await client.get(
            `/data/entities?project_id=${projectId}&relations=true`,
          );
          expect(entities.body).toHaveLength(size + 1);
          const persons = await client.get('/data/persons?relations=true');
          expect(persons.status).toBe(200);
        }),
      );
    }
    expect(counts[0]).toBeGreaterThan(5);
    expect(counts[1]).toBe(counts[0]);
  });
});
