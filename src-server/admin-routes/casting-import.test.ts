import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  addTask,
  startCrudServer,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import {
  addPerson,
  countRows,
  csvForm,
  eventNamesSince,
  lastEventRowid,
  send,
} from './admin-test-kit';

let server: CrudTestServer;
let manager: ApiClient;
let artist: ApiClient;

interface TvShow {
  projectId: string;
  episode: string;
  sh010: string;
  bob: string;
  chair: string;
  layoutTask: string;
}

let show: TvShow;

function addTvShow(): TvShow {
  const projectId = addProject(server, {
    team: [manager.id, artist.id],
    fields: { production_type: 'tvshow' },
  });
  const layout = taskTypeId(server, 'Layout', 'Shot');
  const animation = taskTypeId(server, 'Animation', 'Shot');
  const link = server.context.db.prepare(
    'INSERT INTO project_task_type_link (project_id, task_type_id, priority) VALUES (?, ?, ?)',
  );
  link.run(projectId, layout, 1);
  link.run(projectId, animation, 2);
  const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
  const sequence = addEntity(server, projectId, 'Sequence', { name: 'SQ01', parent_id: episode });
  const sh010 = addEntity(server, projectId, 'Shot', { name: 'SH010', parent_id: sequence });
  const bob = addEntity(server, projectId, 'Character', { name: 'Bob', ready_for: animation });
  const chair = addEntity(server, projectId, 'Prop', { name: 'Big Chair' });
  const layoutTask = addTask(server, projectId, sh010, { taskType: ['Layout', 'Shot'] });
  return { projectId, episode, sh010, bob, chair, layoutTask };
}

function links(entityId: string): { out: string; nb: number; label: string }[] {
  return server.context.db
    .prepare(
      `SELECT entity_out_id AS out, nb_occurences AS nb, label FROM entity_link
       WHERE entity_in_id = ? ORDER BY rowid`,
    )
    .all(entityId) as { out: string; nb: number; label: string }[];
}

function castCount(entityId: string): number {
  return countRows(server, 'SELECT nb_entities_out AS n FROM entity WHERE id = ?', entityId);
}

const path = () => `/import/csv/projects/${show.projectId}/casting`;
const upload = (client: ApiClient, csv: string) =>
  send(server, client, 'POST', path(), csvForm(csv));

const CASTING = [
  'Episode;Parent;Name;Asset Type;Asset;Occurences;Label',
  'E01;SQ01;SH010;Character;Bob;2;fixed',
  'E01;SQ01;SH010;Prop;Big Chair;;Animate',
  'E01;SQ01;SH999;Prop;Big Chair;1;',
  ';Character;Bob;Prop;Big Chair;3;',
  'MP;Episode;E01;Prop;Big Chair;1;',
  '',
].join('\r\n');

beforeAll(async () => {
  server = await startCrudServer();
  manager = addPerson(server, 'manager');
  artist = addPerson(server, 'user');
});
afterAll(() => server.close());
beforeEach(() => {
  show = addTvShow();
});

