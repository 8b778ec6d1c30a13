import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../src-server/test-support/test-server';
import { proxyTo, type CuttableProxy } from '../live/test-support/cuttable-proxy';
import { Connectivity, probeServer, type Reachability } from './connectivity';
import { watchedFetch } from './connectivity-fetch';

let server: TestServer;
let proxy: CuttableProxy;
/** The server's API through the proxy that cuts the network. */
let apiUrl: string;
const running: Connectivity[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await proxyTo(server.baseUrl);
  apiUrl = `${proxy.origin}/api`;
});
afterEach(() => {
  for (const connectivity of running.splice(0)) connectivity.stop();
  proxy.goOnline();
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const WAIT = { timeout: 20_000, interval: 10 };

function watch() {
  const changes: Reachability[] = [];
  let probes = 0;
  const probe = probeServer(apiUrl, fetch, 2_000);
  const connectivity = new Connectivity({
    probe: () => {
      probes += 1;
      return probe();
    },
    onChange: (status) => changes.push(status),
    probeBaseMs: 40,
    probeMaxMs: 200,
  });
  running.push(connectivity);
  let onlineAgain = 0;
  connectivity.onOnline(() => (onlineAgain += 1));
  return { connectivity, changes, probes: () => probes, onlineAgain: () => onlineAgain };
}

describe('connectivity, from real requests and a probe', () => {
  it('stays online when a failure was a blip: the probe got an answer', async () => {
    const { connectivity, changes, probes } = watch();
    connectivity.unreachable();
    await vi.waitFor(() => expect(probes()).toBe(1), WAIT);
    // Nothing turns offline, now or later.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connectivity.status).toBe('online');
    expect(changes).toEqual([]);
  });

  it('goes offline when the probe fails too, probes with backoff, and comes back', async () => {
    const { connectivity, changes, probes, onlineAgain } = watch();
    proxy.goOffline();
    connectivity.unreachable();
    await vi.waitFor(() => expect(connectivity.status).toBe('offline'), WAIT);
    // Further failures change nothing while offline; the probes go on by themselves.
    connectivity.unreachable();
    await vi.waitFor(() => expect(probes()).toBeGreaterThanOrEqual(4), WAIT);
    expect(changes).toEqual(['offline']);

    proxy.goOnline();
    await vi.waitFor(() => expect(connectivity.status).toBe('online'), WAIT);
    expect(changes).toEqual(['offline', 'online']);
    expect(onlineAgain()).toBe(1);
    const after = probes();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(probes()).toBe(after);
  });

  it('turns online at once when any request gets an answer while offline', async () => {
    const { connectivity, changes, onlineAgain } = watch();
    proxy.goOffline();
    connectivity.unreachable();
    await vi.waitFor(() => expect(connectivity.status).toBe('offline'), WAIT);
    proxy.goOnline();
    connectivity.reachable();
    expect(connectivity.status).toBe('online');
    expect(changes).toEqual(['offline', 'online']);
    expect(onlineAgain()).toBe(1);
  });

  it('learns from every request of the session that goes through its fetch', async () => {
    const { connectivity } = watch();
    const seen: string[] = [];
    const watched = watchedFetch(fetch, {
      apiUrl: () => apiUrl,
      reachable: () => {
        seen.push('reachable');
        connectivity.reachable();
      },
      unreachable: () => {
        seen.push('unreachable');
        connectivity.unreachable();
      },
    });
    expect((await watched(`${apiUrl}/data/user/tasks`)).status).toBe(401);
    proxy.goOffline();
    await expect(watched(`${apiUrl}/data/user/tasks`)).rejects.toThrow();
    // Another server's requests, and the caller's own abort, say nothing about this one.
    await expect(watched('http://127.0.0.1:1/api')).rejects.toThrow();
    const aborted = new AbortController();
    aborted.abort();
    await expect(watched(`${apiUrl}/data`, { signal: aborted.signal })).rejects.toThrow();
    expect(seen).toEqual(['reachable', 'unreachable']);
    await vi.waitFor(() => expect(connectivity.status).toBe('offline'), WAIT);
  });
});
