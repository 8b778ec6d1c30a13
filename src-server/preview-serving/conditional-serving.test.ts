import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, type ApiClient } from '../crud/crud-test-kit';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { encodeHdr, getBytes, json, postFile } from './preview-serving-test-kit';

// Conditional GETs as Zou's `send_file(conditional=True)` answers them (werkzeug's rules),
// through a stored preview background file.

let server: TestServer;
let artist: ApiClient;
let hdr: Buffer;
let path: string;
let etag: string;
let lastModified: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = addPerson(server, 'admin');
  artist = addPerson(server, 'user');
  const id = (await admin.post('/data/preview-background-files', { name: 'Ranges' })).body
    .id as string;
  hdr = encodeHdr(64, 4, (x, y) => [x * 4, y * 60, 255 - x, 128], { scheme: 'flat' });
  await postFile(server, admin.token, `/pictures/preview-background-files/${id}`, hdr, 'r.hdr');
  path = `/pictures/preview-background-files/${id}.hdr`;
  const whole = await getBytes(server, artist.token, path);
  etag = whole.headers.get('etag') ?? '';
  lastModified = whole.headers.get('last-modified') ?? '';
});
afterAll(() => server.close());

const get = (headers: Record<string, string> = {}) => getBytes(server, artist.token, path, headers);

describe('byte ranges', () => {
  it('serves the first bytes, a middle range, the rest and a suffix', async () => {
    const size = hdr.length;
    const cases: [string, number, number][] = [
      ['bytes=0-9', 0, 9],
      ['bytes=100-199', 100, 199],
      ['bytes=1000-', 1000, size - 1],
      ['bytes=-50', size - 50, size - 1],
      ['bytes=10-999999', 10, size - 1],
      // werkzeug reads a zero suffix as "from 0": the whole file, as a 206.
      ['bytes=-0', 0, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await get({ Range: range });
      expect(response.status, range).toBe(206);
      expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect(response.bytes.equals(hdr.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 with Kitsu’s error body to ranges werkzeug cannot serve', async () => {
    const size = hdr.length;
    for (const range of [
      `bytes=${size}-`,
      `bytes=-${size + 1}`,
      'bytes=9-3',
      'bytes=0-1,5-6',
      'bytes=abc',
      'items=0-1',
      'bytes',
    ]) {
      const response = await get({ Range: range });
      expect(response.status, range).toBe(416);
      expect(response.headers.get('content-range'), range).toBe(`bytes */${size}`);
      expect(json(response), range).toEqual({
        error: true,
        message: 'The server cannot provide the requested range.',
      });
    }
  });

  it('honours If-Range: the range while the file is unchanged, else the whole file', async () => {
    const stale = '"1-2"';
    const past = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const cases: [string, number][] = [
      [etag, 206],
      [`W/${etag}`, 206],
      [stale, 200],
      [lastModified, 206],
      [past, 200],
    ];
    for (const [ifRange, status] of cases) {
      const response = await get({ Range: 'bytes=0-3', 'If-Range': ifRange });
      expect(response.status, ifRange).toBe(status);
      expect(response.bytes.length, ifRange).toBe(status === 206 ? 4 : hdr.length);
    }
  });
});

describe('validators', () => {
  it('sends a strong ETag and the row’s update time', () => {
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(lastModified).toMatch(/ GMT$/);
  });

  it('answers 304 when the client holds the file, by ETag first, else by date', async () => {
    const past = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const cases: [Record<string, string>, number][] = [
      [{ 'If-None-Match': etag }, 304],
      [{ 'If-None-Match': `W/${etag}` }, 304],
      [{ 'If-None-Match': `"other", ${etag}` }, 304],
      [{ 'If-None-Match': '*' }, 304],
      [{ 'If-None-Match': '"other"' }, 200],
      [{ 'If-Modified-Since': lastModified }, 304],
      [{ 'If-Modified-Since': past }, 200],
      // If-None-Match decides when both are sent.
      [{ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }, 200],
    ];
    for (const [headers, status] of cases) {
      const response = await get(headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(response.bytes.length, JSON.stringify(headers)).toBe(status === 304 ? 0 : hdr.length);
    }
  });

  it('serves a range before considering a 304, as werkzeug does', async () => {
    const response = await get({ Range: 'bytes=0-3', 'If-None-Match': etag });
    expect(response.status).toBe(206);
  });
});
