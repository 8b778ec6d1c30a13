import { watch, mkdirSync, type FSWatcher } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduction, loginAs, row } from '../comments/comment-test-kit';
import { eventsNamed } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import { startTestServer } from '../test-support/test-server';
import { previewPath, previewsRoot } from './preview-storage';
import {
  picture,
  postComment,
  addPreview,
  previewRow,
  stagedFiles,
  storedPreviewFiles,
  uploadPreview,
  waitingPreview,
} from './preview-test-kit';

const LIMIT = 256 * 1024;
const BAD_REQUEST_TEXT =
  'The browser (or proxy) sent a request that this server could not understand.';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxPreviewBytes: LIMIT });
});
afterAll(() => server.close());

async function sizeOf(path: string): Promise<[number, number]> {
  const meta = await sharp(path).metadata();
  return [meta.width, meta.height];
}

function filesOf(previewId: string): string[] {
  return storedPreviewFiles(server).filter((path) => path.includes(previewId));
}

describe('POST /pictures/preview-files/{id}: stills', () => {
  it('turns a PNG into its four variants and makes it the task and entity preview', async () => {
    const { artist, taskId, entityId, projectId } = await addProduction(server, {
      is_set_preview_automated: true,
    });
    const commentId = await postComment(server, artist, taskId);
    const previewId = (await addPreview(artist, taskId, commentId)).body.id as string;
    const png = await picture('png', 640, 480);

    const response = await uploadPreview(server, artist.token, previewId, png, 'Shot 010.v2.png');

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: previewId,
      type: 'PreviewFile',
      extension: 'png',
      original_name: 'Shot 010.v2',
      width: 640,
      height: 480,
      status: 'ready',
    });
    expect(response.body).not.toHaveProperty('comments');
    const dataDir = server.context.dataDir;
    const original = previewPath(dataDir, 'original', previewId, 'png');
    expect(await sizeOf(original)).toEqual([640, 480]);
    expect(await sizeOf(previewPath(dataDir, 'thumbnails', previewId, 'png'))).toEqual([150, 100]);
    expect(await sizeOf(previewPath(dataDir, 'thumbnails-square', previewId, 'png'))).toEqual([
      100, 100,
    ]);
    expect(await sizeOf(previewPath(dataDir, 'previews', previewId, 'png'))).toEqual([1200, 900]);
    expect(response.body.file_size).toBeGreaterThan(0);
    expect(stagedFiles(server)).toEqual([]);

    expect(row(server, 'SELECT last_preview_file_id FROM task WHERE id = ?', taskId)).toEqual({
      last_preview_file_id: previewId,
    });
    expect(row(server, 'SELECT preview_file_id FROM entity WHERE id = ?', entityId)).toEqual({
      preview_file_id: previewId,
    });
    expect(eventsNamed(server, 'preview-file:add-file').at(-1)?.data).toEqual({
      comment_id: commentId,
      task_id: taskId,
      preview_file_id: previewId,
      revision: 1,
      extension: 'png',
      status: 'ready',
      project_id: projectId,
    });
    expect(eventsNamed(server, 'preview-file:update').at(-1)?.data).toMatchObject({
      preview_file_id: previewId,
    });
    expect(eventsNamed(server, 'preview-file:set-main').at(-1)?.data).toMatchObject({
      entity_id: entityId,
      preview_file_id: previewId,
    });
    expect(eventsNamed(server, 'asset:update').at(-1)?.data).toMatchObject({ asset_id: entityId });
  });

  it('reads a JPG the same way, stored as PNG', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);

    const response = await uploadPreview(
      server,
      artist.token,
      previewId,
      await picture('jpeg', 300, 600),
      'board.JPG',
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ extension: 'png', width: 300, height: 600 });
    const preview = previewPath(server.context.dataDir, 'previews', previewId, 'png');
    expect(await sizeOf(preview)).toEqual([1200, 2400]);
    expect((await sharp(preview).metadata()).format).toBe('png');
  });

  it('refuses a file that is not the picture it claims, keeping the row uploadable', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);

    const bad = await uploadPreview(server, artist.token, previewId, Buffer.from('nope'), 'a.png');
    const good = await uploadPreview(
      server,
      artist.token,
      previewId,
      await picture('png', 20, 20),
      'a.png',
    );

    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^The uploaded picture could not be read/);
    expect(good.status).toBe(201);
    expect(stagedFiles(server)).toEqual([]);
  });
});

describe('POST /pictures/preview-files/{id}: other formats', () => {
  it('stores a PDF as it is, ready at once, without touching the task preview', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);
    const pdf = Buffer.from('%PDF-1.4\n% a small document\n');

    const response = await uploadPreview(server, artist.token, previewId, pdf, 'notes.pdf');

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      extension: 'pdf',
      original_name: 'notes',
      status: 'ready',
      file_size: pdf.length,
    });
    const stored = previewPath(server.context.dataDir, 'files', previewId, 'pdf');
    expect(filesOf(previewId)).toEqual([
      stored.slice(previewsRoot(server.context.dataDir).length + 1),
    ]);
    expect(row(server, 'SELECT last_preview_file_id FROM task WHERE id = ?', taskId)).toEqual({
      last_preview_file_id: null,
    });
  });

  it('refuses an unknown extension and deletes the row, writing nothing', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);

    const response = await uploadPreview(
      server,
      artist.token,
      previewId,
      Buffer.from('MZ fake program'),
      'setup.exe',
    );

    expect(response).toEqual({
      status: 400,
      body: { error: true, message: 'Wrong file format, extension: exe', data: null },
    });
    expect(previewRow(server, previewId)).toBeUndefined();
    expect((await artist.get(`/data/preview-files/${previewId}`)).status).toBe(404);
    expect(filesOf(previewId)).toEqual([]);
    expect(stagedFiles(server)).toEqual([]);
  });

  it('answers "File not provided." without a `file` part', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);
    const form = new FormData();
    form.append('other', new Blob(['x']), 'other.png');
    form.append('file', 'not a file part');

    const multipart = await fetch(`${server.baseUrl}/pictures/preview-files/${previewId}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${artist.token}` },
      body: form,
    });
    const json = await artist.post(`/pictures/preview-files/${previewId}`, { file: 'x' });

    const expected = { error: true, message: 'File not provided.', data: null };
    expect([multipart.status, await multipart.json()]).toEqual([400, expected]);
    expect([json.status, json.body]).toEqual([400, expected]);
    expect(previewRow(server, previewId).original_name).toBeNull();
    expect(stagedFiles(server)).toEqual([]);
  });
});

