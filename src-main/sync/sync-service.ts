import type { LiveState } from '../../src-shared/live';
import type { LoggedInState, SessionState } from '../../src-shared/session';
import type { SyncState } from '../../src-shared/sync';
import { cacheFilePath, openCacheDb } from '../cache/cache-db';
import type { KitsuClient } from '../kitsu/kitsu-client';
import type { ChangePush } from '../live/change-batcher';
import { Connectivity, probeServer } from './connectivity';
import { watchedFetch } from './connectivity-fetch';
import type { SyncExtensionFactory } from './sync-extension';
import { SyncSession } from './sync-session';

export interface SyncServiceOptions {
  /** The cache files live in `<userDataDir>/cache`. */
  userDataDir: string;
  /** better-sqlite3's addon built for Electron, when main runs from the source tree. */
  sqliteNativeBinding?: string;
  /** The logged-in session's client (SessionService's). */
  sessionClient: () => Promise<KitsuClient>;
  /** `cache:changed` */
  onCacheChanged: ChangePush;
  /** `sync:changed` */
  onState: (state: SyncState) => void;
  /** For the connectivity probe. */
  fetch?: typeof fetch;
  refreshAfterMs?: number;
  bootstrapThreads?: number;
  threadConcurrency?: number;
  probeBaseMs?: number;
  probeMaxMs?: number;
}

/** Nobody logged in: no server to reach. */
const LOGGED_OUT: SyncState = {
  connectivity: 'offline',
  pending: 0,
  conflicts: [],
  lastSyncedAt: null,
};

/**
 * The offline cache of whoever is logged in: opens the person's cache file for the server
 * after a login or a restore (and syncs it), closes it at logout (the file stays for the next
 * login), and keeps the sync state (`sync:state`, `sync:changed`).
 */
export class SyncService {
  private session: SyncSession | null = null;
  private opening = 0;
  private readonly extensions: SyncExtensionFactory[] = [];
  private published = JSON.stringify(LOGGED_OUT);
  private following: Promise<void> = Promise.resolve();

  constructor(private readonly options: SyncServiceOptions) {}

  /** Meant for SessionService's `onChange`. */
  follow(state: SessionState): void {
    const change = ++this.opening;
    if (state.status !== 'logged-in') {
      this.following = this.closeSession();
      return;
    }
    this.following = this.options.sessionClient().then(
      async (client) => {
        if (change !== this.opening || this.session?.kitsu === client) return;
        await this.closeSession();
        if (change === this.opening) this.open(state, client);
      },
      async () => {
        if (change === this.opening) await this.closeSession();
      },
    );
  }

  /**
   * Resolves once the cache follows the session's last change (opened after a login or a
   * restore, closed after a logout): until then `state()` would say nothing waits.
   */
  async settled(): Promise<void> {
    let seen: Promise<void> | null = null;
    while (seen !== this.following) {
      seen = this.following;
      await seen.catch(() => undefined);
    }
  }

  /**
   * `fetch` for the session's Kitsu client: what its requests meet tells connectivity whether
   * the server can be reached.
   */
  watchFetch(base: typeof fetch): typeof fetch {
    return watchedFetch(base, {
      apiUrl: () => this.session?.apiUrl ?? null,
      reachable: () => this.session?.connectivity.reachable(),
      unreachable: () => this.session?.connectivity.unreachable(),
    });
  }

  /** The open cache of this client's session; null when there is none (reads go to the server). */
  for(client: KitsuClient): SyncSession | null {
    return this.session?.kitsu === client && !this.session.closed ? this.session : null;
  }

  /** The open cache, whoever's client asks. */
  current(): SyncSession | null {
    return this.session && !this.session.closed ? this.session : null;
  }

  /** Adds to every session from now on (and to the open one). */
  extend(factory: SyncExtensionFactory): void {
    this.extensions.push(factory);
    if (this.session) this.session.attach(factory(this.session));
    this.publishState();
  }

  /**
   * The live connection's state is evidence too: connected means the server answers; a drop
   * (with its reason) is checked by a probe. A stop without reason (logout) says nothing.
   */
  liveChanged(state: LiveState): void {
    const connectivity = this.session?.connectivity;
    if (!connectivity) return;
    if (state.status === 'connected') connectivity.reachable();
    else if (state.detail !== null) connectivity.unreachable();
  }

  /** News from the server: refreshed into the cache before the renderer hears of it. */
  serverChanged(tables: string[], taskIds?: string[]): void {
    const session = this.session;
    if (!session) {
      this.options.onCacheChanged(tables, taskIds);
      return;
    }
    void session.serverChanged(tables, taskIds);
  }

  state(): SyncState {
    const session = this.session;
    if (!session || session.closed) return LOGGED_OUT;
    return {
      connectivity:
        session.connectivity.status === 'offline'
          ? 'offline'
          : session.syncing
            ? 'syncing'
            : 'online',
      pending: session.pendingCount(),
      conflicts: session.conflicts(),
      lastSyncedAt: session.lastSyncedAt,
    };
  }

  /** Pushes `sync:changed` when the state differs from the last one pushed. */
  publishState(): void {
    const state = this.state();
    const json = JSON.stringify(state);
    if (json === this.published) return;
    this.published = json;
    this.options.onState(state);
  }

  async close(): Promise<void> {
    this.opening += 1;
    await this.closeSession();
  }

  private open(state: LoggedInState, client: KitsuClient): void {
    // The local studio listens on a new port at each start: it is one server all the same.
    const server = state.server.kind === 'local' ? 'local-studio' : state.server.apiUrl;
    const path = cacheFilePath(this.options.userDataDir, server, state.user.id);
    let db;
    try {
      db = openCacheDb(path, this.options.sqliteNativeBinding);
    } catch (error) {
      // Without a cache the app still works online, as before it had one.
      console.error(`Shotdesk: the offline cache ${path} cannot be opened: ${String(error)}`);
      return;
    }
    const fetchImpl = this.options.fetch ?? fetch;
    const connectivity = new Connectivity({
      probe: probeServer(client.apiUrl, fetchImpl),
      onChange: () => this.publishState(),
      probeBaseMs: this.options.probeBaseMs,
      probeMaxMs: this.options.probeMaxMs,
    });
    const session = new SyncSession({
      db,
      cachePath: path,
      apiUrl: client.apiUrl,
      personId: state.user.id,
      role: state.user.role,
      client,
      connectivity,
      push: this.options.onCacheChanged,
      stateChanged: () => this.publishState(),
      refreshAfterMs: this.options.refreshAfterMs ?? 5_000,
      bootstrapThreads: this.options.bootstrapThreads ?? 200,
      threadConcurrency: this.options.threadConcurrency ?? 4,
    });
    this.session = session;
    // Back online after a gap: catch up (the outbox flushes through its own `onOnline`).
    connectivity.onOnline(() => void session.syncAll().catch(() => undefined));
    for (const factory of this.extensions) session.attach(factory(session));
    this.publishState();
    void session.syncAll().catch(() => undefined);
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.connectivity.stop();
    await session.close();
    this.publishState();
  }
}
