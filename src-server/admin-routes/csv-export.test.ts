import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  addTask,
  insertRow,
  statusId,
  startCrudServer,
  taskStatusId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, MISSING_ID, send } from './admin-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let artist: ApiClient;
let vendor: ApiClient;
let projectId: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  manager = addPerson(server, 'manager');
  artist = addPerson(server, 'user', { first_name: 'Ann', last_name: 'Lee' });
  vendor = addPerson(server, 'vendor');
  const bob = addPerson(server, 'user', { first_name: 'Bob', last_name: 'Ray' });
  projectId = addProject(server, {
    team: [artist.id, vendor.id],
    fields: { name: 'Cosmos; "Landromat"', production_type: 'tvshow' },
  });
  addProject(server, { closed: true, fields: { name: 'Agent 327' } });

  insertRow(server, 'metadata_descriptor', {
    project_id: projectId,
    entity_type: 'Shot',
    name: 'Difficulty',
    field_name: 'difficulty',
    data_type: 'string',
    position: 1,
  });
  insertRow(server, 'metadata_descriptor', {
    project_id: projectId,
    entity_type: 'Shot',
    name: 'Night',
    field_name: 'night',
    data_type: 'boolean',
    position: 2,
  });
  const episode = addEntity(server, projectId, 'Episode', { name: 'E01' });
  const sequence = addEntity(server, projectId, 'Sequence', { name: 'SQ01', parent_id: episode });
  const sh020 = addEntity(server, projectId, 'Shot', {
    name: 'SH020',
    parent_id: sequence,
    nb_frames: 48,
    description: 'Line one\nline two',
    data: { frame_in: 101, frame_out: 148, fps: '24', difficulty: 'hard', night: 'True' },
  });
  const sh010 = addEntity(server, projectId, 'Shot', { name: 'SH010', parent_id: sequence });
  addEntity(server, projectId, 'Shot', { name: 'ORPHAN' });
  const animation = addTask(server, projectId, sh020, {
    taskType: ['Animation', 'Shot'],
    fields: { task_status_id: taskStatusId(server, 'wip'), duration: 60 },
  });
  // Assignees in link order, as the export lists them.
  const assign = server.context.db.prepare('INSERT INTO task_person_link VALUES (?, ?)');
  assign.run(animation, artist.id);
  assign.run(animation, bob.id);
  addTask(server, projectId, sh020, {
    taskType: ['Layout', 'Shot'],
    fields: { duration: 480 },
  });
  addTask(server, projectId, sh010, { taskType: ['Layout', 'Shot'] });
});
afterAll(() => server.close());

describe('GET /export/csv/projects.csv', () => {
  it("writes every project's name and status, by name, for managers", async () => {
    const response = await send(server, manager, 'GET', '/export/csv/projects.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename=kitsu_export.csv',
    );
    expect(response.text).toBe(
      'Name;Status\r\nAgent 327;Closed\r\n"Cosmos; ""Landromat""";Open\r\n',
    );
    expect(statusId(server, 'Open')).toBeTruthy();
  });

  it('refuses artists', async () => {
    expect((await send(server, artist, 'GET', '/export/csv/projects.csv')).status).toBe(403);
  });
});

describe('GET /export/csv/projects/{pid}/shots.csv', () => {
  const path = () => `/export/csv/projects/${projectId}/shots.csv`;

  it('writes the shots with metadata, time spent and one column pair per task type', async () => {
    const response = await send(server, artist, 'GET', path());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename=kitsu_cosmos_landromat_shots.csv',
    );
    expect(response.text).toBe(
      [
        'Project;Episode;Sequence;Name;Description;Time Spent;Frames;Frame In;Frame Out;FPS;' +
          'Difficulty;Night;Layout;Assignations;Animation;Assignations',
        '"Cosmos; ""Landromat""";E01;SQ01;SH010;;0.00;;;;;;false;todo;;;',
        '"Cosmos; ""Landromat""";E01;SQ01;SH020;"Line one\nline two";1.12;48;101;148;24;' +
          'hard;true;todo;;wip;Ann Lee,Bob Ray',
        '',
      ].join('\r\n'),
    );
  });

  it('filters by episode and checks the ids of the filters', async () => {
    const main = await send(server, artist, 'GET', `${path()}?episode_id=main`);
    expect(main.text.split('\r\n')).toHaveLength(2);
    const bad = await send(server, artist, 'GET', `${path()}?episode_id=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: true,
      message: 'Invalid UUID format for episode_id: nope',
      data: null,
    });
  });

  it('refuses vendors and outsiders; an unknown project is a 404', async () => {
    expect((await send(server, vendor, 'GET', path())).status).toBe(403);
    expect((await send(server, manager, 'GET', path())).status).toBe(403);
    expect((await send(server, admin, 'GET', path())).status).toBe(200);
    const unknown = await send(
      server,
      admin,
      'GET',
      `/export/csv/projects/${MISSING_ID}/shots.csv`,
    );
    expect(unknown.status).toBe(404);
  });
});