describe('POST /pictures/preview-files/{id}: rules', () => {
  it('lets a row made earlier receive its file later, and only once', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);

    const before = await artist.get(`/data/preview-files/${previewId}`);
    const first = await uploadPreview(
      server,
      artist.token,
      previewId,
      await picture('png', 64, 64),
      'x.png',
    );
    const after = await artist.get(`/data/preview-files/${previewId}`);
    const again = await uploadPreview(
      server,
      artist.token,
      previewId,
      await picture('png', 64, 64),
      'y.png',
    );

    expect(before.body).toMatchObject({ original_name: null, status: 'processing' });
    expect(first.status).toBe(201);
    expect(after.body).toMatchObject({ original_name: 'x', status: 'ready' });
    expect(again).toEqual({ status: 400, body: { error: true, message: BAD_REQUEST_TEXT } });
    expect(previewRow(server, previewId).original_name).toBe('x');
  });

  it('refuses a caller without task-action access before reading the upload', async () => {
    const { artist, taskId } = await addProduction(server);
    const outsider = await loginAs(server, 'user');
    const previewId = await waitingPreview(server, artist, taskId);

    const response = await uploadPreview(
      server,
      outsider.token,
      previewId,
      await picture('png', 32, 32),
      'x.png',
    );

    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: true,
      message:
        "You don't have the permission to access the requested resource. It is either " +
        'read-protected or not readable by the server.',
    });
    expect(previewRow(server, previewId)).toMatchObject({
      original_name: null,
      status: 'processing',
    });
    expect(filesOf(previewId)).toEqual([]);
  });

  it('answers 404 for an unknown preview', async () => {
    const { artist } = await addProduction(server);
    const png = await picture('png', 8, 8);
    expect(
      (await uploadPreview(server, artist.token, crypto.randomUUID(), png, 'a.png')).status,
    ).toBe(404);
    expect((await uploadPreview(server, artist.token, 'nope', png, 'a.png')).status).toBe(404);
  });

  it('refuses a file over the size limit with 413, leaving nothing and the row uploadable', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);

    const response = await uploadPreview(
      server,
      artist.token,
      previewId,
      Buffer.alloc(LIMIT + 1, 7),
      'big.zip',
    );

    expect(response).toEqual({
      status: 413,
      body: { error: true, message: 'The data value transmitted exceeds the capacity limit.' },
    });
    expect(stagedFiles(server)).toEqual([]);
    expect(previewRow(server, previewId)).toMatchObject({
      original_name: null,
      status: 'processing',
    });
    const retry = await uploadPreview(
      server,
      artist.token,
      previewId,
      Buffer.alloc(LIMIT, 7),
      'big.zip',
    );
    expect(retry.status).toBe(201);
  });

  it('leaves no staged file when the client goes away mid-upload; the row stays uploadable', async () => {
    const { artist, taskId } = await addProduction(server);
    const previewId = await waitingPreview(server, artist, taskId);
    const staging = join(previewsRoot(server.context.dataDir), 'staging');
    mkdirSync(staging, { recursive: true });
    const changes = stagingChanges(staging);
    try {
      const upload = startUpload(server, artist.token, previewId, 'cut.zip');
      upload.write(Buffer.alloc(64 * 1024, 1));
      await changes.until(() => stagedFiles(server).length === 1);
      // While one upload streams, another to the same row is a re-upload.
      const concurrent = await uploadPreview(
        server,
        artist.token,
        previewId,
        Buffer.from('PK'),
        'x.zip',
      );
      expect(concurrent).toEqual({
        status: 400,
        body: { error: true, message: BAD_REQUEST_TEXT },
      });
      upload.abort();
      await changes.until(() => stagedFiles(server).length === 0);
    } finally {
      changes.close();
    }

    expect(previewRow(server, previewId)).toMatchObject({
      original_name: null,
      status: 'processing',
    });
    const retry = await uploadPreview(
      server,
      artist.token,
      previewId,
      Buffer.from('PK'),
      'cut.zip',
    );
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ extension: 'zip', original_name: 'cut', file_size: 2 });
  });
});

/** A multipart upload whose bytes the test sends piece by piece, or abandons. */
function startUpload(server: TestServer, token: string, previewId: string, filename: string) {
  const boundary = 'shotdeskboundary';
  const url = new URL(`${server.baseUrl}/pictures/preview-files/${previewId}`);
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(10 * 1024 * 1024),
    },
  });
  request.on('error', () => undefined);
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    write: (bytes: Buffer) => request.write(bytes),
    abort: () => request.destroy(),
  };
}

/** Resolves conditions on the staging folder as inotify reports changes there. */
function stagingChanges(folder: string) {
  const waiters = new Set<{ check: () => boolean; resolve: () => void }>();
  const watcher: FSWatcher = watch(folder, () => {
    for (const waiter of waiters) {
      if (waiter.check()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  });
  return {
    until(check: () => boolean): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ check, resolve }));
    },
    close: () => watcher.close(),
  };
}
