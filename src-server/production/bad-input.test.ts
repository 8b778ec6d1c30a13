import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addPerson,
  addProject,
  addTask,
  entityTypeId,
  startCrudServer,
  taskTypeId,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { refusalsOf, sendRaw, type BadInputCase } from '../test-support/bad-input-kit';

// Every production route against malformed input: a Kitsu 4xx, never a 500, nothing written.

let server: CrudTestServer;
let token: string;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startCrudServer();
  const admin = addPerson(server, 'admin');
  token = admin.token;
  const project = addProject(server, { team: [admin.id] });
  const shot = addEntity(server, project, 'Shot');
  ids = {
    project,
    shot,
    task: addTask(server, project, shot, { taskType: ['Layout', 'Shot'] }),
    assetType: entityTypeId(server, 'Prop'),
    taskType: taskTypeId(server, 'Layout', 'Shot'),
    person: admin.id,
  };
});
afterAll(() => server.close());

const send = (method: string, path: string, raw?: string, contentType?: string) =>
  sendRaw(server, token, method, path, raw, contentType);

const BAD_IDS = ['not-a-uuid', "1' OR '1'='1", '12345678-1234-1234-1234-12345678901Z'];

const BODIES: [string, string | undefined, string?][] = [
  ['no body', undefined],
  [
    'wrong types',
    JSON.stringify({
      name: { x: 1 },
      sequence_id: 7,
      person_id: [1],
      task_ids: 'x',
      is_shared: [],
    }),
  ],
  ['empty object', '{}'],
  ['array', '[1, 2, 3]'],
  ['null', 'null'],
  ['invalid JSON', '{"name": '],
  ['text', 'name=x', 'text/plain'],
  ['array of junk ids', JSON.stringify(['x', null, 3])],
];

describe('bad input on production routes', () => {
  it('answers a 4xx in a Kitsu shape and writes nothing', async () => {
    const reads = [
      '/data/assets/{id}',
      '/data/assets/{id}/tasks',
      '/data/assets/{id}/task-types',
      '/data/assets/{id}/scene-asset-instances',
      '/data/shots/{id}/tasks',
      '/data/shots/{id}/task-types',
      '/data/shots/{id}/preview-files',
      '/data/shots/{id}/versions',
      '/data/sequences/{id}/shot-tasks',
      '/data/sequences/{id}/task-types',
      '/data/episodes/{id}',
      '/data/episodes/{id}/edits',
      '/data/scenes/{id}',
      '/data/scenes/{id}/asset-instances',
      '/data/projects/{id}/episodes',
      '/data/projects/{id}/edits',
      '/data/projects/{id}/news',
      '/data/projects/{id}/team',
      '/data/projects/{id}/episodes/{id}/sequences/all/casting',
      '/data/projects/PROJECT/episodes/{id}/sequences/all/casting',
      '/data/entities/{id}/task-types/{id}/tasks',
      '/data/entities/SHOT/task-types/{id}/tasks',
      '/data/assets?project_id={id}',
      '/data/assets?episode_id={id}',
      '/data/assets?project_id=PROJECT&episode_id={id}',
      '/data/edits/all?project_id={id}',
      '/data/projects/PROJECT/news?episode_id={id}',
    ];
    const deletes = ['/data/sequences/{id}', '/data/edits/{id}', '/data/concepts/{id}'];
    const writes: [string, string][] = [
      ['POST', '/data/projects/PROJECT/shots'],
      ['POST', '/data/projects/PROJECT/scenes'],
      ['POST', '/actions/projects/PROJECT/asset-types/ASSET_TYPE/assets/share'],
      ['POST', '/actions/projects/PROJECT/task-types/TASK_TYPE/create-tasks/shot'],
      ['POST', '/actions/projects/PROJECT/delete-tasks'],
      ['PUT', '/actions/tasks/TASK/assign'],
      ['PUT', '/actions/persons/PERSON/assign'],
      ['PUT', '/actions/tasks/clear-assignation'],
    ];
    const fill = (path: string, id = ''): string =>
      path
        .replaceAll('{id}', encodeURIComponent(id))
        .replace('PROJECT', ids.project!)
        .replace('SHOT', ids.shot!)
        .replace('ASSET_TYPE', ids.assetType!)
        .replace('TASK_TYPE', ids.taskType!)
        .replace('TASK', ids.task!)
        .replace('PERSON', ids.person!);
    // Bodies these two may do without: an absent or empty one is a valid request.
    const optionalBody = ['assets/share', 'create-tasks'];
    const emptyKinds = ['no body', 'empty object', 'null', 'text'];
    const cases: BadInputCase[] = [];
    for (const id of BAD_IDS) {
      for (const path of reads)
        cases.push({ label: `GET ${path} ${id}`, run: () => send('GET', fill(path, id)) });
      for (const path of deletes) {
        cases.push({ label: `DELETE ${path} ${id}`, run: () => send('DELETE', fill(path, id)) });
      }
    }
    for (const [method, path] of writes) {
      for (const [kind, raw, type] of BODIES) {
        cases.push({
          label: `${method} ${path} ${kind}`,
          run: () => send(method, fill(path), raw, type),
          mayPass: emptyKinds.includes(kind) && optionalBody.some((part) => path.includes(part)),
        });
      }
    }
    // Ids in the path of the writes, malformed.
    for (const [method, path] of writes) {
      const broken = path
        .replace('PROJECT', 'x')
        .replace('TASK_TYPE', 'y')
        .replace('ASSET_TYPE', 'z');
      if (broken === path) continue;
      cases.push({ label: `${method} ${broken}`, run: () => send(method, fill(broken), '[]') });
    }

    const { failures, changedTables } = await refusalsOf(server, cases);
    expect(failures).toEqual([]);
    expect(changedTables).toEqual([]);
  });
});
