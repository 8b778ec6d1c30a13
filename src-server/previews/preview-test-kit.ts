import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { ApiResponse } from '../crud/crud-test-kit';
import { statusOf, type Member } from '../comments/comment-test-kit';
import type { TestServer } from '../test-support/test-server';
import { previewsRoot } from './preview-storage';

// Fixtures for the preview suites: comments with preview rows, uploads as gazu sends them,
// pictures made with sharp and movies made with ffmpeg's lavfi sources, in a temp dir.

const run = promisify(execFile);

export async function postComment(
  server: TestServer,
  member: Member,
  taskId: string,
): Promise<string> {
  const response = await member.post(`/actions/tasks/${taskId}/comment`, {
    task_status_id: statusOf(server, 'wfa'),
    comment: 'Here is my work',
  });
  if (response.status !== 201) throw new Error(`comment: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export function addPreview(
  member: Member,
  taskId: string,
  commentId: string,
  body: Record<string, unknown> = {},
): Promise<ApiResponse> {
  return member.post(`/actions/tasks/${taskId}/comments/${commentId}/add-preview`, body);
}

/** A comment with one preview row waiting for its file; answers the row's id. */
export async function waitingPreview(
  server: TestServer,
  member: Member,
  taskId: string,
): Promise<string> {
  const commentId = await postComment(server, member, taskId);
  const response = await addPreview(member, taskId, commentId);
  if (response.status !== 201) throw new Error(`add-preview: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** `POST /pictures/preview-files/{id}` with a multipart `file`, as gazu uploads. */
export async function uploadPreview(
  server: TestServer,
  token: string,
  previewId: string,
  bytes: Uint8Array,
  filename: string,
  query = '',
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  const response = await fetch(`${server.baseUrl}/pictures/preview-files/${previewId}${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : JSON.parse(text) };
}

export function picture(format: 'png' | 'jpeg', width: number, height: number): Promise<Buffer> {
  const image = sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } },
  });
  return (format === 'png' ? image.png() : image.jpeg()).toBuffer();
}

export interface MovieSpec {
  width: number;
  height: number;
  rate: number;
  seconds: number;
  withAudio: boolean;
  /** false leaves the moov atom at the end, as cameras write it. */
  faststart?: boolean;
}

/** A test-pattern movie written by ffmpeg into `dir`; answers its path. */
export async function makeMovie(dir: string, name: string, spec: MovieSpec): Promise<string> {
  const path = join(dir, name);
  const video = `testsrc=size=${spec.width}x${spec.height}:rate=${spec.rate}`;
  const audio = spec.withAudio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'] : [];
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', video, ...audio],
    ...['-t', String(spec.seconds), '-pix_fmt', 'yuv420p'],
    ...(spec.faststart ? ['-movflags', '+faststart'] : []),
    path,
  ]);
  return path;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
}

export async function probeStreams(path: string): Promise<ProbedStream[]> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    path,
  ]);
  return (JSON.parse(stdout) as { streams: ProbedStream[] }).streams;
}

/** The top-level MP4 boxes in file order (`ftyp`, `moov`, `mdat`…). */
export function topLevelBoxes(path: string): string[] {
  const bytes = readFileSync(path);
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(bytes.readBigUInt64BE(offset + 8));
    if (size === 0) size = bytes.length - offset;
    boxes.push(type);
    offset += size;
  }
  return boxes;
}

/** Every file under the previews folder (relative), staging included. */
export function storedPreviewFiles(server: TestServer): string[] {
  const root = previewsRoot(server.context.dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

export function stagedFiles(server: TestServer): string[] {
  return storedPreviewFiles(server).filter((path) => path.startsWith('staging'));
}

// Tests read stored rows loosely, as they read JSON bodies.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function previewRow(server: TestServer, id: string): any {
  const row = server.context.db.prepare('SELECT * FROM preview_file WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  return row && { ...row, data: row.data ? JSON.parse(String(row.data)) : null };
}

/**
 * Resolves once the preview has left `processing`, on the server's own event (the job's
 * `preview-file:update`), never by polling.
 */
export function whenProcessed(server: TestServer, previewId: string): Promise<string> {
  const statusNow = () => String(previewRow(server, previewId)?.status ?? 'deleted');
  return new Promise((resolve) => {
    const done = (status: string) => {
      unsubscribe();
      resolve(status);
    };
    const unsubscribe = server.context.events.subscribe((event) => {
      if (event.name !== 'preview-file:update' || event.data.preview_file_id !== previewId) return;
      if (statusNow() !== 'processing') done(statusNow());
    });
    if (statusNow() !== 'processing') done(statusNow());
  });
}
