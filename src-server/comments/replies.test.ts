import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsNamed } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import {
  addProduction,
  addTask,
  postForm,
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

async function commented(production: Awaited<ReturnType<typeof addProduction>>, status = 'wip') {
  const response = await production.artist.post(`/actions/tasks/${production.taskId}/comment`, {
    task_status_id: statusOf(server, status),
    comment: 'First pass',
  });
  expect(response.status).toBe(201);
  return response.body;
}

describe('replies', () => {
  it('appends a reply, embeds its author, notifies and raises comment:reply', async () => {
    const production = await addProduction(server);
    const { artist, supervisor, otherArtist, taskId, projectId } = production;
    const comment = await commented(production);
    const path = `/data/tasks/${taskId}/comments/${comment.id}/reply`;

    const response = await supervisor.post(path, {
      text: `Looks good @${otherArtist.firstName} Smith`,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      created_at: response.body.date,
      person_id: supervisor.id,
      text: `Looks good @${otherArtist.firstName} Smith`,
      mentions: [otherArtist.id],
      department_mentions: [],
      person: {
        id: supervisor.id,
        first_name: supervisor.firstName,
        last_name: 'Smith',
        full_name: `${supervisor.firstName} Smith`,
        has_avatar: false,
        role: 'supervisor',
      },
    });
    const stored = JSON.parse(
      row(server, 'SELECT replies FROM comment WHERE id = ?', comment.id).replies,
    );
    const { person: _person, ...storedReply } = response.body;
    expect(stored).toEqual([storedReply]);
    expect(eventsNamed(server, 'comment:reply').at(-1)?.data).toEqual({
      task_id: taskId,
      comment_id: comment.id,
      reply_id: response.body.id,
      project_id: projectId,
    });
    const notifications = rows(
      server,
      'SELECT person_id, type FROM notification WHERE reply_id = ? ORDER BY type',
      response.body.id,
    );
    expect(notifications).toEqual([
      { person_id: artist.id, type: 'reply' },
      { person_id: otherArtist.id, type: 'reply-mention' },
    ]);

    // The reply shows in the thread with its author; a mention in a reply opens the thread.
    const thread = await artist.get(`/data/tasks/${taskId}/comments`);
    expect(thread.body[0].replies[0].person.id).toBe(supervisor.id);
    const answer = await otherArtist.post(path, { text: 'On it' });
    expect(answer.status).toBe(200);
    const statusChange = await otherArtist.post(`/actions/tasks/${taskId}/comment`, {
      task_status_id: statusOf(server, 'wip'),
      comment: 'same status is fine',
    });
    expect(statusChange.status).toBe(201);
  });

  it('refuses strangers, a comment of another task, and takes multipart files', async () => {
    const production = await addProduction(server);
    const { artist, otherArtist, supervisor, taskId, projectId, entityId } = production;
    const comment = await commented(production);
    const refused = await otherArtist.post(`/data/tasks/${taskId}/comments/${comment.id}/reply`, {
      text: 'hi',
    });
    expect(refused.status).toBe(403);
    const other = addTask(server, projectId, entityId, { taskType: ['Shading', 'Asset'] });
    const mismatch = await supervisor.post(`/data/tasks/${other}/comments/${comment.id}/reply`, {
      text: 'x',
    });
    expect(mismatch.status).toBe(403);

    const form = new FormData();
    form.append('text', 'with a file');
    form.append('file', new Blob(['ref']), 'ref.txt');
    const withFile = await postForm(
      server,
      artist.token,
      `/data/tasks/${taskId}/comments/${comment.id}/reply`,
      form,
    );
    expect(withFile.status).toBe(200);
    expect(withFile.body.attachment_files).toEqual([
      {
        id: expect.any(String),
        name: 'ref.txt',
        extension: 'txt',
        size: 3,
        reply_id: withFile.body.id,
      },
    ]);
  });

  it('deletes a reply for its author or an admin only', async () => {
    const production = await addProduction(server);
    const { artist, supervisor, taskId } = production;
    const comment = await commented(production);
    const reply = await supervisor.post(`/data/tasks/${taskId}/comments/${comment.id}/reply`, {
      text: 'hmm',
    });
    const path = `/data/tasks/${taskId}/comments/${comment.id}/reply/${reply.body.id}`;
    expect((await artist.delete(path)).status).toBe(403);
    const deleted = await supervisor.delete(path);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: comment.id, type: 'Comment', replies: [] });
    expect(deleted.body).not.toHaveProperty('mentions');
    expect(rows(server, 'SELECT id FROM notification WHERE reply_id = ?', reply.body.id)).toEqual(
      [],
    );
    expect(eventsNamed(server, 'comment:delete-reply')).toEqual([]);
    expect((await supervisor.delete(path)).status).toBe(404);
  });
});

describe('acknowledgements', () => {
  it('toggles the caller acknowledgement without recording events', async () => {
    const production = await addProduction(server);
    const { supervisor, vendor, taskId } = production;
    const comment = await commented(production);
    const path = `/data/tasks/${taskId}/comments/${comment.id}/ack`;
    const acked = await supervisor.post(path);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id: comment.id, acknowledgements: [supervisor.id] });
    expect(acked.body.attachment_files).toEqual([]);
    const unacked = await supervisor.post(path);
    expect(unacked.body.acknowledgements).toEqual([]);
    expect(eventsNamed(server, 'comment:acknowledge')).toEqual([]);
    expect((await vendor.post(path)).status).toBe(403);
  });
});

describe('DELETE /data/tasks/{task_id}/comments/{comment_id}', () => {
  it('is for the author or a manager, and puts the task back to the previous status', async () => {
    const production = await addProduction(server);
    const { artist, otherArtist, manager, taskId, projectId } = production;
    const first = await commented(production, 'wip');
    const second = await commented(production, 'wfa');
    const path = (id: string) => `/data/tasks/${taskId}/comments/${id}`;

    expect((await otherArtist.delete(path(second.id))).status).toBe(403);
    expect(row(server, 'SELECT id FROM comment WHERE id = ?', second.id)).toBeDefined();

    const deleted = await artist.delete(path(second.id));
    expect(deleted.status).toBe(204);
    const task = row(server, 'SELECT * FROM task WHERE id = ?', taskId);
    expect(task.task_status_id).toBe(statusOf(server, 'wip'));
    expect(task.end_date).toBeNull();
    const changed = eventsNamed(server, 'task:status-changed').at(-1);
    expect(changed?.data).toEqual({
      task_id: taskId,
      new_task_status_id: statusOf(server, 'wip'),
      previous_task_status_id: statusOf(server, 'wfa'),
      person_id: artist.id,
      project_id: projectId,
    });
    expect(eventsNamed(server, 'comment:delete').at(-1)?.data).toMatchObject({
      comment_id: second.id,
    });

    expect((await manager.delete(path(first.id))).status).toBe(204);
    expect(row(server, 'SELECT task_status_id FROM task WHERE id = ?', taskId).task_status_id).toBe(
      statusOf(server, 'todo'),
    );
    expect((await manager.delete(path(first.id))).status).toBe(404);
  });

  it('reads one comment of the task with Zou access rules', async () => {
    const production = await addProduction(server);
    const { artist, client, taskId } = production;
    const comment = await commented(production);
    const one = await artist.get(`/data/tasks/${taskId}/comments/${comment.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: comment.id, type: 'Comment', text: 'First pass' });
    expect(one.body).not.toHaveProperty('mentions');
    expect((await client.get(`/data/tasks/${taskId}/comments/${comment.id}`)).status).toBe(403);
  });
});
