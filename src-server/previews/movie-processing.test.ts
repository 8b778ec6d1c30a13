import {
  chmodSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../app';
import { addProduction, row } from '../comments/comment-test-kit';
import { eventsNamed } from '../crud/crud-test-kit';
import type { ServerSettings } from '../context';
import { listenOnFreePort, startTestServer, type TestServer } from '../test-support/test-server';
import { movieJobsOf, type ToolSpawn } from './movie-jobs';
import { previewPath } from './preview-storage';
import {
  makeMovie,
  picture,
  previewRow,
  probeStreams,
  stagedFiles,
  topLevelBoxes,
  uploadPreview,
  waitingPreview,
  whenProcessed,
} from './preview-test-kit';

// Small projects keep encoding quick on two cores; the rules are the same at 1080p.
const PROJECT = { resolution: '640x360', fps: '24' };

let fixtures: string;
let server: TestServer;

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'shotdesk-movies-'));
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  rmSync(fixtures, { recursive: true, force: true });
});

async function uploadMovie(target: TestServer, path: string, name: string, query = '') {
  const { artist, taskId } = await addProduction(target, PROJECT);
  const previewId = await waitingPreview(target, artist, taskId);
  const bytes = await readFile(path);
  const response = await uploadPreview(target, artist.token, previewId, bytes, name, query);
  return { response, previewId, taskId, artist };
}

/** A stand-in ffmpeg that never finishes, to hold a job while the test acts. */
function stuckFfmpeg(): string {
  const path = join(fixtures, 'stuck-ffmpeg.sh');
  writeFileSync(path, '#!/bin/sh\nexec sleep 600\n');
  chmodSync(path, 0o755);
  return path;
}

