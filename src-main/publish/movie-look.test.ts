import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookAtMovie } from './movie-look';

let dir: string;
let movie: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-movie-look-'));
  movie = join(dir, 'sh010_anim_v003.mov');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi',
    '-i', 'testsrc=s=640x360:r=24000/1001', '-t', '2', '-pix_fmt', 'yuv420p', '-y', movie,
  ]); // prettier-ignore
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a movie about to be published', () => {
  it('says its size, rate and length, with a frame of it', async () => {
    const look = await lookAtMovie(movie);
    expect(look.facts).toMatchObject({ width: 640, height: 360 });
    expect(look.facts!.fps).toBeCloseTo(23.976, 3);
    expect(look.facts!.durationSeconds).toBeCloseTo(2, 1);
    const png = Buffer.from(look.thumbnail!.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Fitted in 160×90, the movie's 16:9 fills it.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([160, 90]);
  });

  it('says nothing, without failing, where the tools are missing or the file is no movie', async () => {
    const missing = { ffmpeg: join(dir, 'no-ffmpeg'), ffprobe: join(dir, 'no-ffprobe') };
    expect(await lookAtMovie(movie, missing)).toEqual({ facts: null, thumbnail: null });
    const notAMovie = join(dir, 'notes.mp4');
    writeFileSync(notAMovie, 'not a movie at all');
    expect(await lookAtMovie(notAMovie)).toEqual({ facts: null, thumbnail: null });
  });
});
