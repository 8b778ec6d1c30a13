import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MediaSource } from './media-service';
import { answerMediaWebRequest } from './media-web-request';

// What Electron's `shotdesk-media://` handler answers, with a media source that records what
// it was asked and serves four bytes of a movie.
function recordingSource() {
  const asked: { path: string; range: string | null | undefined }[] = [];
  let destroyed = 0;
  const media: MediaSource = {
    answer: async (path, range) => {
      asked.push({ path, range });
      const body = Readable.from([Buffer.from('abcd')]);
      body.on('close', () => (destroyed += 1));
      return {
        status: 206,
        headers: { 'Content-Type': 'video/mp4', 'Content-Range': 'bytes 0-3/10' },
        body,
      };
    },
  };
  return { media, asked, destroyed: () => destroyed };
}

const ID = '00000000-0000-4000-8000-000000000000';

describe('a shotdesk-media request', () => {
  it('is answered from the media source with its range, status and headers', async () => {
    const { media, asked } = recordingSource();
    const response = await answerMediaWebRequest(
      media,
      'media',
      new Request(`shotdesk-media://media/movie/${ID}`, { headers: { Range: 'bytes=0-3' } }),
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-3/10');
    expect(await response.text()).toBe('abcd');
    expect(asked).toEqual([{ path: `/movie/${ID}`, range: 'bytes=0-3' }]);
  });

  it('answers a HEAD without bytes, and lets the file go', async () => {
    const { media, destroyed } = recordingSource();
    const response = await answerMediaWebRequest(
      media,
      'media',
      new Request(`shotdesk-media://media/movie/${ID}`, { method: 'HEAD' }),
    );
    expect(response.status).toBe(206);
    expect(response.body).toBeNull();
    await expect.poll(destroyed).toBe(1);
  });

  it('refuses another host or a write, without asking the source', async () => {
    const { media, asked } = recordingSource();
    const elsewhere = await answerMediaWebRequest(
      media,
      'media',
      new Request(`shotdesk-media://other/movie/${ID}`),
    );
    const write = await answerMediaWebRequest(
      media,
      'media',
      new Request(`shotdesk-media://media/movie/${ID}`, { method: 'POST', body: 'x' }),
    );
    expect([elsewhere.status, write.status]).toEqual([404, 404]);
    expect(asked).toEqual([]);
  });
});
