import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduction } from '../comments/comment-test-kit';
import type { TestServer } from '../test-support/test-server';
import { startTestServer } from '../test-support/test-server';
import { previewPath } from './preview-storage';
import { addPreview, picture, postComment, uploadPreview } from './preview-test-kit';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('DELETE /data/preview-files/{id}', () => {
  it('removes the stored forms of the preview with its row', async () => {
    const { artist, manager, taskId } = await addProduction(server);
    const commentId = await postComment(server, artist, taskId);
    const previewId = (await addPreview(artist, taskId, commentId)).body.id as string;
    const upload = await uploadPreview(
      server,
      artist.token,
      previewId,
      await picture('png', 320, 180),
      'a.png',
    );
    expect(upload.status).toBe(201);
    const dataDir = server.context.dataDir;
    const forms = (['original', 'previews', 'thumbnails', 'thumbnails-square'] as const).map(
      (variant) => previewPath(dataDir, variant, previewId, 'png'),
    );
    expect(forms.every((path) => existsSync(path))).toBe(true);

    const refused = await artist.delete(`/data/preview-files/${previewId}`);
    expect(refused.status).toBe(403);
    expect(forms.every((path) => existsSync(path))).toBe(true);

    const removed = await manager.delete(`/data/preview-files/${previewId}`);
    expect(removed.status).toBe(204);
    expect(forms.filter((path) => existsSync(path))).toEqual([]);
  });
});
