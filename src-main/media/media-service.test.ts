import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KitsuClient } from '../kitsu/kitsu-client';
import { PreviewFixtures } from '../publish/test-support/preview-fixtures';
import { publishPreviewFile } from '../test-support/publish-preview';
import { startOutboxStudio, type OutboxStudio } from '../sync/test-support/outbox-studio';
import { MediaService, type MediaAnswer } from './media-service';

// Main's media cache against a real src-server: previews are fetched once with the person's
// token, answered with Range, and still answered offline once cached.

let studio: OutboxStudio;
const files = new PreviewFixtures();
let online = true;
let media: MediaService;
let still: string;
let movie: string;
/** Every URL the media service fetched from Kitsu. */
const fetched: string[] = [];

async function publish(path: string): Promise<string> {
  const [taskId] = await studio.tasksIn('todo');
  return publishPreviewFile(studio.jordan, taskId!, path);
}

beforeAll(async () => {
  studio = await startOutboxStudio();
  still = await publish(await files.png('still.png', 640, 360));
  movie = await publish(await files.movie('clip.mp4', 1));
  const client = new KitsuClient({
    apiUrl: studio.apiUrl,
    tokens: { accessToken: studio.jordan.token, refreshToken: null },
    fetch: (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    },
  });
  const mediaDir = join(mkdtempSync(join(tmpdir(), 'shotdesk-media-')), 'media');
  media = new MediaService({
    owner: () => ({ client: async () => client, online: () => online, mediaDir }),
    maxBytes: async () => 512 * 1024 * 1024,
  });
}, 120_000);

afterAll(async () => {
  await studio?.close();
  files.remove();
});

const body = async (answer: MediaAnswer) => (answer.body ? buffer(answer.body) : Buffer.alloc(0));

const fromServer = async (path: string) =>
  Buffer.from(
    await (
      await fetch(`${studio.server.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${studio.jordan.token}` },
      })
    ).arrayBuffer(),
  );

describe('MediaService', () => {
  it('answers a thumbnail and a movie as the server has them, a range as asked', async () => {
    const thumbnail = await media.answer(`/thumbnail/${still}`, undefined);
    expect(thumbnail).toMatchObject({ status: 200, headers: { 'Content-Type': 'image/png' } });
    expect(
      (await body(thumbnail)).equals(
        await fromServer(`/pictures/thumbnails/preview-files/${still}.png`),
      ),
    ).toBe(true);

    const whole = await fromServer(`/movies/originals/preview-files/${movie}.mp4`);
    const part = await media.answer(`/movie/${movie}`, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers['Content-Range']).toBe(`bytes 100-199/${whole.length}`);
    expect((await body(part)).equals(whole.subarray(100, 200))).toBe(true);
    expect((await media.answer(`/movie/${movie}`, `bytes=${whole.length}-`)).status).toBe(416);
  });

  it('fetches a file once however many ask at the same time', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => media.answer(`/picture/${still}`, undefined)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(answers.map(body));
    const picture = `/pictures/previews/preview-files/${still}.png`;
    expect(fetched.filter((url) => url.endsWith(picture))).toHaveLength(1);
    await body(await media.answer(`/picture/${still}`, undefined));
    expect(fetched.filter((url) => url.endsWith(picture))).toHaveLength(1);
  });

  it('offline: what is cached still plays; the rest says it waits for the server', async () => {
    online = false;
    try {
      const cached = await media.answer(`/movie/${movie}`, 'bytes=0-9');
      expect(cached.status).toBe(206);
      const missing = await media.answer(`/movie-low/${movie}`, undefined);
      expect(missing.status).toBe(503);
      expect((await body(missing)).toString()).toMatch(/plays once the server is back/);
    } finally {
      online = true;
    }
  });

  it('refuses what is not a media address, and says when the server has no such preview', async () => {
    expect((await media.answer('/../../etc/passwd', undefined)).status).toBe(400);
    expect((await media.answer(`/thumbnail/${still}/../x`, undefined)).status).toBe(400);
    const unknown = await media.answer(
      '/thumbnail/00000000-0000-4000-8000-000000000000',
      undefined,
    );
    expect(unknown.status).toBe(404);
  });
});
