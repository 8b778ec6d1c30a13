import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, startCrudServer, type CrudTestServer } from '../crud/crud-test-kit';
import { addFileFixture, softwareId } from './files-test-kit';
import { refusalsOf, sendRaw, type BadInputCase } from '../test-support/bad-input-kit';

// Every file route against malformed input: a Kitsu 4xx, never a 500, nothing written.

let server: CrudTestServer;
let token: string;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startCrudServer();
  const admin = addPerson(server, 'admin');
  token = admin.token;
  const fixture = addFileFixture(server);
  // The defaults the routes would otherwise create on a valid request.
  softwareId(server, '3ds Max', 'max');
  softwareId(server, 'Blender', 'blender');
  ids = {
    project: fixture.projectId,
    task: fixture.assetTaskId,
    entity: fixture.assetId,
  };
});
afterAll(() => server.close());

const send = (method: string, path: string, raw?: string, contentType?: string) =>
  sendRaw(server, token, method, path, raw, contentType);

const BAD_IDS = ['not-a-uuid', "1' OR '1'='1", '12345678-1234-1234-1234-12345678901Z', '..%2F..'];

const BODIES: [string, string | undefined, string?][] = [
  ['no body', undefined],
  [
    'wrong types',
    JSON.stringify({
      name: { x: 1 },
      tree_name: ['simple'],
      mode: 3,
      revision: 'latest',
      sep: null,
      output_type_id: 7,
      task_type_id: [],
      project_id: {},
      file_path: 9,
    }),
  ],
  ['empty object', '{}'],
  ['array', '[1, 2, 3]'],
  ['null', 'null'],
  ['invalid JSON', '{"name": '],
  ['text', 'name=x', 'text/plain'],
];

describe('bad input on file routes', () => {
  it('answers a 4xx in a Kitsu shape and writes nothing', async () => {
    const reads = [
      '/data/tasks/{id}/working-files',
      '/data/tasks/{id}/working-files/last-revisions',
    ];
    const writes = [
      '/actions/projects/PROJECT/set-file-tree',
      '/data/tasks/TASK/working-file-path',
      '/data/tasks/TASK/working-files/new',
      '/data/entities/ENTITY/output-file-path',
      '/data/entities/ENTITY/output-files/new',
      '/data/asset-instances/{id}/entities/ENTITY/output-file-path',
      '/data/entities/guess-from-path',
    ];
    const fill = (path: string, id = ''): string =>
      path
        .replaceAll('{id}', encodeURIComponent(id))
        .replace('PROJECT', ids.project!)
        .replace('TASK', ids.task!)
        .replace('ENTITY', ids.entity!);
    // Every field of the working path has a default: an empty request is a valid one.
    const allOptional = (path: string) => path.endsWith('/working-file-path');
    const emptyKinds = ['no body', 'empty object', 'null', 'text'];
    const cases: BadInputCase[] = [];
    for (const id of BAD_IDS) {
      for (const path of reads) {
        cases.push({ label: `GET ${path} ${id}`, run: () => send('GET', fill(path, id)) });
      }
    }
    for (const path of writes) {
      for (const [kind, raw, type] of BODIES) {
        cases.push({
          label: `POST ${path} ${kind}`,
          run: () => send('POST', fill(path, BAD_IDS[0]), raw, type),
          mayPass: emptyKinds.includes(kind) && allOptional(path) && !path.includes('{id}'),
        });
      }
      const broken = path.replace('PROJECT', 'x').replace('TASK', 'y').replace('ENTITY', 'z');
      for (const id of BAD_IDS) {
        cases.push({
          label: `POST ${broken} ${id}`,
          run: () => send('POST', fill(broken, id), '{"tree_name": "simple", "name": "main"}'),
        });
      }
    }

    const { failures, changedTables } = await refusalsOf(server, cases);
    expect(failures).toEqual([]);
    expect(changedTables).toEqual([]);
  });
});