describe('POST /import/csv/projects/{pid}/casting', () => {
  it('casts assets into shots, episodes and assets by slug keys: 201 with a null per row', async () => {
    const since = lastEventRowid(server);
    const response = await upload(manager, CASTING);
    expect(response.status).toBe(201);
    expect(response.body).toEqual([null, null, null, null, null]);

    expect(links(show.sh010)).toEqual([
      { out: show.bob, nb: 2, label: 'fixed' },
      { out: show.chair, nb: 1, label: 'animate' },
    ]);
    expect(castCount(show.sh010)).toBe(2);
    // Casting into a shot casts into its episode too; the episode row then updates that link.
    expect(links(show.episode)).toEqual([
      { out: show.bob, nb: 1, label: 'fixed' },
      { out: show.chair, nb: 1, label: '' },
    ]);
    expect(castCount(show.episode)).toBe(2);
    expect(links(show.bob)).toEqual([{ out: show.chair, nb: 3, label: '' }]);
    expect(castCount(show.bob)).toBe(1);
    // Bob is ready for Animation, which comes after Layout; the chair is ready for nothing.
    expect(
      countRows(server, 'SELECT nb_assets_ready AS n FROM task WHERE id = ?', show.layoutTask),
    ).toBe(1);
    expect(eventNamesSince(server, since)).toEqual([
      'asset:update',
      'entity-link:new',
      'shot:casting-update',
      'asset:update',
      'entity-link:new',
      'shot:casting-update',
      'entity-link:new',
      'asset:casting-update',
      'episode:casting-update',
    ]);
    const shotEvent = server.context.db
      .prepare("SELECT data FROM api_event WHERE name = 'shot:casting-update' ORDER BY rowid DESC")
      .get() as { data: string };
    expect(JSON.parse(shotEvent.data)).toEqual({
      shot_id: show.sh010,
      nb_entities_out: 2,
      project_id: show.projectId,
    });
  });

  it('is idempotent: a second import only updates the links', async () => {
    await upload(manager, CASTING);
    const response = await upload(manager, CASTING);
    expect(response.status).toBe(201);
    expect(
      countRows(
        server,
        'SELECT COUNT(*) AS n FROM entity_link WHERE entity_in_id IN (?, ?, ?)',
        show.sh010,
        show.episode,
        show.bob,
      ),
    ).toBe(5);
    expect(castCount(show.sh010)).toBe(2);
    expect(castCount(show.episode)).toBe(2);
  });

  it('reads comma-separated files with quoted cells', async () => {
    const csv = 'Parent,Name,Asset Type,Asset,Occurences\nSQ01,SH010,Prop,"Big Chair",4\n';
    // Not a TV show key: no episode prefix, so the shot key misses on this TV show project.
    expect((await upload(manager, csv)).body).toEqual([null]);
    expect(links(show.sh010)).toEqual([]);
    const withEpisode =
      'Episode,Parent,Name,Asset Type,Asset,Occurences\nE01,SQ01,SH010,Prop,"Big Chair",4\n';
    expect((await upload(manager, withEpisode)).status).toBe(201);
    expect(links(show.sh010)).toEqual([{ out: show.chair, nb: 4, label: 'fixed' }]);
  });

  it('rolls a failing row back and names its line', async () => {
    const csv = [
      'Episode;Parent;Name;Asset Type;Asset;Occurences;Label',
      'E01;SQ01;SH010;Character;Bob;2;fixed',
      'E01;SQ01;SH010;Prop;Big Chair;many;fixed',
    ].join('\n');
    const since = lastEventRowid(server);
    const response = await upload(manager, csv);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: true,
      message: "A value is invalid: invalid literal for int() with base 10: 'many'",
      line_number: 3,
      imported_rows: 0,
    });
    expect(links(show.sh010)).toEqual([]);
    expect(castCount(show.sh010)).toBe(0);
    expect(eventNamesSince(server, since)).toEqual([]);

    const missingColumn = await upload(
      manager,
      'Parent;Name;Asset Type;Asset\nSQ01;SH010;Prop;Big Chair\n',
    );
    expect(missingColumn.body).toEqual({
      error: true,
      message: "A columns is missing: 'Occurences'",
      line_number: 2,
      imported_rows: 0,
    });
  });

  it('refuses files it cannot read, requests without a file, and artists', async () => {
    const undelimited = await upload(manager, 'abc\nxyz\n');
    expect(undelimited.status).toBe(400);
    expect(undelimited.body).toEqual({ error: true, message: 'Could not determine delimiter' });
    const noFile = await send(server, manager, 'POST', path(), csvForm(CASTING, 'other'));
    expect(noFile.status).toBe(400);
    expect(noFile.body).toEqual({
      error: true,
      message: 'The browser (or proxy) sent a request that this server could not understand.',
    });
    const json = await send(server, manager, 'POST', path(), '{}', 'application/json');
    expect(json.status).toBe(400);
    const refused = await upload(artist, CASTING);
    expect(refused.status).toBe(403);
    expect(links(show.sh010)).toEqual([]);
    const unknown = await send(
      server,
      manager,
      'POST',
      '/import/csv/projects/00000000-0000-4000-8000-000000000000/casting',
      csvForm(CASTING),
    );
    expect(unknown.status).toBe(404);
  });
});
