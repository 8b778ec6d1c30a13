import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addProject,
  eventsNamed,
  insertRow,
  unique,
  type ApiClient,
} from '../crud/crud-test-kit';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { backgroundFilePath, thumbnailPath } from './picture-storage';
import {
  encodeHdr,
  getBytes,
  json,
  picture,
  pixelAt,
  postFile,
  skyHdr,
  storedPictures,
} from './preview-serving-test-kit';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = addPerson(server, 'admin');
});
afterAll(() => server.close());

async function newBackground(): Promise<string> {
  const response = await admin.post('/data/preview-background-files', { name: unique('Sky ') });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

function upload(id: string, bytes: Uint8Array, filename: string, client = admin) {
  return postFile(
    server,
    client.token,
    `/pictures/preview-background-files/${id}`,
    bytes,
    filename,
  );
}

function linkToProject(projectId: string, backgroundId: string): void {
  server.context.db
    .prepare(
      `INSERT INTO project_preview_background_file_link (project_id, preview_background_file_id)
       VALUES (?, ?)`,
    )
    .run(projectId, backgroundId);
}

describe('uploading a preview background file', () => {
  it('keeps the HDR file, makes its thumbnail and fills in the row', async () => {
    const id = await newBackground();
    const hdr = skyHdr(96, 48);
    const response = await upload(id, hdr, 'Studio.Sky.HDR');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id,
      type: 'PreviewBackgroundFile',
      extension: 'hdr',
      original_name: 'Studio.Sky',
      file_size: hdr.length,
    });
    expect(response.body.previews).toBeUndefined();

    const file = await getBytes(
      server,
      admin.token,
      `/pictures/preview-background-files/${id}.hdr`,
    );
    expect(file.status).toBe(200);
    expect(file.bytes.equals(hdr)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/vnd.radiance');
    expect(file.headers.get('content-disposition')).toBe('inline; filename="Studio.Sky.hdr"');
    expect(file.headers.get('cache-control')).toBe('private, max-age=604800');

    // 300×200, the 2:1 sky fitted in the middle with transparent bands above and below.
    const thumbnail = await getBytes(
      server,
      admin.token,
      `/pictures/thumbnails/preview-background-files/${id}.png`,
    );
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(thumbnail.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([300, 200]);
    expect((await pixelAt(thumbnail.bytes, 150, 10))[3]).toBe(0);
    // The sun is past white in red and green (clipped), 60/128 in blue: gamma 2.2 makes it 180.
    const [red, green, blue, alpha] = await pixelAt(thumbnail.bytes, 10, 40);
    expect([red, green, alpha]).toEqual([255, 255, 255]);
    expect(blue).toBeGreaterThan(170);
    expect(blue).toBeLessThan(190);
    const sky = await pixelAt(thumbnail.bytes, 250, 140);
    expect(sky[3]).toBe(255);
    expect(sky[2]).toBeGreaterThan(sky[0] ?? 255);

    const [update] = eventsNamed(server, 'preview-background-file:update').slice(-1);
    const [added] = eventsNamed(server, 'preview-background-file:add-file').slice(-1);
    expect(update?.data).toEqual({ preview_background_file_id: id });
    expect(added?.data).toEqual({ preview_background_file_id: id, extension: 'hdr' });
    expect(storedPictures(server).filter((path) => path.startsWith('staging'))).toEqual([]);
  });

  it('refuses other formats and deletes the row, as Zou does', async () => {
    const id = await newBackground();
    const response = await upload(id, await picture('png', 40, 20), 'sky.png');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: true,
      message: 'Wrong file format, extension: png',
      data: null,
    });
    expect((await admin.get(`/data/preview-background-files/${id}`)).status).toBe(404);
    expect(storedPictures(server).filter((path) => path.includes(id))).toEqual([]);
  });

  it('keeps a refused row that a project still lists', async () => {
    const id = await newBackground();
    linkToProject(addProject(server), id);
    expect((await upload(id, Buffer.from('%PDF-1.4'), 'sky.pdf')).status).toBe(400);
    expect((await admin.get(`/data/preview-background-files/${id}`)).status).toBe(200);
  });

  it('answers "Error while saving…" for a file that is no HDR picture, and drops the row', async () => {
    const id = await newBackground();
    const response = await upload(id, Buffer.from('#?RADIANCE\nnonsense'), 'broken.hdr');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(
      `Error while saving preview background file and thumbnail: ${id}`,
    );
    expect((await admin.get(`/data/preview-background-files/${id}`)).status).toBe(404);
    expect(storedPictures(server).some((path) => path.includes(id))).toBe(false);
  });

  it('checks the caller, the row and the file before storing anything', async () => {
    const id = await newBackground();
    const manager = addPerson(server, 'manager');
    const hdr = skyHdr(16, 8);
    expect((await upload(id, hdr, 'sky.hdr', manager)).status).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await upload(unknown, hdr, 'sky.hdr')).status).toBe(404);
    expect((await upload('not-an-id', hdr, 'sky.hdr')).status).toBe(404);
    const path = `/pictures/preview-background-files/${id}`;
    const otherField = await postFile(server, admin.token, path, hdr, 'sky.hdr', 'picture');
    expect(otherField.status).toBe(400);
    expect(otherField.body).toEqual({ error: true, message: 'File not provided.', data: null });
    expect((await admin.post(path, {})).body.message).toBe('File not provided.');
    expect((await admin.get(`/data/preview-background-files/${id}`)).body.extension).toBeNull();
    expect(storedPictures(server).some((stored) => stored.includes(id))).toBe(false);
  });

  it('refuses an upload larger than the server accepts while it streams', async () => {
    const small = await startTestServer({ maxPreviewBytes: 1000 });
    try {
      const smallAdmin = addPerson(small, 'admin');
      const created = await smallAdmin.post('/data/preview-background-files', { name: 'Big sky' });
      const id = created.body.id as string;
      const response = await postFile(
        small,
        smallAdmin.token,
        `/pictures/preview-background-files/${id}`,
        skyHdr(400, 200),
        'big.hdr',
      );
      expect(response.status).toBe(413);
      expect(storedPictures(small)).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('reading preview background files', () => {
  it('serves the file to anyone signed in, under its own extension only', async () => {
    const id = await newBackground();
    const artist = addPerson(server, 'user');
    const before = await getBytes(
      server,
      artist.token,
      `/pictures/preview-background-files/${id}.hdr`,
    );
    expect(before.status).toBe(404);
    await upload(
      id,
      encodeHdr(8, 2, () => [10, 20, 30, 128], { scheme: 'flat' }),
      'dim.hdr',
    );
    const path = `/pictures/preview-background-files/${id}`;
    expect((await getBytes(server, artist.token, `${path}.hdr`)).status).toBe(200);
    expect((await getBytes(server, artist.token, `${path}.HDR`)).status).toBe(200);
    expect((await getBytes(server, artist.token, `${path}.png`)).status).toBe(404);
    const missing = await getBytes(server, artist.token, `${path.replace(id, 'nope')}.hdr`);
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ error: true });
    const anonymous = await fetch(`${server.baseUrl}${path}.hdr`);
    expect(anonymous.status).toBe(401);
  });

  it("lists a project's background files to its team", async () => {
    const artist = addPerson(server, 'user');
    const outsider = addPerson(server, 'user');
    const projectId = addProject(server, { team: [artist.id] });
    const listed = await newBackground();
    await newBackground();
    linkToProject(projectId, listed);
    const path = `/data/projects/${projectId}/settings/preview-background-files`;
    const response = await artist.get(path);
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(1);
    expect(response.body[0]).toMatchObject({ id: listed, type: 'PreviewBackgroundFile' });
    expect((await admin.get(path)).body).toHaveLength(1);
    expect((await outsider.get(path)).status).toBe(403);
    const unknown =
      '/data/projects/00000000-0000-4000-8000-000000000000/settings/preview-background-files';
    expect((await admin.get(unknown)).status).toBe(404);
    expect((await artist.get(unknown)).status).toBe(404);
  });
});

describe('deleting a preview background file', () => {
  it('removes the stored file and thumbnail with the row', async () => {
    const id = await newBackground();
    await upload(id, skyHdr(32, 16), 'gone.hdr');
    const { dataDir } = server.context;
    expect(existsSync(backgroundFilePath(dataDir, id, 'hdr'))).toBe(true);
    expect(existsSync(thumbnailPath(dataDir, 'preview-background-files', id))).toBe(true);
    expect((await admin.delete(`/data/preview-background-files/${id}`)).status).toBe(204);
    expect(existsSync(backgroundFilePath(dataDir, id, 'hdr'))).toBe(false);
    expect(existsSync(thumbnailPath(dataDir, 'preview-background-files', id))).toBe(false);
  });

  it('keeps the files when the row cannot go', async () => {
    const id = await newBackground();
    await upload(id, skyHdr(32, 16), 'kept.hdr');
    insertRow(server, 'project', {
      name: unique('Project '),
      project_status_id: server.context.db
        .prepare("SELECT id FROM project_status WHERE name = 'Open'")
        .pluck()
        .get(),
      default_preview_background_file_id: id,
    });
    expect((await admin.delete(`/data/preview-background-files/${id}`)).status).toBe(400);
    expect(existsSync(backgroundFilePath(server.context.dataDir, id, 'hdr'))).toBe(true);
  });
});
