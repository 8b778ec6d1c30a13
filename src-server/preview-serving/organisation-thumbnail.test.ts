import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationRow } from '../auth/organisation';
import { addPerson, eventsNamed, type ApiClient } from '../crud/crud-test-kit';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { thumbnailPath } from './picture-storage';
import { getBytes, picture, pixelAt, postFile, storedPictures } from './preview-serving-test-kit';

let server: TestServer;
let admin: ApiClient;
let organisationId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = addPerson(server, 'admin');
  organisationId = String(organisationRow(server.context.db).id);
});
afterAll(() => server.close());

const uploadPath = (id: string) => `/pictures/thumbnails/organisations/${id}`;

describe("the organisation's thumbnail", () => {
  it('is a 404 until one is uploaded', async () => {
    const artist = addPerson(server, 'user');
    const response = await getBytes(server, artist.token, `${uploadPath(organisationId)}.png`);
    expect(response.status).toBe(404);
  });

  it('takes a picture from an admin, stores it as a 400×400 PNG and tells everyone', async () => {
    const response = await postFile(
      server,
      admin.token,
      uploadPath(organisationId),
      await picture('jpeg', 800, 400),
      'logo.jpg',
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      thumbnail_path: `pictures/thumbnails/organisations/${organisationId}.png`,
    });
    const organisation = (await admin.get(`/data/organisations/${organisationId}`)).body;
    expect(organisation.has_avatar).toBe(true);
    expect(eventsNamed(server, 'organisation:update').at(-1)?.data).toEqual({
      organisation_id: organisationId,
    });
    expect(eventsNamed(server, 'organisation:set-thumbnail').at(-1)?.data).toEqual({
      organisation_id: organisationId,
    });

    const artist = addPerson(server, 'user');
    const served = await getBytes(server, artist.token, `${uploadPath(organisationId)}.png`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('last-modified')).toBe(
      new Date(`${String(organisation.updated_at)}Z`).toUTCString(),
    );
    const meta = await sharp(served.bytes).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([400, 400, true]);
    // The 2:1 logo fills the width; transparent bands above and below.
    expect((await pixelAt(served.bytes, 200, 50))[3]).toBe(0);
    const [red, green, blue, alpha] = await pixelAt(served.bytes, 200, 200);
    expect(alpha).toBe(255);
    expect(
      Math.abs((red ?? 0) - 30) + Math.abs((green ?? 0) - 120) + Math.abs((blue ?? 0) - 200),
    ).toBeLessThan(12);
  });

  it('is only for admins, needs a file and a readable picture, and this organisation', async () => {
    const manager = addPerson(server, 'manager');
    const png = await picture('png', 50, 50);
    expect(
      (await postFile(server, manager.token, uploadPath(organisationId), png, 'a.png')).status,
    ).toBe(403);
    const noFile = await postFile(
      server,
      admin.token,
      uploadPath(organisationId),
      png,
      'a.png',
      'x',
    );
    expect(noFile.status).toBe(400);
    expect(noFile.body).toEqual({ error: true, message: 'File not provided.', data: null });
    const text = Buffer.from('this is not a picture');
    const unreadable = await postFile(
      server,
      admin.token,
      uploadPath(organisationId),
      text,
      'a.png',
    );
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.message).toMatch(/^The uploaded picture could not be read/);

    const otherId = '00000000-0000-4000-8000-000000000000';
    expect((await postFile(server, admin.token, uploadPath(otherId), png, 'a.png')).status).toBe(
      404,
    );
    expect(existsSync(thumbnailPath(server.context.dataDir, 'organisations', otherId))).toBe(false);
    expect(storedPictures(server).filter((path) => path.startsWith('staging'))).toEqual([]);
  });
});
