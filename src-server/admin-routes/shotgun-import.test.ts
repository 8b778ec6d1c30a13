import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  lookupId,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, send } from './admin-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let artist: ApiClient;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  artist = addPerson(server, 'user', { shotgun_id: 501 });
});
afterAll(() => server.close());

const sgProject = (id: number, name: string, status = 'Active') => ({
  id,
  name,
  sg_status: status,
  sg_budget: 1000,
  sg_note: null,
  type: 'Project',
});

describe('POST /import/shotgun/projects', () => {
  it('creates then updates projects by ShotGrid id, creating their statuses', async () => {
    const created = await admin.post('/import/shotgun/projects', [sgProject(11, 'SG Movie')]);
    expect(created.status).toBe(200);
    expect(created.body).toHaveLength(1);
    const project = created.body[0];
    const activeId = lookupId(server, "SELECT id FROM project_status WHERE name = 'Active'");
    expect(project).toMatchObject({
      type: 'Project',
      name: 'SG Movie',
      shotgun_id: 11,
      project_status_id: activeId,
      data: { sg_budget: 1000 },
      production_type: 'short',
    });
    expect(project).not.toHaveProperty('team');
    expect(project.file_tree).toHaveProperty('working');
    expect(
      server.context.db.prepare('SELECT color FROM project_status WHERE id = ?').get(activeId),
    ).toEqual({ color: '#000000' });

    const again = await admin.post('/import/shotgun/projects', [
      { ...sgProject(11, 'SG Movie 2', 'Open'), sg_budget: 2000 },
    ]);
    expect(again.body[0]).toMatchObject({
      id: project.id,
      name: 'SG Movie 2',
      data: { sg_budget: 2000 },
    });
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM project WHERE shotgun_id = 11')).toBe(1);
    expect(
      countRows(server, "SELECT COUNT(*) AS n FROM project_status WHERE name = 'Active'"),
    ).toBe(1);
  });

  it('skips entries missing a field; refuses non-admins and non-lists', async () => {
    const response = await admin.post('/import/shotgun/projects', [{ id: 12, sg_status: 'Open' }]);
    expect(response.body).toEqual([]);
    expect((await artist.post('/import/shotgun/projects', [sgProject(13, 'No')])).status).toBe(403);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM project WHERE shotgun_id = 13')).toBe(0);
    const notList = await send(
      server,
      admin,
      'POST',
      '/import/shotgun/projects',
      '{}',
      'application/json',
    );
    expect(notList.status).toBe(400);
    expect((await admin.post('/import/shotgun/projects', ['text'])).status).toBe(400);
  });

  it('writes nothing when a project name collides', async () => {
    addProject(server, { fields: { name: 'Taken' } });
    const response = await admin.post('/import/shotgun/projects', [
      sgProject(14, 'Fresh'),
      sgProject(15, 'Taken'),
    ]);
    expect(response.status).toBe(400);
    expect(
      countRows(server, 'SELECT COUNT(*) AS n FROM project WHERE shotgun_id IN (14, 15)'),
    ).toBe(0);
  });
});

