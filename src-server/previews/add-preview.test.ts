import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsNamed } from '../crud/crud-test-kit';
import { addProduction, loginAs } from '../comments/comment-test-kit';
import type { TestServer } from '../test-support/test-server';
import { startTestServer } from '../test-support/test-server';
import { addPreview, postComment, previewRow } from './preview-test-kit';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('POST /actions/tasks/{task_id}/comments/{comment_id}/add-preview', () => {
  it('creates a processing row waiting for its file, linked to the comment', async () => {
    const { artist, taskId, projectId } = await addProduction(server);
    const commentId = await postComment(server, artist, taskId);

    const response = await addPreview(artist, taskId, commentId);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      type: 'PreviewFile',
      revision: 1,
      position: 1,
      extension: 'mp4',
      status: 'processing',
      source: 'webgui',
      original_name: null,
      task_id: taskId,
      person_id: artist.id,
      comments: [commentId],
    });
    expect(response.body.name).toBe(String(response.body.id).slice(0, 13));
    expect(eventsNamed(server, 'preview-file:new').at(-1)).toMatchObject({
      project_id: projectId,
      user_id: artist.id,
      data: { preview_file_id: response.body.id, comment_id: commentId, project_id: projectId },
    });
    expect(eventsNamed(server, 'comment:update').at(-1)?.data).toEqual({
      comment_id: commentId,
      project_id: projectId,
    });
    const comments = await artist.get(`/data/tasks/${taskId}/comments`);
    expect(comments.body[0].previews).toEqual([
      expect.objectContaining({ id: response.body.id, revision: 1, status: 'processing' }),
    ]);
  });

  it('opens the next revision per comment and the next position within one', async () => {
    const { artist, taskId } = await addProduction(server);
    const first = await postComment(server, artist, taskId);
    const second = await postComment(server, artist, taskId);

    const one = await addPreview(artist, taskId, first);
    const two = await addPreview(artist, taskId, second);
    const twoBis = await addPreview(artist, taskId, second);

    expect([one.body.revision, one.body.position]).toEqual([1, 1]);
    expect([two.body.revision, two.body.position]).toEqual([2, 1]);
    expect([twoBis.body.revision, twoBis.body.position]).toEqual([2, 2]);
  });

  it('takes an asked revision once per task, then as an extra position', async () => {
    const { artist, taskId } = await addProduction(server);
    const first = await postComment(server, artist, taskId);
    const second = await postComment(server, artist, taskId);

    const asked = await addPreview(artist, taskId, first, { revision: 7 });
    const clash = await addPreview(artist, taskId, second, { revision: 7 });
    const extra = await addPreview(artist, taskId, first, { revision: 7 });
    const zero = await addPreview(artist, taskId, second, { revision: '0' });

    expect([asked.status, asked.body.revision, asked.body.position]).toEqual([201, 7, 1]);
    expect(clash).toEqual({
      status: 400,
      body: {
        error: true,
        message:
          'Revision 7 already exists for this task. Choose a different revision number, or ' +
          'omit it to let the revision auto-increment.',
      },
    });
    expect([extra.status, extra.body.revision, extra.body.position]).toEqual([201, 7, 2]);
    expect([zero.status, zero.body.revision]).toEqual([201, 0]);
  });

  it('refuses a second file in a revision when the project wants one, leaving no row', async () => {
    const { artist, taskId } = await addProduction(server, {
      is_single_preview_per_revision: true,
    });
    const commentId = await postComment(server, artist, taskId);
    await addPreview(artist, taskId, commentId);

    const second = await addPreview(artist, taskId, commentId);

    expect(second).toEqual({
      status: 400,
      body: {
        error: true,
        message: 'Only one preview file is allowed per revision for this project.',
      },
    });
    const count = server.context.db
      .prepare('SELECT COUNT(*) FROM preview_file WHERE task_id = ?')
      .pluck()
      .get(taskId);
    expect(count).toBe(1);
  });

  it('validates the revision as pydantic does', async () => {
    const { artist, taskId } = await addProduction(server);
    const commentId = await postComment(server, artist, taskId);

    const negative = await addPreview(artist, taskId, commentId, { revision: -1 });
    const text = await addPreview(artist, taskId, commentId, { revision: 'two' });

    expect(negative).toEqual({
      status: 400,
      body: {
        error: true,
        message: 'Validation error.',
        data: {
          errors: [{ field: 'revision', message: 'Input should be greater than or equal to 0' }],
        },
      },
    });
    expect(text.body.data.errors[0]).toEqual({
      field: 'revision',
      message: 'Input should be a valid integer, unable to parse string as an integer',
    });
  });

  it('needs task-action access, and a comment of that task', async () => {
    const { artist, otherArtist, taskId, manager } = await addProduction(server);
    const outsider = await loginAs(server, 'user');
    const commentId = await postComment(server, artist, taskId);
    const elsewhere = await addProduction(server);
    const foreignComment = await postComment(server, elsewhere.artist, elsewhere.taskId);

    expect((await addPreview(outsider, taskId, commentId)).status).toBe(403);
    expect((await addPreview(otherArtist, taskId, commentId)).status).toBe(403);
    expect((await addPreview(manager, taskId, foreignComment)).status).toBe(404);
    expect((await addPreview(manager, taskId, 'not-an-id')).status).toBe(404);
    expect((await addPreview(manager, taskId, commentId)).status).toBe(201);
  });
});

describe('POST /actions/tasks/{tid}/comments/{cid}/preview-files/{pfid}', () => {
  it('adds a row at the revision of the given preview, next position', async () => {
    const { artist, taskId } = await addProduction(server);
    const commentId = await postComment(server, artist, taskId);
    const first = await addPreview(artist, taskId, commentId, { revision: 3 });

    const extra = await artist.post(
      `/actions/tasks/${taskId}/comments/${commentId}/preview-files/${first.body.id}`,
    );

    expect(extra.status).toBe(201);
    expect(extra.body).toMatchObject({
      revision: 3,
      position: 2,
      status: 'processing',
      comments: [commentId],
    });
    expect(previewRow(server, extra.body.id).original_name).toBeNull();
    const unknown = await artist.post(
      `/actions/tasks/${taskId}/comments/${commentId}/preview-files/${crypto.randomUUID()}`,
    );
    expect(unknown.status).toBe(404);
  });
});
