import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsNamed, insertRow } from '../crud/crud-test-kit';
import { connected, eventsClient, bearer, nextEvent } from '../events/stream-test-fixture';
import type { TestServer } from '../test-support/test-server';
import {
  addProduction,
  addTask,
  loginAs,
  row,
  rows,
  startCommentServer,
  statusOf,
} from './comment-test-kit';

let server: TestServer;

beforeAll(async () => {
  server = await startCommentServer();
});
afterAll(() => server.close());

const commentPath = (taskId: string) => `/actions/tasks/${taskId}/comment`;

function eventsFor(name: string, taskId: string) {
  return eventsNamed(server, name).filter((event: any) => event.data.task_id === taskId);
}

describe('POST /actions/tasks/{task_id}/comment', () => {
  it('lets the assignee comment with a status change and updates the task', async () => {
    const production = await addProduction(server);
    const { artist, taskId, projectId } = production;
    const wip = statusOf(server, 'wip');
    const before = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(before.real_start_date).toBeNull();

    const response = await artist.post(commentPath(taskId), {
      task_status_id: wip,
      comment: 'Blocking done',
      checklist: [{ text: 'Check UVs', checked: false }],
      links: ['https://example.com/ref'],
    });

    expect(response.status).toBe(201);
    const comment = response.body;
    expect(comment).toMatchObject({
      type: 'Comment',
      object_id: taskId,
      object_type: 'Task',
      text: 'Blocking done',
      task_status_id: wip,
      person_id: artist.id,
      for_client: false,
      replies: [],
      checklist: [{ text: 'Check UVs', checked: false }],
      links: ['https://example.com/ref'],
      previews: [],
      mentions: [],
      department_mentions: [],
      acknowledgements: [],
      attachment_files: [],
      editor_id: null,
    });
    expect(comment.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(comment.task_status).toMatchObject({
      id: wip,
      type: 'TaskStatus',
      short_name: 'wip',
      is_wip: true,
      is_artist_allowed: true,
    });
    expect(comment.person).toMatchObject({ id: artist.id, type: 'Person', role: 'user' });
    expect(comment.person.full_name).toBe(`${artist.firstName} Smith`);
    expect(comment.person).not.toHaveProperty('password');
    expect(comment.person).not.toHaveProperty('departments');

    const task = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(task.task_status_id).toBe(wip);
    expect(task.last_comment_date).toBe(comment.created_at);
    expect(task.real_start_date).not.toBeNull();
    expect(task.retake_count).toBe(0);
    expect(task.end_date).toBeNull();

    const [created] = eventsFor('comment:new', taskId);
    expect(created).toMatchObject({
      user_id: artist.id,
      project_id: projectId,
      data: { comment_id: comment.id, task_id: taskId, task_status_id: wip, project_id: projectId },
    });
    expect(eventsFor('task:status-changed', taskId)[0]?.data).toEqual({
      task_id: taskId,
      new_task_status_id: wip,
      previous_task_status_id: before.task_status_id,
      person_id: artist.id,
      project_id: projectId,
    });
    expect(eventsFor('task:to-review', taskId)).toHaveLength(0);
    expect(eventsFor('task:update', taskId)).toHaveLength(1);
    const news = rows(server, 'SELECT * FROM news WHERE comment_id = ?', comment.id);
    expect(news).toHaveLength(1);
    expect(news[0]).toMatchObject({ change: 1, author_id: artist.id, task_id: taskId });
    expect(eventsNamed(server, 'news:new').at(-1)?.data).toMatchObject({
      news_id: news[0].id,
      task_status_id: wip,
    });
  });

  it('stamps the end date and raises task:to-review on a feedback request, then counts retakes', async () => {
    const { artist, supervisor, taskId, projectId } = await addProduction(server);
    const wfa = statusOf(server, 'wfa');
    const review = await artist.post(commentPath(taskId), { task_status_id: wfa, comment: 'v1' });
    expect(review.status).toBe(201);
    let task = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(task.end_date).not.toBeNull();
    expect(task.done_date).toBeNull();
    const [toReview] = eventsFor('task:to-review', taskId);
    expect(toReview?.data).toMatchObject({
      task_id: taskId,
      new_task_status_id: wfa,
      person_id: artist.id,
      comment_id: review.body.id,
      project_id: projectId,
    });

    const retake = await supervisor.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'retake'),
      comment: 'Fix the ears',
    });
    expect(retake.status).toBe(201);
    task = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(task.retake_count).toBe(1);
    expect(task.end_date).toBeNull();

    const done = await supervisor.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'done'),
    });
    expect(done.status).toBe(201);
    expect(done.body.text).toBe('');
    task = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(task.done_date).not.toBeNull();
  });

  it('broadcasts comment:new and task:status-changed on the event stream', async () => {
    const { artist, taskId } = await addProduction(server);
    const origin = server.baseUrl.replace(/\/api$/, '');
    const socket = await connected(eventsClient(origin, bearer(artist.token)));
    try {
      const commentEvent = nextEvent(socket, 'comment:new');
      const statusEvent = nextEvent(socket, 'task:status-changed');
      const response = await artist.post(commentPath(taskId), {
        task_status_id: statusOf(server, 'wip'),
      });
      expect(response.status).toBe(201);
      expect((await commentEvent)[0]).toMatchObject({
        comment_id: response.body.id,
        task_id: taskId,
      });
      expect((await statusEvent)[0]).toMatchObject({ task_id: taskId, person_id: artist.id });
    } finally {
      socket.close();
    }
  });

  it('refuses a status artists may not use', async () => {
    const { artist, taskId } = await addProduction(server);
    const restricted = insertRow(server, 'task_status', {
      name: 'Supervisor only',
      short_name: 'suponly',
      color: '#000000',
      is_artist_allowed: false,
    });
    const response = await artist.post(commentPath(taskId), { task_status_id: restricted });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/permission/);
    expect(rows(server, 'SELECT * FROM comment WHERE object_id = ?', taskId)).toHaveLength(0);
  });

  it('lets a non-assigned artist comment only once mentioned, and never change the status', async () => {
    const { artist, otherArtist, taskId } = await addProduction(server);
    const todo = statusOf(server, 'todo');
    const refused = await otherArtist.post(commentPath(taskId), {
      task_status_id: todo,
      comment: 'Can I help?',
    });
    expect(refused.status).toBe(403);

    const mention = await artist.post(commentPath(taskId), {
      task_status_id: todo,
      comment: `@${otherArtist.firstName} Smith could you look at this?`,
    });
    expect(mention.status).toBe(201);
    expect(mention.body.mentions).toEqual([otherArtist.id]);
    expect(
      rows(
        server,
        "SELECT * FROM notification WHERE type = 'mention' AND comment_id = ?",
        mention.body.id,
      ),
    ).toMatchObject([{ person_id: otherArtist.id, author_id: artist.id, task_id: taskId }]);

    const answer = await otherArtist.post(commentPath(taskId), {
      task_status_id: todo,
      comment: 'Sure',
    });
    expect(answer.status).toBe(201);
    const statusChange = await otherArtist.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'wip'),
      comment: 'Taking it',
    });
    expect(statusChange.status).toBe(403);
  });

  it('refuses vendors the mention route', async () => {
    const { artist, vendor, taskId } = await addProduction(server);
    const todo = statusOf(server, 'todo');
    await artist.post(commentPath(taskId), {
      task_status_id: todo,
      comment: `ping @${vendor.firstName} Smith`,
    });
    const response = await vendor.post(commentPath(taskId), { task_status_id: todo });
    expect(response.status).toBe(403);
  });

  it('caps retakes at the project max_retakes', async () => {
    const { artist, supervisor, taskId } = await addProduction(server, { max_retakes: 1 });
    const retake = statusOf(server, 'retake');
    const wfa = statusOf(server, 'wfa');
    expect((await supervisor.post(commentPath(taskId), { task_status_id: retake })).status).toBe(
      201,
    );
    expect((await artist.post(commentPath(taskId), { task_status_id: wfa })).status).toBe(201);
    const count = rows(server, 'SELECT id FROM comment WHERE object_id = ?', taskId).length;
    const capped = await supervisor.post(commentPath(taskId), { task_status_id: retake });
    expect(capped.status).toBe(400);
    expect(capped.body).toEqual({
      error: true,
      message: 'No more retakes allowed on this task',
      data: null,
    });
    expect(rows(server, 'SELECT id FROM comment WHERE object_id = ?', taskId)).toHaveLength(count);
  });

  it('notifies assignees and mentioned departments, never the author', async () => {
    const { artist, supervisor, otherArtist, taskId, projectId } = await addProduction(server);
    const department = row(server, "SELECT id, name FROM department WHERE name = 'Modeling'");
    server.context.db
      .prepare('INSERT INTO department_link (person_id, department_id) VALUES (?, ?)')
      .run(otherArtist.id, department.id);
    const response = await supervisor.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'retake'),
      // A final newline still ends a mention (Python's `$`); one inside the text does not.
      comment: `Please @${department.name} and @${supervisor.firstName} Smith\n`,
    });
    expect(response.status).toBe(201);
    expect(response.body.department_mentions).toEqual([department.id]);
    // The author is mentioned too (a team member) but is never notified.
    expect(response.body.mentions).toEqual([supervisor.id]);
    const notifications = rows(
      server,
      'SELECT person_id, type, change FROM notification WHERE comment_id = ? ORDER BY type',
      response.body.id,
    );
    expect(notifications).toEqual([
      { person_id: artist.id, type: 'comment', change: 1 },
      { person_id: otherArtist.id, type: 'mention', change: 0 },
    ]);
    const live = eventsNamed(server, 'notification:new');
    expect(live).toHaveLength(0);
    expect(projectId).toBeTruthy();
  });

  it('copies a #tasktype comment to the sibling task', async () => {
    const { artist, projectId, entityId, taskId } = await addProduction(server);
    const rigging = addTask(server, projectId, entityId, {
      taskType: ['Rigging', 'Asset'],
      assignees: [artist.id],
    });
    const response = await artist.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'wip'),
      comment: 'Topology changed #rigging',
    });
    expect(response.status).toBe(201);
    const copies = rows(server, 'SELECT * FROM comment WHERE object_id = ?', rigging);
    expect(copies).toHaveLength(1);
    expect(copies[0].text).toBe('Topology changed #rigging\n\n____\nFrom Modeling task');
    expect(copies[0].task_status_id).toBe(statusOf(server, 'todo'));
    expect(copies[0].person_id).toBe(artist.id);
  });

  it('lets managers date, attribute and flag comments for clients; others are ignored', async () => {
    const { manager, artist, taskId } = await addProduction(server);
    const managed = await manager.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'todo'),
      comment: 'Backdated',
      person_id: artist.id,
      created_at: '2020-01-02 03:04:05',
      for_client: true,
    });
    expect(managed.status).toBe(201);
    expect(managed.body).toMatchObject({
      person_id: artist.id,
      created_at: '2020-01-02T03:04:05',
      for_client: true,
    });
    expect(managed.body.person).toHaveProperty('departments');

    const ignored = await artist.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'todo'),
      person_id: manager.id,
      created_at: '2020-01-02 03:04:05',
      for_client: 'yes',
    });
    expect(ignored.status).toBe(201);
    expect(ignored.body.person_id).toBe(artist.id);
    expect(ignored.body.for_client).toBe(false);
    expect(ignored.body.created_at).not.toBe('2020-01-02T03:04:05');
  });

  it('answers bad input with Zou errors and writes nothing', async () => {
    const { artist, taskId } = await addProduction(server);
    const missing = await artist.post(commentPath(taskId), { comment: 'no status' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: true,
      message: 'Validation error.',
      data: { errors: [{ field: 'task_status_id', message: 'Field required' }] },
    });
    const wrongType = await artist.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'wip'),
      checklist: 'not json',
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.data.errors[0].field).toBe('checklist');
    const nulls = await artist.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'todo'),
      checklist: null,
      links: null,
    });
    expect(nulls.status).toBe(201);
    expect(nulls.body).toMatchObject({ checklist: [], links: [] });
    const list = await artist.post(commentPath(taskId), [1, 2]);
    expect(list.status).toBe(400);
    const unknownTask = await artist.post(commentPath('not-a-uuid'), {
      task_status_id: statusOf(server, 'wip'),
    });
    expect(unknownTask.status).toBe(404);
    const unknownStatus = await artist.post(commentPath(taskId), {
      task_status_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownStatus.status).toBe(404);
    expect(rows(server, 'SELECT id FROM comment WHERE object_id = ?', taskId)).toHaveLength(1);
  });

  it('lets a client comment with client-allowed statuses', async () => {
    const { client, taskId } = await addProduction(server);
    const response = await client.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'retake'),
      comment: 'Not quite',
    });
    expect(response.status).toBe(201);
    const outsider = await loginAs(server, 'user');
    const refused = await outsider.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'retake'),
    });
    expect(refused.status).toBe(403);
  });
});

