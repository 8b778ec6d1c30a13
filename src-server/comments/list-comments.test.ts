import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import { addProduction, loginAs, startCommentServer, statusOf } from './comment-test-kit';
import { countStatements } from '../test-support/statement-counter';

let server: TestServer;

beforeAll(async () => {
  server = await startCommentServer();
});
afterAll(() => server.close());

const commentsPath = (taskId: string) => `/data/tasks/${taskId}/comments`;
const postPath = (taskId: string) => `/actions/tasks/${taskId}/comment`;

describe('GET /data/tasks/{task_id}/comments', () => {
  it('shows each role what Zou shows it', async () => {
    const production = await addProduction(server);
    const { manager, supervisor, artist, client, vendor, taskId } = production;
    const todo = statusOf(server, 'todo');
    const studio = await artist.post(postPath(taskId), {
      task_status_id: todo,
      comment: 'studio only',
    });
    const forClient = await manager.post(postPath(taskId), {
      task_status_id: todo,
      comment: 'for the client',
      for_client: true,
    });
    const fromClient = await client.post(postPath(taskId), {
      task_status_id: todo,
      comment: 'client says',
    });
    for (const response of [studio, forClient, fromClient]) expect(response.status).toBe(201);

    const textsFor = async (member: typeof artist) => {
      const response = await member.get(commentsPath(taskId));
      expect(response.status).toBe(200);
      return response.body.map((comment: any) => comment.text);
    };
    // Newest first.
    expect(await textsFor(supervisor)).toEqual(['client says', 'for the client', 'studio only']);
    expect(await textsFor(manager)).toEqual(['client says', 'for the client', 'studio only']);
    expect(await textsFor(artist)).toEqual(['for the client', 'studio only']);
    expect(await textsFor(client)).toEqual(['client says', 'for the client']);
    // A vendor reads the thread only through an assigned task.
    expect((await vendor.get(commentsPath(taskId))).status).toBe(403);

    const seenByClient = (await client.get(commentsPath(taskId))).body;
    expect(seenByClient[0].person).toMatchObject({ id: client.id, role: 'client' });
    expect(seenByClient[1].person).toBeNull();

    const seenByArtist = (await artist.get(commentsPath(taskId))).body;
    expect(seenByArtist[1]).toMatchObject({
      id: studio.body.id,
      type: 'Comment',
      person: {
        id: artist.id,
        first_name: artist.firstName,
        last_name: 'Smith',
        full_name: `${artist.firstName} Smith`,
        has_avatar: false,
        role: 'user',
      },
      task_status: { id: todo, name: 'Todo', short_name: 'todo', color: '#f5f5f5' },
      acknowledgements: [],
      mentions: [],
      department_mentions: [],
      previews: [],
      attachment_files: [],
    });
    expect(seenByArtist[1]).not.toHaveProperty('editor');
  });

  it('isolates clients from each other when the project says so', async () => {
    const production = await addProduction(server, { is_clients_isolated: true });
    const { client, taskId, projectId } = production;
    const otherClient = await loginAs(server, 'client');
    server.context.db
      .prepare('INSERT INTO project_person_link (project_id, person_id) VALUES (?, ?)')
      .run(projectId, otherClient.id);
    const todo = statusOf(server, 'todo');
    await client.post(postPath(taskId), { task_status_id: todo, comment: 'mine' });
    await otherClient.post(postPath(taskId), { task_status_id: todo, comment: 'theirs' });
    const texts = (await client.get(commentsPath(taskId))).body.map((c: any) => c.text);
    expect(texts).toEqual(['mine']);
  });

  it('shows clients a studio comment with previews only emptied, and hides rejected previews', async () => {
    const production = await addProduction(server);
    const { artist, client, taskId } = production;
    const posted = await artist.post(postPath(taskId), {
      task_status_id: statusOf(server, 'wfa'),
      comment: 'secret notes',
      checklist: [{ text: 'a', checked: true }],
    });
    const preview = (validation: string, revision: number) =>
      insertRow(server, 'preview_file', {
        name: `p${revision}`,
        revision,
        task_id: taskId,
        extension: 'png',
        status: 'ready',
        validation_status: validation,
      });
    const link = server.context.db.prepare(
      'INSERT INTO comment_preview_link (comment, preview_file) VALUES (?, ?)',
    );
    const kept = preview('neutral', 1);
    link.run(posted.body.id, kept);
    link.run(posted.body.id, preview('rejected', 2));

    const [seen] = (await client.get(commentsPath(taskId))).body;
    expect(seen).toMatchObject({
      id: posted.body.id,
      text: '',
      checklist: [],
      replies: [],
      attachment_files: [],
      person: null,
    });
    expect(seen.previews.map((p: any) => p.id)).toEqual([kept]);
    const [full] = (await artist.get(commentsPath(taskId))).body;
    expect(full.previews).toHaveLength(2);
    expect(full.previews[0]).toEqual({
      id: kept,
      task_id: taskId,
      revision: 1,
      extension: 'png',
      width: 0,
      height: 0,
      duration: 0,
      status: 'ready',
      validation_status: 'neutral',
      original_name: null,
      position: 1,
      annotations: null,
    });
  });

  it('runs the same number of statements for 2 comments as for 30', async () => {
    const counts: number[] = [];
    for (const size of [2, 30]) {
      const { artist, supervisor, taskId } = await addProduction(server);
      for (let index = 0; index < size; index += 1) {
        const posted = await artist.post(postPath(taskId), {
          task_status_id: statusOf(server, 'wip'),
          comment: `note ${index} @${supervisor.firstName} Smith`,
        });
        await supervisor.post(`/data/tasks/${taskId}/comments/${posted.body.id}/reply`, {
          text: 'ok',
        });
        await supervisor.post(`/data/tasks/${taskId}/comments/${posted.body.id}/ack`);
      }
      counts.push(
        await countStatements(server.context.db, async () => {
          const response = await supervisor.get(commentsPath(taskId));
          expect(response.body).toHaveLength(size);
          expect(response.body[0].replies[0].person.id).toBe(supervisor.id);
          expect(response.body[0].acknowledgements).toEqual([supervisor.id]);
        }),
      );
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('answers 404 for an unknown or malformed task and 403 outside the team', async () => {
    const { taskId } = await addProduction(server);
    const outsider = await loginAs(server, 'user');
    expect((await outsider.get(commentsPath(taskId))).status).toBe(403);
    const malformed = await outsider.get(commentsPath('nope'));
    expect(malformed.status).toBe(404);
    expect(malformed.body.message).toMatch(/^404 Not Found/);
    expect((await outsider.get(commentsPath('00000000-0000-4000-8000-000000000000'))).status).toBe(
      404,
    );
  });
});