function nextSpawn(target: TestServer, tool: ToolSpawn['tool']): Promise<ToolSpawn> {
  const jobs = movieJobsOf(target.context);
  if (!jobs) throw new Error('no movie jobs on this server');
  return new Promise((resolve) => {
    const stop = jobs.onToolSpawn((spawned) => {
      if (spawned.tool !== tool) return;
      stop();
      resolve(spawned);
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('movie uploads', () => {
  it('normalizes an MP4 off the request: H.264 yuv420p, faststart, project fps and size', async () => {
    const source = await makeMovie(fixtures, 'silent.mp4', {
      width: 320,
      height: 240,
      rate: 30,
      seconds: 1,
      withAudio: false,
    });
    const { response, previewId, taskId } = await uploadMovie(server, source, 'shot.mp4');

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: previewId,
      extension: 'mp4',
      original_name: 'shot',
      status: 'processing',
    });
    expect(eventsNamed(server, 'preview-file:add-file').at(-1)?.data).toMatchObject({
      preview_file_id: previewId,
      extension: 'mp4',
      status: 'processing',
    });

    expect(await whenProcessed(server, previewId)).toBe('ready');
    const dataDir = server.context.dataDir;
    const movie = previewPath(dataDir, 'movie-previews', previewId, 'mp4');
    const lowdef = previewPath(dataDir, 'movie-lowdef', previewId, 'mp4');
    const [video, audio] = await probeStreams(movie);
    expect(video).toMatchObject({
      codec_name: 'h264',
      pix_fmt: 'yuv420p',
      width: 640,
      height: 360,
      r_frame_rate: '24/1',
      avg_frame_rate: '24/1',
    });
    // A silent soundtrack is added, as Zou does, so that every preview has one.
    expect(audio).toMatchObject({ codec_type: 'audio', codec_name: 'aac' });
    expect(topLevelBoxes(movie).indexOf('moov')).toBeLessThan(topLevelBoxes(movie).indexOf('mdat'));
    expect((await probeStreams(lowdef))[0]).toMatchObject({ codec_name: 'h264', width: 640 });
    expect(existsSync(previewPath(dataDir, 'movie-source', previewId, 'mp4'))).toBe(true);
    const tile = await sharp(previewPath(dataDir, 'tiles', previewId, 'png')).metadata();
    expect([tile.width, tile.height]).toEqual([8 * 178, 3 * 100]);
    const thumbnail = await sharp(previewPath(dataDir, 'thumbnails', previewId, 'png')).metadata();
    expect([thumbnail.width, thumbnail.height]).toEqual([150, 100]);

    expect(previewRow(server, previewId)).toMatchObject({
      status: 'ready',
      width: 640,
      height: 360,
      file_size: statSync(movie).size,
      data: {
        original_width: 320,
        original_height: 240,
        original_duration: 1,
        original_file_size: statSync(source).size,
      },
    });
    expect(previewRow(server, previewId).duration).toBeCloseTo(1, 1);
    expect(row(server, 'SELECT last_preview_file_id FROM task WHERE id = ?', taskId)).toEqual({
      last_preview_file_id: previewId,
    });
    expect(stagedFiles(server)).toEqual([]);
  });

  it('keeps the sound of a MOV and fits a portrait frame inside the project frame', async () => {
    const source = await makeMovie(fixtures, 'portrait.mov', {
      width: 240,
      height: 320,
      rate: 25,
      seconds: 1,
      withAudio: true,
    });
    const { response, previewId } = await uploadMovie(server, source, 'take.MOV');

    expect(response.status).toBe(201);
    expect(await whenProcessed(server, previewId)).toBe('ready');
    const dataDir = server.context.dataDir;
    expect(existsSync(previewPath(dataDir, 'movie-source', previewId, 'mov'))).toBe(true);
    const movie = previewPath(dataDir, 'movie-previews', previewId, 'mp4');
    const streams = await probeStreams(movie);
    expect(streams.map((stream) => stream.codec_name)).toEqual(['h264', 'aac']);
    expect(streams[0]).toMatchObject({ width: 640, height: 360, r_frame_rate: '24/1' });
    // Pillarboxed: the picture is in the middle, the sides are black.
    const frame = await sharp(previewPath(dataDir, 'original', previewId, 'png'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([frame.info.width, frame.info.height]).toEqual([640, 360]);
    const pixel = (x: number, y: number) => {
      const offset = (y * frame.info.width + x) * frame.info.channels;
      return [...frame.data.subarray(offset, offset + 3)];
    };
    expect(pixel(5, 180).every((value) => value < 20)).toBe(true);
    expect(pixel(320, 180).some((value) => value > 40)).toBe(true);
  });

  it('marks a truncated movie broken, with ffmpeg’s reason', async () => {
    const source = await makeMovie(fixtures, 'cut.mp4', {
      width: 320,
      height: 240,
      rate: 25,
      seconds: 2,
      withAudio: false,
      faststart: false,
    });
    truncateSync(source, Math.floor(statSync(source).size / 2));
    const { response, previewId } = await uploadMovie(server, source, 'cut.mp4');

    expect(response.status).toBe(201);
    expect(await whenProcessed(server, previewId)).toBe('broken');
    const preview = previewRow(server, previewId);
    expect(preview.data.processing_error).toMatch(/^ffprobe failed \(exit code 1\):/);
    expect(preview.data.processing_error).toMatch(/moov atom not found/);
    expect(eventsNamed(server, 'preview-file:update').at(-1)?.data).toMatchObject({
      preview_file_id: previewId,
    });
    expect(stagedFiles(server)).toEqual([]);
    expect(
      existsSync(previewPath(server.context.dataDir, 'movie-previews', previewId, 'mp4')),
    ).toBe(false);
  });

  it('refuses an empty movie and deletes its row, as Zou does', async () => {
    const empty = join(fixtures, 'empty.mp4');
    writeFileSync(empty, '');
    const { response, previewId } = await uploadMovie(server, empty, 'empty.mp4');

    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^Uploaded movie could not be written/);
    expect(previewRow(server, previewId)).toBeUndefined();
  });
});

describe('movie jobs and their tools', () => {
  async function withServer(
    settings: Partial<ServerSettings>,
    use: (s: TestServer) => Promise<void>,
  ) {
    const other = await startTestServer(settings);
    try {
      await use(other);
    } finally {
      await other.close();
    }
  }

  it('marks movies broken with a clear reason where ffmpeg is missing; stills still work', async () => {
    const missing = { ffmpegPath: '/nonexistent/ffmpeg', ffprobePath: '/nonexistent/ffprobe' };
    await withServer(missing, async (noTools) => {
      const source = await makeMovie(fixtures, 'any.mp4', {
        width: 160,
        height: 120,
        rate: 25,
        seconds: 1,
        withAudio: false,
      });
      const { previewId, artist, taskId } = await uploadMovie(noTools, source, 'any.mp4');
      expect(await whenProcessed(noTools, previewId)).toBe('broken');
      expect(previewRow(noTools, previewId).data.processing_error).toBe(
        'ffprobe was not found or cannot run ("/nonexistent/ffprobe"): movies cannot be ' +
          'processed until ffmpeg is installed on PATH or the ffprobePath setting points at it.',
      );

      const stillId = await waitingPreview(noTools, artist, taskId);
      const still = await uploadPreview(
        noTools,
        artist.token,
        stillId,
        await picture('png', 50, 40),
        's.png',
      );
      expect([still.status, still.body.status]).toEqual([201, 'ready']);
    });
  });

  it('stops a job past its timeout and says so', async () => {
    await withServer({ ffmpegPath: stuckFfmpeg(), movieJobTimeoutSeconds: 0.5 }, async (slow) => {
      const source = await makeMovie(fixtures, 'slow.mp4', {
        width: 160,
        height: 120,
        rate: 25,
        seconds: 1,
        withAudio: false,
      });
      const spawned = nextSpawn(slow, 'ffmpeg');
      const { previewId } = await uploadMovie(slow, source, 'slow.mp4');
      const { pid } = await spawned;

      expect(await whenProcessed(slow, previewId)).toBe('broken');
      expect(previewRow(slow, previewId).data.processing_error).toBe(
        'Movie processing took longer than 0.5 s and was stopped.',
      );
      expect(isRunning(pid)).toBe(false);
    });
  });

  it('kills a running ffmpeg on close and takes the movie up again at the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shotdesk-restart-'));
    try {
      const first = await createServer({
        dataDir,
        settings: { bcryptRounds: 4, ffmpegPath: stuckFfmpeg() },
      });
      const firstServer = {
        baseUrl: await listenOnFreePort(first),
        context: first.context,
        server: first,
        close: () => first.close(),
      };
      const source = await makeMovie(fixtures, 'restart.mp4', {
        width: 160,
        height: 120,
        rate: 25,
        seconds: 1,
        withAudio: false,
      });
      const spawned = nextSpawn(firstServer, 'ffmpeg');
      const { previewId } = await uploadMovie(firstServer, source, 'restart.mp4');
      const { pid } = await spawned;
      await first.close();

      expect(isRunning(pid)).toBe(false);

      const second = await createServer({ dataDir, settings: { bcryptRounds: 4 } });
      try {
        const secondServer = {
          baseUrl: '',
          context: second.context,
          server: second,
          close: () => second.close(),
        };
        const processed = whenProcessed(secondServer, previewId);
        secondServer.baseUrl = await listenOnFreePort(second);
        expect(await processed).toBe('ready');
        expect(existsSync(previewPath(dataDir, 'movie-previews', previewId, 'mp4'))).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers once processed with ?normalize=false, keeping the upload as the movie', async () => {
    const source = await makeMovie(fixtures, 'raw.mp4', {
      width: 320,
      height: 240,
      rate: 25,
      seconds: 1,
      withAudio: false,
    });
    const { response, previewId } = await uploadMovie(
      server,
      source,
      'raw.mp4',
      '?normalize=false',
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'ready', width: 320, height: 240 });
    const dataDir = server.context.dataDir;
    expect(existsSync(previewPath(dataDir, 'movie-previews', previewId, 'mp4'))).toBe(false);
    expect(existsSync(previewPath(dataDir, 'thumbnails', previewId, 'png'))).toBe(true);
  });
});
