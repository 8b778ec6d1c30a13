import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationRow } from '../auth/organisation';
import { addPerson, type ApiClient } from '../crud/crud-test-kit';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { storedPictures } from './preview-serving-test-kit';

// The preview-serving routes answer malformed input with a 4xx in one of Zou's shapes, never
// a 500, and write nothing: no row changes, no stored picture, nothing left in staging.

let server: TestServer;
let admin: ApiClient;
let backgroundId: string;
let organisationId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = addPerson(server, 'admin');
  backgroundId = (await admin.post('/data/preview-background-files', { name: 'Bad input' })).body
    .id as string;
  organisationId = String(organisationRow(server.context.db).id);
});
afterAll(() => server.close());

async function send(method: string, path: string, body?: string, contentType?: string) {
  const headers: Record<string, string> = { Authorization: `Bearer ${admin.token}` };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : (JSON.parse(text) as unknown) };
}

function snapshot() {
  const { db } = server.context;
  return {
    backgrounds: db.prepare('SELECT * FROM preview_background_file ORDER BY id').all(),
    organisation: db.prepare('SELECT * FROM organisation').all(),
    pictures: storedPictures(server),
  };
}

function expectKitsuError(result: { status: number; body: unknown }, label: string): void {
  expect(result.status, label).toBeGreaterThanOrEqual(400);
  expect(result.status, label).toBeLessThan(500);
  expect(result.body, label).toMatchObject({ error: true, message: expect.any(String) });
}

const BOUNDARY = '----shotdesk';

describe('preview-serving routes on bad input', () => {
  it('refuse upload bodies that hold no file, writing nothing', async () => {
    const before = snapshot();
    const bodies: [string, string | undefined, string | undefined][] = [
      ['no body', undefined, undefined],
      ['JSON', '{"file": "sky.hdr"}', 'application/json'],
      ['invalid JSON', '{"file": ', 'application/json'],
      ['a JSON array', '[1, 2]', 'application/json'],
      ['XML', '<file name="sky.hdr"/>', 'application/xml'],
      ['a form', 'file=sky.hdr', 'application/x-www-form-urlencoded'],
      ['multipart without a boundary', 'nothing', 'multipart/form-data'],
      [
        'truncated multipart',
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.hdr"\r\n\r\n#?RADIANCE`,
        `multipart/form-data; boundary=${BOUNDARY}`,
      ],
      ['garbage multipart', 'garbage', `multipart/form-data; boundary=${BOUNDARY}`],
    ];
    for (const path of [
      `/pictures/preview-background-files/${backgroundId}`,
      `/pictures/thumbnails/organisations/${organisationId}`,
    ]) {
      for (const [label, body, type] of bodies) {
        expectKitsuError(await send('POST', path, body, type), `${path}: ${label}`);
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('answer malformed and unknown ids with 404', async () => {
    const before = snapshot();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const requests: [string, string][] = [
      ['GET', '/pictures/preview-background-files/not-an-id.hdr'],
      ['GET', '/pictures/preview-background-files/..%2F..%2Fkitsu.db'],
      ['GET', `/pictures/preview-background-files/${unknown}.hdr`],
      ['GET', `/pictures/preview-background-files/${backgroundId}.%2E%2E`],
      ['GET', '/pictures/thumbnails/preview-background-files/%00.png'],
      ['GET', `/pictures/thumbnails/preview-background-files/${unknown}.png`],
      ['GET', '/pictures/thumbnails/organisations/..%2F..%2Fkitsu.png'],
      ['GET', '/data/projects/not-a-uuid/settings/preview-background-files'],
      ['POST', '/pictures/preview-background-files/..%2Fx'],
      ['POST', "/pictures/thumbnails/organisations/1' OR '1'='1"],
    ];
    for (const [method, path] of requests) {
      const result =
        method === 'GET'
          ? await send(method, path)
          : await send(method, path, '{}', 'application/json');
      if (path.includes('organisations') && method === 'POST') {
        // The file is looked for before the id, as Zou does.
        expect(result.status, path).toBe(400);
      } else {
        expect(result.status, path).toBe(404);
      }
      expectKitsuError(result, path);
    }
    expect(snapshot()).toEqual(before);
  });
});
