import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduction, loginAs, type Member } from '../comments/comment-test-kit';
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

async function get(member: Member, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${member.token}`, ...headers },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function publishedMovie() {
  const production = await addProduction(server);
  const { artist, taskId } = production;
  const commentId = await postComment(server, artist, taskId);
  const first = (await addPreview(artist, taskId, commentId)).body.id as string;
  await uploadPreview(server, artist.token, first, await picture('png', 320, 240), 'still.png');
  const second = (await addPreview(artist, taskId, commentId)).body.id as string;
  const movie = await makeMovie(server.context.dataDir, `clip-${first}.mp4`, {
    width: 320,
    height: 240,
    rate: 24,
    seconds: 1,
    withAudio: false,
  });
  await uploadPreview(server, artist.token, second, readFileSync(movie), 'clip.mp4');
  expect(await whenProcessed(server, second)).toBe('ready');
  return { ...production, still: first, movie: second };
}

describe('serving previews', () => {
  it('serves a movie whole, by range, and answers 304 to its ETag', async () => {
    const { artist, movie } = await publishedMovie();
    const stored = readFileSync(
      previewPath(server.context.dataDir, 'movie-previews', movie, 'mp4'),
    );
    const whole = await get(artist, `/movies/originals/preview-files/${movie}.mp4`);
    expect(whole.response.status).toBe(200);
    expect(whole.response.headers.get('content-type')).toBe('video/mp4');
    expect(whole.response.headers.get('cache-control')).toBe('private, max-age=604800');
    expect(whole.response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(whole.bytes.equals(stored)).toBe(true);

    const middle = await get(artist, `/movies/originals/preview-files/${movie}.mp4`, {
      Range: 'bytes=100-199',
    });
    expect(middle.response.status).toBe(206);
    expect(middle.response.headers.get('content-range')).toBe(`bytes 100-199/${stored.length}`);
    expect(middle.bytes.equals(stored.subarray(100, 200))).toBe(true);

    const suffix = await get(artist, `/movies/low/preview-files/${movie}.mp4`, {
      Range: 'bytes=-10',
    });
    expect(suffix.response.status).toBe(206);
    expect(suffix.bytes).toHaveLength(10);

    const past = await get(artist, `/movies/originals/preview-files/${movie}.mp4`, {
      Range: `bytes=${stored.length + 5}-`,
    });
    expect(past.response.status).toBe(416);

    const etag = whole.response.headers.get('etag')!;
    const again = await get(artist, `/movies/originals/preview-files/${movie}.mp4`, {
      'If-None-Match': etag,
    });
    expect(again.response.status).toBe(304);
  });

  it('serves the picture forms and names downloads as Kitsu does', async () => {
    const { artist, still, movie } = await publishedMovie();
    for (const prefix of ['thumbnails', 'thumbnails-square', 'previews', 'originals']) {
      const { response } = await get(artist, `/pictures/${prefix}/preview-files/${still}.png`);
      expect([prefix, response.status, response.headers.get('content-type')]).toEqual([
        prefix,
        200,
        'image/png',
      ]);
    }
    const thumbnailOfMovie = await get(artist, `/pictures/thumbnails/preview-files/${movie}.png`);
    expect(thumbnailOfMovie.response.status).toBe(200);
    const download = await get(artist, `/movies/originals/preview-files/${movie}/download`);
    expect(download.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9_]+_v1-2\.mp4"$/,
    );
    const pictureDownload = await get(
      artist,
      `/pictures/originals/preview-files/${still}/download`,
    );
    expect(pictureDownload.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9_]+_v1\.png"$/,
    );
  });

  it('shows the main preview of a shared entity to people outside the project, not its movie', async () => {
    const { movie, entityId } = await publishedMovie();
    const stranger = await loginAs(server, 'user');
    const thumbnail = `/pictures/thumbnails/preview-files/${movie}.png`;
    expect((await get(stranger, thumbnail)).response.status).toBe(403);
    // The production shares the entity, with this movie as its main preview.
    server.context.db
      .prepare('UPDATE entity SET is_shared = 1, preview_file_id = ? WHERE id = ?')
      .run(movie, entityId);
    expect((await get(stranger, thumbnail)).response.status).toBe(200);
    const square = `/pictures/thumbnails-square/preview-files/${movie}.png`;
    expect((await get(stranger, square)).response.status).toBe(200);
    expect(
      (await get(stranger, `/movies/originals/preview-files/${movie}.mp4`)).response.status,
    ).toBe(403);
  });

  it('refuses people outside the project, and answers 404 for what is not there', async () => {
    const { movie } = await publishedMovie();
    const stranger = await loginAs(server, 'user');
    const refused = await get(stranger, `/movies/originals/preview-files/${movie}.mp4`);
    expect(refused.response.status).toBe(403);
    const { artist } = await publishedMovie();
    const missing = await get(
      artist,
      `/movies/originals/preview-files/${'0'.repeat(8)}-0000-4000-8000-000000000000.mp4`,
    );
    expect(missing.response.status).toBe(404);
    const notUuid = await get(artist, '/pictures/thumbnails/preview-files/..%2f..%2fkitsu.db.png');
    expect(notUuid.response.status).toBe(404);
  });
});
