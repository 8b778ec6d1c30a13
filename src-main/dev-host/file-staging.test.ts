import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEV_HOST_FILE_NAME_HEADER,
  DEV_HOST_STAGE_PATH,
  DEV_HOST_TOKEN_HEADER,
} from '../../src-shared/ipc/dev-host-protocol';
import { GrantedFiles } from '../files/granted-files';
import { EventHub } from '../ipc/event-hub';
import { safeFileName } from './file-staging';
import { startDevHost, type DevHost } from './dev-host-server';

const MAX_BYTES = 1024;
let host: DevHost;
let root: string;
const granted = new GrantedFiles();
const grants: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shotdesk-staging-'));
  host = await startDevHost({
    port: 0,
    events: new EventHub(),
    dispatch: async () => ({ ok: true, value: null }),
    renderer: async () => ({
      handle: (_request, response) => response.end('renderer'),
      close: async () => undefined,
    }),
    staging: {
      root,
      maxBytes: MAX_BYTES,
      grant: (path) => {
        grants.push(path);
        granted.grant(path);
      },
    },
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const ownOrigin = () => `http://127.0.0.1:${host.port}`;

interface Upload {
  origin?: string;
  token?: string;
  name?: string;
  body: Buffer;
  /** Sent without Content-Length, as a stream of unknown size is. */
  chunked?: boolean;
}

/** A raw HTTP upload, so that the test controls every header a browser would send. */
function upload(options: Upload): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (options.origin !== undefined) headers.Origin = options.origin;
  if (options.token !== undefined) headers[DEV_HOST_TOKEN_HEADER] = options.token;
  if (options.name !== undefined) headers[DEV_HOST_FILE_NAME_HEADER] = options.name;
  if (!options.chunked) headers['Content-Length'] = String(options.body.length);
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: '127.0.0.1', port: host.port, path: DEV_HOST_STAGE_PATH, method: 'POST', headers },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      },
    );
    sent.on('error', reject);
    if (options.chunked) {
      // Small writes: the host may refuse before it has read everything.
      for (let at = 0; at < options.body.length; at += 256) {
        sent.write(options.body.subarray(at, at + 256));
      }
      sent.end();
    } else sent.end(options.body);
  });
}

const stagedFiles = (): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [];

describe('the dev host’s file staging', () => {
  it('keeps a private copy of the upload and grants main its path', async () => {
    const body = Buffer.from('frame 1042 pops\n');
    const answer = await upload({
      origin: ownOrigin(),
      token: host.token,
      name: encodeURIComponent('notes – shot 010.txt'),
      body,
    });
    expect(answer.status).toBe(200);
    const path = answer.body.path as string;
    expect(basename(path)).toBe('notes – shot 010.txt');
    expect(path.startsWith(root)).toBe(true);
    expect(readFileSync(path)).toEqual(body);
    expect(granted.isGranted(path)).toBe(true);
    expect((await granted.open(path, MAX_BYTES)).name).toBe('notes – shot 010.txt');
  });

  it('needs the token and a page of its own origin', async () => {
    const before = grants.length;
    const body = Buffer.from('x');
    const name = 'a.txt';
    for (const attempt of [
      { origin: ownOrigin(), body, name },
      { origin: ownOrigin(), token: 'not-the-token', body, name },
      { origin: 'http://evil.example', token: host.token, body, name },
      { token: host.token, body, name },
    ]) {
      const answer = await upload(attempt);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect(grants.length).toBe(before);
  });

  it('refuses a file over the cap, announced or not, and keeps nothing of it', async () => {
    const before = { grants: grants.length, files: stagedFiles().length };
    const tooBig = Buffer.alloc(MAX_BYTES + 1, 7);
    const announced = await upload({
      origin: ownOrigin(),
      token: host.token,
      name: 'big',
      body: tooBig,
    });
    expect(announced.status).toBe(413);
    expect(announced.body.error).toMatchObject({ code: 'invalid-input' });
    expect(announced.body.error.message).toContain('larger than 1 KB');
    // Without a Content-Length the host counts as it reads, and stops at the cap.
    await upload({
      origin: ownOrigin(),
      token: host.token,
      name: 'big',
      body: tooBig,
      chunked: true,
    }).then(
      (answer) => expect(answer.status).toBe(413),
      (error: NodeJS.ErrnoException) => expect(error.code).toMatch(/ECONNRESET|EPIPE/),
    );
    expect(grants.length).toBe(before.grants);
    expect(stagedFiles().length).toBe(before.files);
    // Exactly the cap is fine.
    const atCap = await upload({
      origin: ownOrigin(),
      token: host.token,
      name: 'cap.bin',
      body: Buffer.alloc(MAX_BYTES),
      chunked: true,
    });
    expect(atCap.status).toBe(200);
  });

  it('keeps only the last segment of the name, and one folder per file', async () => {
    const first = await upload({
      origin: ownOrigin(),
      token: host.token,
      name: encodeURIComponent('../../outside.txt'),
      body: Buffer.from('1'),
    });
    const second = await upload({
      origin: ownOrigin(),
      token: host.token,
      name: 'outside.txt',
      body: Buffer.from('2'),
    });
    expect(basename(first.body.path)).toBe('outside.txt');
    expect(dirname(first.body.path)).not.toBe(dirname(second.body.path));
    expect(readFileSync(first.body.path, 'utf8')).toBe('1');
    expect(readFileSync(second.body.path, 'utf8')).toBe('2');
    const nameless = await upload({
      origin: ownOrigin(),
      token: host.token,
      body: Buffer.from(''),
    });
    expect(nameless.status).toBe(400);
  });
});

describe('a launch’s staging', () => {
  it('is removed when the dev host closes', async () => {
    const other = await startDevHost({
      port: 0,
      events: new EventHub(),
      dispatch: async () => ({ ok: true, value: null }),
      renderer: async () => ({ handle: (_q, response) => response.end(), close: async () => {} }),
      staging: { root, maxBytes: MAX_BYTES, grant: () => undefined },
    });
    const response = await fetch(`http://127.0.0.1:${other.port}${DEV_HOST_STAGE_PATH}`, {
      method: 'POST',
      headers: {
        Origin: `http://127.0.0.1:${other.port}`,
        [DEV_HOST_TOKEN_HEADER]: other.token,
        [DEV_HOST_FILE_NAME_HEADER]: 'temp.txt',
      },
      body: 'temporary',
    });
    const { path } = (await response.json()) as { path: string };
    expect(readFileSync(path, 'utf8')).toBe('temporary');
    await other.close();
    expect(existsSync(path)).toBe(false);
    // The other launch's copies stay.
    expect(stagedFiles().length).toBeGreaterThan(0);
  });
});

describe('staged file names', () => {
  it('are one safe path segment', () => {
    expect(safeFileName('report.pdf')).toBe('report.pdf');
    expect(safeFileName(encodeURIComponent('C:\\Users\\me\\shot.exr'))).toBe('shot.exr');
    expect(safeFileName('a%3Cb%3E%3A.txt')).toBe('a_b__.txt');
    expect(safeFileName('line%0Abreak%7F.txt')).toBe('line_break_.txt');
    expect(safeFileName('..')).toBeNull();
    expect(safeFileName('...')).toBeNull();
    expect(safeFileName('%E0%A4%A')).toBeNull();
    expect(safeFileName(undefined)).toBeNull();
    const long = safeFileName(`${'x'.repeat(300)}.mov`)!;
    expect(long.length).toBe(200);
    expect(long.endsWith('.mov')).toBe(true);
  });
});
