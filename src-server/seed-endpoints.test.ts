import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

// Every endpoint of the API spec's seed list must be routed (REFERENCE.md). The ones not served
// yet are named here, so the list can only shrink: serving one fails this test until it is
// taken off the list.
const UNSERVED = [
  'GET /data/playlists/{playlist_id}/build/mp4',
  'GET /data/playlists/{playlist_id}/jobs/{build_job_id}',
];

// A copy of shared/kitsu-api/seed-endpoints.txt: the 104 endpoints of the spec we implement.
const SEED_LIST = fileURLToPath(new URL('./spec/seed-endpoints.txt', import.meta.url));
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a spec path: ids, dates and the extension filled in. */
function concrete(path: string): string {
  return path
    .replace('{extension}', 'png')
    .replace('{month_date}', '2026-01')
    .replace('{year}', '2026')
    .replace('{date}', '2026-01-01')
    .replace('{entity_type}', 'shot')
    .replace(/\{[a-z_]+\}/g, SOME_ID);
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the seed endpoints of the API spec', () => {
  it('are all routed, but for the named unserved ones', async () => {
    const endpoints = readFileSync(SEED_LIST, 'utf8').trim().split('\n');
    expect(endpoints.length).toBe(104);
    const unrouted: string[] = [];
    for (const endpoint of endpoints) {
      const [method, path] = endpoint.split(' ') as [string, string];
      // An unrouted path answers 404 before any auth check; a routed one refuses the token.
      const response = await server.server.app.inject({
        method: method as 'GET',
        url: `/api${concrete(path)}`,
        headers: { authorization: 'Bearer not.a.token' },
      });
      if (response.statusCode === 404) unrouted.push(endpoint);
    }
    expect(unrouted).toEqual(UNSERVED);
  });
});
