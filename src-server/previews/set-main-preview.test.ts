import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduction, row } from '../comments/comment-test-kit';
import { eventsNamed } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import { startTestServer } from '../test-support/test-server';
import { previewPath } from './preview-storage';
import {
  addPreview,
  makeMovie,
  picture,
  postComment,
  uploadPreview,
  whenProcessed,
} from './preview-test-kit';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const entityPreview = (entityId: string) =>
  row(server, 'SELECT preview_file_id FROM entity WHERE id = ?', entityId).preview_file_id;

describe('PUT /actions/tasks/{id}/set-main-preview', () => {
  it('says when the task has no preview, then sets its last one', async () => {
    const { artist, manager, client, taskId, entityId } = await addProduction(server);
    const none = await artist.put(`/actions/tasks/${taskId}/set-main-preview`);
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      message: 'This task has no preview file to set as the main preview.',
    });

    const first = await addPreview(artist, taskId, await postComment(server, artist, taskId));
    const second = await addPreview(artist, taskId, await postComment(server, artist, taskId));
    expect(second.body.revision).toBe(2);
    expect((await client.put(`/actions/tasks/${taskId}/set-main-preview`)).status).toBe(403);

    const set = await manager.put(`/actions/tasks/${taskId}/set-main-preview`);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      id: entityId,
      preview_file_id: second.body.id,
      type: 'Entity',
    });
    expect(entityPreview(entityId)).toBe(second.body.id);
    expect(eventsNamed(server, 'preview-file:set-main').at(-1)?.data).toMatchObject({
      entity_id: entityId,
      preview_file_id: second.body.id,
    });
    expect(first.body.id).not.toBe(second.body.id);
  });
});

describe('PUT /actions/preview-files/{id}/set-main-preview', () => {
  it('sets a given preview; a movie frame replaces its thumbnails; a still takes no frame', async () => {
    const { artist, taskId, entityId } = await addProduction(server);
    const commentId = await postComment(server, artist, taskId);
    const still = (await addPreview(artist, taskId, commentId)).body.id as string;
    await uploadPreview(server, artist.token, still, await picture('png', 320, 240), 'a.png');
    const movieId = (await addPreview(artist, taskId, commentId)).body.id as string;
    const moviePath = await makeMovie(server.context.dataDir, `m-${movieId}.mp4`, {
      width: 320,
      height: 240,
      rate: 24,
      seconds: 2,
      withAudio: false,
    });
    await uploadPreview(server, artist.token, movieId, readFileSync(moviePath), 'm.mp4');
    expect(await whenProcessed(server, movieId)).toBe('ready');

    const onStill = await artist.put(`/actions/preview-files/${still}/set-main-preview`, {
      frame_number: 3,
    });
    expect(onStill.status).toBe(400);
    expect(onStill.body).toMatchObject({ message: "Can't use a given frame on non movie preview" });

    const thumbnail = previewPath(server.context.dataDir, 'thumbnails', movieId, 'png');
    const before = readFileSync(thumbnail);
    const set = await artist.put(`/actions/preview-files/${movieId}/set-main-preview`, {
      frame_number: 40,
    });
    expect(set.status).toBe(200);
    expect(entityPreview(entityId)).toBe(movieId);
    expect(readFileSync(thumbnail).equals(before)).toBe(false);

    const past = await artist.put(`/actions/preview-files/${movieId}/set-main-preview`, {
      frame_number: 100_000,
    });
    expect(past.status).toBe(400);
    const negative = await artist.put(`/actions/preview-files/${movieId}/set-main-preview`, {
      frame_number: -1,
    });
    expect(negative.status).toBe(400);
  });
});