describe('status automations', () => {
  it('comment the next task when a task reaches the automation status', async () => {
    const { artist, projectId, entityId, taskId } = await addProduction(server);
    const shading = addTask(server, projectId, entityId, { taskType: ['Shading', 'Asset'] });
    const modelingType = row(server, 'SELECT task_type_id FROM task WHERE id = ?', taskId);
    const shadingType = row(server, 'SELECT task_type_id FROM task WHERE id = ?', shading);
    const automation = insertRow(server, 'status_automation', {
      entity_type: 'asset',
      in_task_type_id: modelingType.task_type_id,
      in_task_status_id: statusOf(server, 'done'),
      out_field_type: 'status',
      out_task_type_id: shadingType.task_type_id,
      out_task_status_id: statusOf(server, 'ready'),
    });
    server.context.db
      .prepare(
        'INSERT INTO project_status_automation_link (project_id, status_automation_id) VALUES (?, ?)',
      )
      .run(projectId, automation);

    const wip = await artist.post(commentPath(taskId), { task_status_id: statusOf(server, 'wip') });
    expect(wip.status).toBe(201);
    expect(rows(server, 'SELECT id FROM comment WHERE object_id = ?', shading)).toHaveLength(0);

    const supervisor = (await addProduction(server)).supervisor;
    server.context.db
      .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
      .run(projectId, supervisor.id);
    const done = await supervisor.post(commentPath(taskId), {
      task_status_id: statusOf(server, 'done'),
    });
    expect(done.status).toBe(201);
    const [triggered] = rows(server, 'SELECT * FROM comment WHERE object_id = ?', shading);
    expect(triggered).toMatchObject({
      text: 'Change triggered by Modeling set to Done',
      person_id: supervisor.id,
      task_status_id: statusOf(server, 'ready'),
    });
    expect(row(server, 'SELECT task_status_id FROM task WHERE id = ?', shading)).toEqual({
      task_status_id: statusOf(server, 'ready'),
    });
  });
});
