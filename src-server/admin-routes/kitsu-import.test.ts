import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEntity,
  addProject,
  eventsNamed,
  startCrudServer,
  taskStatusId,
  taskTypeId,
  type ApiClient,
  type CrudTestServer,
} from '../crud/crud-test-kit';
import { addPerson, countRows, send } from './admin-test-kit';

let server: CrudTestServer;
let admin: ApiClient;
let manager: ApiClient;
let artist: ApiClient;
let projectId: string;
let entityId: string;

beforeAll(async () => {
  server = await startCrudServer();
  admin = addPerson(server, 'admin');
  manager = addPerson(server, 'manager');
  artist = addPerson(server, 'user');
  projectId = addProject(server, { team: [artist.id] });
  entityId = addEntity(server, projectId);
});
afterAll(() => server.close());

function serializedTask(id: string, name: string): Record<string, unknown> {
  return {
    id,
    created_at: '2024-02-01T10:00:00',
    updated_at: '2024-02-02T10:00:00',
    type: 'Task',
    name,
    description: 'From the other Kitsu',
    priority: 1,
    difficulty: 4,
    duration: 120,
    estimation: 2,
    completion_rate: 0,
    retake_count: 0,
    sort_order: 0,
    start_date: '2024-02-05T00:00:00',
    due_date: null,
    real_start_date: null,
    end_date: null,
    done_date: null,
    last_comment_date: null,
    nb_assets_ready: 0,
    data: { custom: 'yes' },
    nb_drawings: 0,
    shotgun_id: null,
    last_preview_file_id: null,
    project_id: projectId,
    task_type_id: taskTypeId(server, 'Modeling', 'Asset'),
    task_status_id: taskStatusId(server, 'wip'),
    entity_id: entityId,
    assigner_id: admin.id,
  };
}

function assignees(taskId: string): string[] {
  return (
    server.context.db
      .prepare('SELECT person_id FROM task_person_link WHERE task_id = ? ORDER BY person_id')
      .all(taskId) as { person_id: string }[]
  ).map((row) => row.person_id);
}

describe('POST /import/kitsu/tasks', () => {
  it('creates then updates tasks by id, with their assignees', async () => {
    const id = randomUUID();
    const entry = {
      ...serializedTask(id, 'imported'),
      assignees: [artist.id, 'unassigned', 'bad'],
    };
    const created = await admin.post('/import/kitsu/tasks', [entry]);
    expect(created.status).toBe(200);
    expect(created.body).toHaveLength(1);
    const task = created.body[0];
    expect(task).toMatchObject({
      id,
      type: 'Task',
      name: 'imported',
      created_at: '2024-02-01T10:00:00',
      difficulty: 4,
      data: { custom: 'yes' },
      start_date: '2024-02-05T00:00:00',
      assigner_id: admin.id,
    });
    expect(task).not.toHaveProperty('assignees');
    expect(task.updated_at).not.toBe('2024-02-02T10:00:00');
    expect(assignees(id)).toEqual([artist.id]);
    expect(eventsNamed(server, 'task:new').map((event) => event.data)).toEqual([
      { project_id: projectId },
    ]);

    const updated = await admin.post('/import/kitsu/tasks', [
      { ...serializedTask(id, 'renamed'), assignees: [] },
    ]);
    expect(updated.body[0]).toMatchObject({ id, name: 'renamed' });
    expect(assignees(id)).toEqual([]);
    expect(eventsNamed(server, 'task:update')).toHaveLength(1);
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM task WHERE id = ?', id)).toBe(1);

    // No assignees key: the assignees stay as they are.
    server.context.db.prepare('INSERT INTO task_person_link VALUES (?, ?)').run(id, artist.id);
    await admin.post('/import/kitsu/tasks', [serializedTask(id, 'again')]);
    expect(assignees(id)).toEqual([artist.id]);
  });

  it('keeps the events back when silent', async () => {
    const before = eventsNamed(server, 'task:new').length;
    const response = await admin.post('/import/kitsu/tasks?silent=true', [
      serializedTask(randomUUID(), 'quiet'),
    ]);
    expect(response.status).toBe(200);
    expect(eventsNamed(server, 'task:new')).toHaveLength(before);
  });

  it("skips other callers' entries silently", async () => {
    const id = randomUUID();
    for (const client of [manager, artist]) {
      const response = await client.post('/import/kitsu/tasks', [serializedTask(id, 'nope')]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([]);
    }
    expect(countRows(server, 'SELECT COUNT(*) AS n FROM task WHERE id = ?', id)).toBe(0);
  });

  it('refuses bodies that are not lists, and writes nothing of a failing list', async () => {
    for (const body of ['{"id": "x"}', '"tasks"', '']) {
      const response = await send(
        server,
        admin,
        'POST',
        '/import/kitsu/tasks',
        body,
        'application/json',
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: true,
        message: 'A list of entities is expected.',
        data: null,
      });
    }
    const good = randomUUID();
    const duplicate = randomUUID();
    const response = await admin.post('/import/kitsu/tasks', [
      serializedTask(good, 'first'),
      serializedTask(duplicate, 'first'),
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: true, data: null });
    expect(
      countRows(server, 'SELECT COUNT(*) AS n FROM task WHERE id IN (?, ?)', good, duplicate),
    ).toBe(0);

    const unknownKey = await admin.post('/import/kitsu/tasks', [
      { ...serializedTask(randomUUID(), 'odd'), color: 'red' },
    ]);
    expect(unknownKey.body).toEqual({
      error: true,
      message: "'color' is an invalid keyword argument for Task",
      data: null,
    });
    const badDate = await admin.post('/import/kitsu/tasks', [
      { ...serializedTask(randomUUID(), 'dated'), due_date: 'soon' },
    ]);
    expect(badDate.status).toBe(400);
    expect((await admin.post('/import/kitsu/tasks', [{ name: 'no id' }])).status).toBe(400);
    expect((await admin.post('/import/kitsu/tasks', [42])).status).toBe(400);
  });
});

describe('the other base imports', () => {
  it('upserts milestones with their timestamps', async () => {
    const id = randomUUID();
    const milestone = {
      id,
      created_at: '2024-01-01T00:00:00',
      updated_at: '2024-01-02T00:00:00',
      type: 'Milestone',
      date: '2024-06-01',
      name: 'Delivery',
      project_id: projectId,
      task_type_id: null,
    };
    const response = await admin.post('/import/kitsu/milestones', [milestone]);
    expect(response.body).toEqual([milestone]);
    expect(eventsNamed(server, 'milestone:new').at(-1)?.data).toEqual({
      milestone_id: id,
      project_id: projectId,
    });
    const renamed = await admin.post('/import/kitsu/milestones', [{ ...milestone, name: 'Final' }]);
    expect(renamed.body[0]).toMatchObject({ name: 'Final', updated_at: '2024-01-02T00:00:00' });
  });
});
