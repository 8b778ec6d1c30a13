import type { Statement } from 'better-sqlite3';
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

let server: CrudTestServer;

beforeAll(async () => {
  server = await startCrudServer();
});
afterAll(() => server.close());

/** Counts statement executions while `work` runs. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const prototype = Object.getPrototypeOf(server.context.db.prepare('SELECT 1')) as Statement;
  const methods = ['all', 'get', 'run', 'iterate'] as const;
  const originals = methods.map((name) => prototype[name]);
  let count = 0;
  methods.forEach((name, index) => {
    const original = originals[index] as (...args: unknown[]) => unknown;
    (prototype as unknown as Record<string, unknown>)[name] = function (
      this: Statement,
      ...args: unknown[]
    ) {
      count += 1;
      return original.apply(this, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((name, index) => {
      (prototype as unknown as Record<string, unknown>)[name] = originals[index];
    });
  }
  return count;
}

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
        await countStatements(async () => {
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