describe('the production imports', () => {
  let projectId: string;

  beforeAll(async () => {
    projectId = (await admin.post('/import/shotgun/projects', [sgProject(21, 'SG Series')])).body[0]
      .id;
  });

  it('puts people in the team from project connections, once', async () => {
    const connection = {
      id: 31,
      project: { id: 21, name: 'SG Series', type: 'Project' },
      user: { id: 501, type: 'HumanUser' },
    };
    for (let round = 0; round < 2; round += 1) {
      const response = await admin.post('/import/shotgun/projectconnections', [connection]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([expect.objectContaining({ id: projectId, type: 'Project' })]);
    }
    expect(
      server.context.db
        .prepare('SELECT person_id, shotgun_id FROM project_person_link WHERE project_id = ?')
        .all(projectId),
    ).toEqual([{ person_id: artist.id, shotgun_id: 31 }]);
    const unknown = await admin.post('/import/shotgun/projectconnections', [
      { ...connection, id: 32, user: { id: 999 } },
    ]);
    expect(unknown.body).toEqual([]);
  });

  it('imports sequences, shots (with casting and frames) and tasks, idempotently', async () => {
    const project = { id: 21, name: 'SG Series', type: 'Project' };
    const sequence = { id: 41, code: 'SQ01', description: 'First', project, episode: null };
    const seq = await admin.post('/import/shotgun/sequences', [sequence]);
    expect(seq.body).toEqual([
      expect.objectContaining({
        type: 'Entity',
        name: 'SQ01',
        shotgun_id: 41,
        project_id: projectId,
        parent_id: null,
        description: 'First',
        created_by: admin.id,
      }),
    ]);
    const sequenceId = seq.body[0].id;
    const reSeq = await admin.post('/import/shotgun/sequences', [
      { ...sequence, description: 'Changed' },
    ]);
    expect(reSeq.body[0]).toMatchObject({ id: sequenceId, description: 'Changed' });
    const lost = await admin.post('/import/shotgun/sequences', [
      { ...sequence, id: 42, project: { id: 99, name: 'Unknown' } },
    ]);
    expect(lost.body).toEqual([]);

    const asset = addEntity(server, projectId, 'Prop', { name: 'Lamp', shotgun_id: 61 });
    const shot = {
      id: 51,
      code: 'SH010',
      project,
      sg_sequence: { id: 41, name: 'SQ01', type: 'Sequence' },
      sg_cut_in: 101,
      sg_cut_duration: 24,
      sg_camera: 'A',
      assets: [
        { id: 61, type: 'Asset' },
        { id: 62, type: 'Asset' },
      ],
    };
    const shots = await admin.post('/import/shotgun/shots', [shot]);
    expect(shots.status).toBe(200);
    const shotRow = shots.body[0];
    expect(shotRow).toMatchObject({
      type: 'Entity',
      name: 'SH010',
      shotgun_id: 51,
      parent_id: sequenceId,
      source_id: null,
    });
    expect(shotRow.data).toEqual({
      sg_camera: 'A',
      sg_cut_duration: 24,
      frame_in: 101,
      frame_out: 125,
    });
    const castOf = (id: string) =>
      server.context.db
        .prepare('SELECT entity_out_id FROM entity_link WHERE entity_in_id = ?')
        .all(id);
    expect(castOf(shotRow.id)).toEqual([{ entity_out_id: asset }]);
    const reShot = await admin.post('/import/shotgun/shots', [
      { ...shot, sg_cut_in: 1, sg_cut_duration: null, sg_camera: null, assets: [] },
    ]);
    expect(reShot.body[0]).toMatchObject({ id: shotRow.id });
    expect(reShot.body[0].data).toEqual({ frame_in: 1, frame_out: 1 });
    expect(castOf(shotRow.id)).toEqual([]);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM entity WHERE shotgun_id = 51')).toBe(1);

    server.context.db
      .prepare('UPDATE task_type SET shotgun_id = 71 WHERE id = ?')
      .run(taskTypeId(server, 'Layout', 'Shot'));
    const task = {
      id: 81,
      cached_display_name: 'Layout main',
      project: { id: 21 },
      step: { id: 71 },
      entity: { id: 51, type: 'Shot' },
      sg_status_list: 'wip',
      created_by: { id: 501 },
      task_assignees: [{ id: 501 }],
      start_date: '2024-03-01',
      due_date: null,
      sg_sort_order: 2,
      duration: 600,
    };
    const tasks = await admin.post('/import/shotgun/tasks', [
      task,
      { ...task, id: 82, step: null },
      { ...task, id: 83, cached_display_name: 'Other', task_assignees: [{ id: 999 }] },
    ]);
    expect(tasks.body).toEqual([
      expect.objectContaining({
        type: 'Task',
        name: 'Layout main',
        shotgun_id: 81,
        project_id: projectId,
        entity_id: shotRow.id,
        task_type_id: taskTypeId(server, 'Layout', 'Shot'),
        task_status_id: taskStatusId(server, 'wip'),
        assigner_id: artist.id,
        start_date: '2024-03-01T00:00:00',
        sort_order: 2,
        duration: 600,
      }),
    ]);
    const taskId = tasks.body[0].id;
    const assigned = () =>
      server.context.db
        .prepare('SELECT person_id FROM task_person_link WHERE task_id = ?')
        .all(taskId);
    expect(assigned()).toEqual([{ person_id: artist.id }]);
    const reTask = await admin.post('/import/shotgun/tasks', [
      { ...task, sg_status_list: 'done', task_assignees: [] },
    ]);
    expect(reTask.body[0]).toMatchObject({
      id: taskId,
      task_status_id: taskStatusId(server, 'done'),
    });
    expect(assigned()).toEqual([]);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM task WHERE shotgun_id = 81')).toBe(1);
  });

  it('removes an episode by ShotGrid id, unless rows still point at it', async () => {
    const free = addEntity(server, projectId, 'Episode', { name: 'E09', shotgun_id: 91 });
    const removed = await admin.post('/import/shotgun/remove/episode', { id: 91 });
    expect(removed.body).toEqual({ removed_instance_id: free, success: true });
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM entity WHERE id = ?', free)).toBe(0);

    const busy = addEntity(server, projectId, 'Episode', { name: 'E10', shotgun_id: 92 });
    addEntity(server, projectId, 'Sequence', { name: 'SQ10', parent_id: busy });
    const refused = await admin.post('/import/shotgun/remove/episode', { id: 92 });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ removed_instance_id: busy, success: false });
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM entity WHERE id = ?', busy)).toBe(1);

    expect((await admin.post('/import/shotgun/remove/episode', { id: 12345 })).body).toEqual({
      success: true,
    });
    expect((await admin.post('/import/shotgun/remove/episode', {})).status).toBe(400);
    expect((await artist.post('/import/shotgun/remove/episode', { id: 92 })).status).toBe(403);
  });
});
