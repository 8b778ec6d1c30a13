import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { SyncState } from '../../../src-shared/sync';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../../src-server/seed/demo-accounts';
import { MemorySecretStore } from '../../session/memory-secret-store';
import { SessionService } from '../../session/session-service';
import { AppStateStore } from '../../settings/app-state-store';
import { SyncService, type SyncServiceOptions } from '../sync-service';
import type { SyncSession } from '../sync-session';

export interface Push {
  tables: string[];
  taskIds?: string[];
}

/** A person's session and sync service on a temp user-data folder, counting every request. */
export interface SyncApp {
  sync: SyncService;
  session: SessionService;
  /** `METHOD path` of every request the session's client sent (through the proxy). */
  requests: string[];
  /** `cache:changed` pushes, in order. */
  pushes: Push[];
  /** `sync:changed` pushes, in order. */
  states: SyncState[];
  /** The open cache (waits for it after the login). */
  cache(): Promise<SyncSession>;
  /** Resolves once a complete sync ran and ended after `states[since]` (from the start: all). */
  synced(since?: number): Promise<void>;
  close(): Promise<void>;
}

export const WAIT = { timeout: 20_000, interval: 20 };

/** Jordan logged in to `apiUrl` (a studio's proxy) with a sync service as the app wires it. */
export async function openSyncApp(
  apiUrl: string,
  options: Partial<SyncServiceOptions> = {},
  email = DEMO_ARTIST_EMAIL,
): Promise<SyncApp> {
  const dir = mkdtempSync(join(tmpdir(), 'shotdesk-sync-'));
  const requests: string[] = [];
  const pushes: Push[] = [];
  const states: SyncState[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(apiUrl))
      requests.push(`${init?.method ?? 'GET'} ${url.slice(apiUrl.length)}`);
    return fetch(input, init);
  };
  const sync: SyncService = new SyncService({
    userDataDir: dir,
    sessionClient: () => session.client(),
    onCacheChanged: (tables, taskIds) => pushes.push(taskIds ? { tables, taskIds } : { tables }),
    onState: (state) => states.push(state),
    fetch: counting,
    probeBaseMs: 50,
    probeMaxMs: 400,
    ...options,
  });
  const session: SessionService = new SessionService({
    secrets: new MemorySecretStore(),
    appState: new AppStateStore(join(dir, 'state.json')),
    localStudioUrl: () => Promise.reject(new Error('no local studio here')),
    onChange: (state) => sync.follow(state),
    fetch: sync.watchFetch(counting),
  });
  const login = await session.login(
    { kind: 'remote', url: apiUrl },
    { identifier: email, password: DEMO_PASSWORD },
  );
  if (login.status !== 'logged-in') throw new Error(`login: ${JSON.stringify(login)}`);
  const app: SyncApp = {
    sync,
    session,
    requests,
    pushes,
    states,
    async cache() {
      await vi.waitFor(() => {
        if (!sync.current()) throw new Error('the cache is not open yet');
      }, WAIT);
      return sync.current()!;
    },
    async synced(since = 0) {
      await vi.waitFor(() => {
        const later = states.slice(since);
        const started = later.findIndex((state) => state.connectivity === 'syncing');
        const ended = later.slice(started + 1).some((state) => state.connectivity === 'online');
        if (started < 0 || !ended || sync.state().lastSyncedAt === null) {
          throw new Error(`no complete sync yet: ${JSON.stringify(later)}`);
        }
      }, WAIT);
    },
    async close() {
      await sync.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}
