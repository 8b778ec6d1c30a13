import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsNamed } from '../crud/crud-test-kit';
import type { TestServer } from '../test-support/test-server';
import { attachmentPath } from './attachment-store';
import {
  addProduction,
  loginAs,
  postForm,
  row,
  rows,
  startCommentServer,
  statusOf,
} from './comment-test-kit';

let server: TestServer;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  server = await startCommentServer({ maxAttachmentBytes: LIMIT });
});
afterAll(() => server.close());

function redSquare(): Promise<Buffer> {
  return sharp({
    create: { width: 300, height: 300, channels: 3, background: { r: 255, g: 0, b: 0 } },
  })
    .png()
    .toBuffer();
}

function storedFiles(): string[] {
  const root = join(server.context.dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function download(token: string, path: string) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('comments with attachments (multipart)', () => {
  it('stores every file part and decodes JSON-encoded checklist and links', async () => {
    const { artist, otherArtist, vendor, taskId } = await addProduction(server);
    const png = await redSquare();
    const form = new FormData();
    form.append('task_status_id', statusOf(server, 'wfa'));
    form.append('comment', 'Two files');
    form.append('checklist', JSON.stringify([{ text: 'Look', checked: true }]));
    form.append('links', '');
    form.append('for_client', 'False');
    form.append('file', new Blob([png], { type: 'image/png' }), 'Red Square.PNG');
    form.append('file-1', new Blob(['hello notes'], { type: 'text/plain' }), 'notes.txt');

    const response = await postForm(server, artist.token, `/actions/tasks/${taskId}/comment`, form);

    expect(response.status).toBe(201);
    expect(response.body.checklist).toEqual([{ text: 'Look', checked: true }]);
    expect(response.body.links).toEqual([]);
    const [picture, notes] = response.body.attachment_files;
    expect(picture).toEqual({
      id: expect.any(String),
      name: 'Red Square.PNG',
      extension: 'png',
      size: png.length,
    });
    expect(notes).toMatchObject({ name: 'notes.txt', extension: 'txt', size: 11 });
    const stored = row(server, 'SELECT * FROM attachment_file WHERE id = ?', notes.id);
    expect(stored).toMatchObject({ comment_id: response.body.id, mimetype: 'text/plain' });
    expect(storedFiles()).toHaveLength(2);

    const listed = await artist.get(`/data/tasks/${taskId}/comments`);
    expect(listed.body[0].attachment_files).toEqual([
      { ...picture, reply_id: null },
      { ...notes, reply_id: null },
    ]);

    // Any team member with task access downloads; images inline, other types as downloads.
    const text = await download(otherArtist.token, `/data/attachment-files/${notes.id}/file/x`);
    expect(text.response.status).toBe(200);
    expect(text.bytes.toString()).toBe('hello notes');
    expect(text.response.headers.get('content-disposition')).toBe(
      'attachment; filename="notes.txt"',
    );
    const image = await download(artist.token, `/data/attachment-files/${picture.id}/file/y.png`);
    expect(image.response.headers.get('content-type')).toBe('image/png');
    expect(image.response.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(image.bytes.equals(png)).toBe(true);
    const ranged = await fetch(`${server.baseUrl}/data/attachment-files/${notes.id}/file/x`, {
      headers: { Authorization: `Bearer ${artist.token}`, Range: 'bytes=0-4' },
    });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('hello');
    expect(
      (await download(vendor.token, `/data/attachment-files/${notes.id}/file/x`)).response.status,
    ).toBe(403);

    const thumbnail = await download(
      artist.token,
      `/pictures/thumbnails/attachment-files/${picture.id}.png`,
    );
    expect(thumbnail.response.status).toBe(200);
    expect(thumbnail.response.headers.get('content-type')).toBe('image/png');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ width: 150, height: 100 });
    const noThumbnail = await download(
      artist.token,
      `/pictures/thumbnails/attachment-files/${notes.id}.png`,
    );
    expect(noThumbnail.response.status).toBe(404);
  });

  it('refuses an oversized file with 413 and writes nothing', async () => {
    const { artist, taskId } = await addProduction(server);
    const before = storedFiles().length;
    const eventsBefore = eventsNamed(server, 'comment:new').length;
    const form = new FormData();
    form.append('task_status_id', statusOf(server, 'wip'));
    form.append('file', new Blob(['small']), 'small.txt');
    form.append('file-1', new Blob([Buffer.alloc(LIMIT + 1, 1)]), 'big.bin');

    const response = await postForm(server, artist.token, `/actions/tasks/${taskId}/comment`, form);

    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error: true,
      message: 'The data value transmitted exceeds the capacity limit.',
    });
    expect(rows(server, 'SELECT id FROM comment WHERE object_id = ?', taskId)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
    expect(eventsNamed(server, 'comment:new')).toHaveLength(eventsBefore);
  });

  it('keeps nothing of the upload when the comment is refused', async () => {
    const { taskId } = await addProduction(server);
    const outsider = await loginAs(server, 'user');
    const before = storedFiles().length;
    const form = new FormData();
    form.append('task_status_id', statusOf(server, 'wip'));
    form.append('file', new Blob(['data']), 'data.txt');
    const response = await postForm(
      server,
      outsider.token,
      `/actions/tasks/${taskId}/comment`,
      form,
    );
    expect(response.status).toBe(403);
    expect(storedFiles()).toHaveLength(before);
    expect(rows(server, 'SELECT id FROM attachment_file WHERE name = ?', 'data.txt')).toEqual([]);
  });

  it('stores a file by its id, whatever name the client sends', async () => {
    const { artist, taskId } = await addProduction(server);
    const form = new FormData();
    form.append('task_status_id', statusOf(server, 'wip'));
    form.append('file', new Blob(['sneaky']), '../../../escape.txt');
    const response = await postForm(server, artist.token, `/actions/tasks/${taskId}/comment`, form);
    expect(response.status).toBe(201);
    const [attachment] = response.body.attachment_files;
    // The multipart reader keeps the base name only (browsers never send more).
    expect(attachment.name).toBe('escape.txt');
    const path = attachmentPath(server.context.dataDir, attachment.id);
    expect(path.startsWith(join(server.context.dataDir, 'attachments'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(existsSync(join(server.context.dataDir, '..', 'escape.txt'))).toBe(false);
    expect(() => attachmentPath(server.context.dataDir, '../../etc/passwd')).toThrow();
  });

  it('validates multipart fields like JSON ones', async () => {
    const { artist, taskId } = await addProduction(server);
    const form = new FormData();
    form.append('task_status_id', statusOf(server, 'wip'));
    form.append('links', 'https://not-json.example');
    const response = await postForm(server, artist.token, `/actions/tasks/${taskId}/comment`, form);
    expect(response.status).toBe(400);
    expect(response.body.data.errors[0].field).toBe('links');
  });

  it('adds files to an existing comment and deletes them (author or manager)', async () => {
    const { artist, otherArtist, manager, taskId } = await addProduction(server);
    const posted = await artist.post(`/actions/tasks/${taskId}/comment`, {
      task_status_id: statusOf(server, 'wip'),
    });
    const form = new FormData();
    form.append('file', new Blob(['more']), 'more.txt');
    const path = `/actions/tasks/${taskId}/comments/${posted.body.id}/add-attachment`;
    const refused = await postForm(server, otherArtist.token, path, form);
    expect(refused.status).toBe(403);
    const added = await postForm(server, artist.token, path, form);
    expect(added.status).toBe(201);
    expect(added.body).toEqual([
      { id: expect.any(String), name: 'more.txt', extension: 'txt', size: 4 },
    ]);
    const deletePath = `/data/tasks/${taskId}/comments/${posted.body.id}/attachments/${added.body[0].id}`;
    const storedPath = attachmentPath(server.context.dataDir, added.body[0].id);
    expect(existsSync(storedPath)).toBe(true);
    expect((await otherArtist.delete(deletePath)).status).toBe(403);
    expect((await manager.delete(deletePath)).status).toBe(204);
    expect(row(server, 'SELECT id FROM attachment_file WHERE id = ?', added.body[0].id)).toBe(
      undefined,
    );
    expect(existsSync(storedPath)).toBe(false);
  });
});
